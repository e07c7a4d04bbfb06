import Foundation
import GLPKBackend
import Modeling

/// The program office's use cases, for every front end: open a program,
/// check it, run it (placement, seminars, explanations, files, record),
/// compare what-ifs, explain, find what binds, keep the run history, publish,
/// start the next intake, apply a what-if, export the model, generate a
/// program.
///
/// Each use case returns a value with its verdict, or throws an
/// ``OfficeError`` with a code; none prints, exits or names a command-line
/// flag. The office builds its solver itself (GLPK), applies every rule of
/// which time limit applies (``SolveLimits``), and hashes the bytes it read.
/// The solving use cases are synchronous and confined to the calling thread;
/// ``Office/runInBackground(_:_:)`` runs one on a thread of its own for a
/// caller that must not block (a server), with a ``StopSignal`` to stop it.
public struct Office: Sendable {
    /// The solver every use case solves with.
    public var solver: any Solver
    /// The time stamps the history records (ISO 8601, UTC).
    public var now: @Sendable () -> String

    /// An office solving with GLPK.
    public init() {
        self.init(solver: GLPKSolver())
    }

    public init(solver: any Solver, now: @escaping @Sendable () -> String = Office.utcNow) {
        self.solver = solver
        self.now = now
    }

    /// The current time, UTC, ISO 8601 to the second.
    public static func utcNow() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }
}
