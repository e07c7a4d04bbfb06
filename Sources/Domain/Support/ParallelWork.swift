import Dispatch
import Foundation

/// Independent pieces of work (one letter, one calendar, one file's hash)
/// shared among the machine's cores: in ``map(_:_:)`` each core takes a
/// contiguous share of the items, in ``queue(_:)`` the next job not yet
/// started; the results come back in the items' order, so the output is
/// the same as a loop's, byte for byte.
public enum ParallelWork {
    /// `transform` of every item, in the items' order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        guard parts > 1 else { return items.map(transform) }
        let shares = Shares<R>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let range = (p * items.count / parts)..<((p + 1) * items.count / parts)
            shares.set(p, items[range].map(transform))
        }
        return shares.joined()
    }

    /// `first` and `second` side by side (on two threads when the machine
    /// has two cores); an error of `second` is thrown once both have ended.
    public static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () throws -> B
    ) throws -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), try second()) }
        let a = Shares<A>(count: 1), b = Shares<Result<B, any Error>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { a.set(0, [first()]) } else { b.set(0, [Result { try second() }]) }
        }
        return (a.joined()[0], try b.joined()[0].get())
    }

    /// Every job, on as many threads as the machine has cores, each thread
    /// taking the next job not yet started: a long job first and shorter
    /// ones behind it share the cores whichever way their lengths fall.
    /// The results come back in the jobs' order; the first error (in that
    /// order) is thrown once every job has ended.
    public static func queue<R: Sendable>(_ jobs: [@Sendable () throws -> R]) throws -> [R] {
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, jobs.count)
        guard threads > 1 else { return try jobs.map { try $0() } }
        let results = Shares<Result<R, any Error>>(count: jobs.count)
        let next = NextJob()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let i = next.take(below: jobs.count) { results.set(i, [Result { try jobs[i]() }]) }
        }
        return try results.joined().map { try $0.get() }
    }

    /// The next job's number, handed out once each.
    private final class NextJob: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()

        func take(below count: Int) -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                next += 1
                return next - 1
            }
        }
    }

    /// Each thread's results, in a slot of its own (written once, read after all threads end).
    private final class Shares<R>: @unchecked Sendable {
        private var slots: [[R]]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: [], count: count) }

        func set(_ p: Int, _ results: [R]) { lock.withLock { slots[p] = results } }

        func joined() -> [R] { lock.withLock { slots.flatMap { $0 } } }
    }
}
