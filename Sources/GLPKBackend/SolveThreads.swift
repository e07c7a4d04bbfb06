import Foundation

/// Runs independent solves at the same time, each confined to a thread of
/// its own from start to finish (GLPK keeps its environment per thread and a
/// problem must be created, solved and deleted on one thread). Swift's
/// cooperative pool is never blocked: these are plain threads.
public enum SolveThreads {
    /// `work(item)` for every item, at most `width` at once; results in input order.
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ work: @escaping @Sendable (T) -> R
    ) -> [R] {
        let results = Slots<R>(count: items.count)
        let gate = DispatchSemaphore(value: max(1, width))
        let group = DispatchGroup()
        for (k, item) in items.enumerated() {
            gate.wait()
            group.enter()
            let thread = Thread {
                results.set(k, work(item))
                gate.signal()
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return results.values
    }

    private final class Slots<R>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [R?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ value: R) { lock.withLock { slots[k] = value } }
        var values: [R] { lock.withLock { slots.map { $0! } } }
    }
}
