import Dispatch

/// `body(0) ... body(count - 1)` run on every core; the results come back in index order, so
/// callers that merge them in order stay deterministic.
///
/// `side`, when given, runs once alongside, on one of the threads (the calling one when there
/// is nothing to map): work the caller would otherwise do while every other core waits
/// (merging the batch before) takes a share of the cores instead.
///
/// Each iteration writes only its own slot of the buffer, and `concurrentPerform` returns
/// after all of them, so no lock is needed.
func parallelMap<Element: Sendable>(
    count: Int, alongside side: (@Sendable () -> Void)? = nil, _ body: @Sendable (Int) -> Element
) -> [Element] {
    let first = side == nil ? 0 : 1
    guard count + first > 1 else {
        side?()
        return (0..<count).map(body)
    }
    let slots = UnsafeMutableBufferPointer<Element?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    nonisolated(unsafe) let shared = slots
    // Iteration 0, handed out first, is `side` when there is one.
    DispatchQueue.concurrentPerform(iterations: count + first) { index in
        if let side, index == 0 {
            side()
        } else {
            shared[index - first] = body(index - first)
        }
    }
    // Moved out rather than copied: a copy would retain every result once more, and
    // deinitializing the slots release it again, on the one thread that waits for the others.
    return (0..<count).map { (slots.baseAddress! + $0).move()! }
}
