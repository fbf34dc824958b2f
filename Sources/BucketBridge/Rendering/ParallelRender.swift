import Dispatch
import Synchronization

/// Renders destinations on every core, a chunk at a time, and hands each one to `finish` on the
/// worker that rendered it (to stage or compare its files). Only one chunk of rendered files
/// is in memory at once. Diagnostics are merged in input order, so output and messages are
/// byte-identical to a single-threaded run.
func renderInParallel<Result: Sendable>(
    _ destinations: [Destination], templates: TemplateSet, diagnostics: inout Diagnostics,
    chunkSize: Int = 256, finish: @Sendable (DestinationOutput) throws(OutputError) -> Result
) throws(OutputError) -> [Result] {
    var results: [Result] = []
    results.reserveCapacity(destinations.count)
    for start in stride(from: 0, to: destinations.count, by: chunkSize) {
        let end = min(start + chunkSize, destinations.count)
        let slots = Slots<(Diagnostics, Swift.Result<Result, OutputError>?)>(count: end - start)
        DispatchQueue.concurrentPerform(iterations: end - start) { offset in
            var local = Diagnostics()
            guard let output = renderDestination(destinations[start + offset], templates: templates, diagnostics: &local) else {
                slots[offset] = (local, nil)
                return
            }
            do throws(OutputError) {
                slots[offset] = (local, .success(try finish(output)))
            } catch {
                slots[offset] = (local, .failure(error))
            }
        }
        for (local, outcome) in slots.values {
            diagnostics.append(contentsOf: local)
            switch outcome {
            case .success(let result)?: results.append(result)
            case .failure(let error)?: throw error
            case nil: break
            }
        }
    }
    return results
}

/// Fixed-size storage that several threads fill, each at its own index.
private final class Slots<Element: Sendable>: Sendable {
    private let storage: Mutex<[Element?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    subscript(index: Int) -> Element? {
        get { storage.withLock { $0[index] } }
        set { storage.withLock { $0[index] = newValue } }
    }

    /// The filled values in index order.
    var values: [Element] { storage.withLock { $0.compactMap { $0 } } }
}
