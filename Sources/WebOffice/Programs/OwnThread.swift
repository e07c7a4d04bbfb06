import Foundation

/// Work that holds a thread from start to finish (a GLPK solve, a bcrypt
/// check) runs on a thread of its own, with the stack GLPK's search needs,
/// so the server's cooperative pool keeps answering pages meanwhile.
enum OwnThread {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
