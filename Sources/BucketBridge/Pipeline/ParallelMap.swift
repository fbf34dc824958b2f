import Dispatch

/// `body(0) ... body(count - 1)` run on every core; the results come back in index order, so
/// callers that merge them in order stay deterministic.
///
/// Each iteration writes only its own slot of the buffer, and `concurrentPerform` returns
/// after all of them, so no lock is needed.
func parallelMap<Element: Sendable>(count: Int, _ body: @Sendable (Int) -> Element) -> [Element] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = UnsafeMutableBufferPointer<Element?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: count) { index in
        shared[index] = body(index)
    }
    let results = slots.map { $0! }
    _ = slots.deinitialize()
    return results
}
