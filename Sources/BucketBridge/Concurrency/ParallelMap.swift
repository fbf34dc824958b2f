import Dispatch
import Synchronization

/// `body(0) ... body(count - 1)` run on every core; the results come back in index order, so
/// callers that merge them in order stay deterministic.
func parallelMap<Element: Sendable>(count: Int, _ body: @Sendable (Int) -> Element) -> [Element] {
    let slots = Mutex<[Element?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let element = body(index)
        slots.withLock { $0[index] = element }
    }
    return slots.withLock { $0.map { $0! } }
}
