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
    return movedOut(slots)
}

/// `parallelMap`, with `side` run once alongside `body`, on one of the threads: work the caller
/// would otherwise do while every other core waits (merging the batch before) takes a share of
/// the cores instead. `side` runs on the calling thread when there is nothing to map.
func parallelMap<Element: Sendable>(
    count: Int, alongside side: (@Sendable () -> Void)?, _ body: @Sendable (Int) -> Element
) -> [Element] {
    guard let side else { return parallelMap(count: count, body) }
    guard count > 0 else {
        side()
        return []
    }
    let slots = UnsafeMutableBufferPointer<Element?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    nonisolated(unsafe) let shared = slots
    // Iteration 0, handed out first, is `side`.
    DispatchQueue.concurrentPerform(iterations: count + 1) { index in
        if index == 0 {
            side()
        } else {
            shared[index - 1] = body(index - 1)
        }
    }
    return movedOut(slots)
}

/// The results of a `parallelMap`, moved out of its slots rather than copied: a copy would
/// retain every result once more, and deinitializing the slots release it again, on the one
/// thread that waits for the others. The slots are left deinitialized.
private func movedOut<Element>(_ slots: UnsafeMutableBufferPointer<Element?>) -> [Element] {
    (0..<slots.count).map { (slots.baseAddress! + $0).move()! }
}
