import Foundation
import ProgramOffice

/// Work that holds a thread from start to finish (a GLPK solve, a bcrypt
/// check) runs on a thread of its own, with the stack GLPK's search needs,
/// so the server's cooperative pool keeps answering pages meanwhile. Solves
/// run at a lower CPU priority (`lowPriority`) so that pages stay quick.
enum OwnThread {
    static func run<T: Sendable>(lowPriority: Bool = false, _ work: @escaping @Sendable () throws -> T) async throws
        -> T
    {
        try await Office.onOwnThread(lowPriority: lowPriority) { Result { try work() } }.get()
    }
}
