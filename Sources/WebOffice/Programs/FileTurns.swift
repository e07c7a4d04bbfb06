/// Changes to a program's input files take turns: an upload is staged,
/// checked and written, and a round is closed, one at a time per program, so
/// each is checked against the files it replaces.
actor FileTurns {
    private var tails: [String: Task<Void, Never>] = [:]

    func exclusive<T: Sendable>(_ program: String, _ work: @escaping @Sendable () async throws -> T) async throws
        -> T
    {
        let previous = tails[program]
        let task = Task { () async throws -> T in
            await previous?.value
            return try await work()
        }
        tails[program] = Task { _ = try? await task.value }
        return try await task.value
    }
}
