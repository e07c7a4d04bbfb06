import Foundation

/// Work started now on a thread of its own and waited for later: what a
/// run can make before its placement is known (the sheets of its inputs in
/// `results.xlsx`) is made while GLPK solves on the other core, the seminar
/// schedule while GLPK splits the funding of a decided placement, the
/// blocking pairs while the run waits for the schedule, and the largest
/// input file is parsed beside the others.
///
/// The thread is started by the caller's, so on Linux it keeps a lowered
/// priority (an office run at nice 10). ``value()`` waits for the work once
/// and gives the same value to every later call.
public final class WorkBeside<T: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: T?

    /// - Parameter stackSize: the thread's stack in bytes (GLPK's solves want more than the default).
    public init(stackSize: Int = 4 << 20, _ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            let value = work()
            lock.withLock { result = value }
            finished.signal()
        }
        thread.stackSize = stackSize
        thread.start()
    }

    /// The work's value, once it has ended.
    public func value() -> T {
        while true {
            if let done = lock.withLock({ result }) { return done }
            finished.wait()
            finished.signal()  // the next caller passes too
        }
    }
}
