import Foundation

extension Office {
    /// ``run(_:_:)`` on a thread of its own, for a caller that must not block
    /// (a server's request handler): GLPK keeps its state per thread and a
    /// solve holds its thread from start to finish, so the run never takes a
    /// thread of Swift's cooperative pool. ``RunRequest/stop`` stops it early.
    public func runInBackground(_ program: OpenedProgram, _ request: RunRequest) async throws(OfficeError)
        -> RunResult
    {
        let office = self
        let result: Result<RunResult, OfficeError> = await Self.onOwnThread(lowPriority: request.lowPriority) {
            Result { () throws(OfficeError) -> RunResult in try office.run(program, request) }
        }
        return try result.get()
    }

    /// Runs `work` on a new thread (with the stack GLPK's search needs) and
    /// resumes with its value; with `lowPriority`, at nice 10 (on Linux a
    /// thread's own; the threads it starts inherit it).
    public static func onOwnThread<T: Sendable>(lowPriority: Bool = false, _ work: @escaping @Sendable () -> T) async
        -> T
    {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                if lowPriority { Self.lowerPriority() }
                continuation.resume(returning: work())
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}

extension Office {
    /// Lowers the calling thread's CPU priority to nice 10 (Linux: per thread).
    static func lowerPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #else
            _ = setpriority(PRIO_PROCESS, 0, 10)
        #endif
    }
}
