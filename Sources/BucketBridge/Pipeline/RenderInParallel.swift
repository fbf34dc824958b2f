/// Renders destinations on every core, a chunk at a time, and hands each one to `finish` on the
/// worker that rendered it (to stage or compare its files). Only one chunk of rendered files
/// is in memory at once. Diagnostics are merged in input order, so output and messages are
/// byte-identical to a single-threaded run. `side` runs once, alongside the first chunk.
func renderInParallel<Result: Sendable>(
    _ destinations: [Destination], templates: TemplateSet, diagnostics: inout Diagnostics,
    chunkSize: Int = 256, alongside side: (@Sendable () -> Void)? = nil,
    finish: @Sendable (DestinationOutput) throws(IOError) -> Result
) throws(IOError) -> [Result] {
    var results: [Result] = []
    results.reserveCapacity(destinations.count)
    if destinations.isEmpty { side?() }
    for start in stride(from: 0, to: destinations.count, by: chunkSize) {
        let end = min(start + chunkSize, destinations.count)
        let outcomes = parallelMap(count: end - start, alongside: start == 0 ? side : nil) { offset -> (Diagnostics, Swift.Result<Result, IOError>?) in
            var local = Diagnostics()
            guard let output = renderDestination(destinations[start + offset], templates: templates, diagnostics: &local) else {
                return (local, nil)
            }
            do throws(IOError) {
                return (local, .success(try finish(output)))
            } catch {
                return (local, .failure(error))
            }
        }
        for (local, outcome) in outcomes {
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
