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
        let result: Result<RunResult, OfficeError> = await Self.onOwnThread {
            Result { () throws(OfficeError) -> RunResult in try office.run(program, request) }
        }
        return try result.get()
    }

    /// Runs `work` on a new thread (with the stack GLPK's search needs) and
    /// resumes with its value.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
