/// File formats a model can be written in for other solvers.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// CPLEX LP: keeps the objective sense.
    case lp
    /// Free MPS: has no objective sense, so a maximisation is written negated.
    case mps

    public var fileExtension: String { rawValue }
}

/// What an export did beyond writing the model.
public struct ExportReport: Sendable {
    /// The objective was negated (a maximisation written to MPS as a minimisation).
    public var negatedObjective: Bool

    public init(negatedObjective: Bool) { self.negatedObjective = negatedObjective }
}

/// Why a solver could not produce a result at all.
public enum SolverError: Error, Sendable, CustomStringConvertible {
    /// The model failed validation before reaching the solver.
    case invalidModel(ModelValidationError)
    /// The solver rejected the model or failed; `message` holds its own words.
    case solverFailure(message: String)
    /// Writing or reading a model file failed.
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidModel(let e): return e.description
        case .solverFailure(let m): return "the solver failed: \(m)"
        case .io(let path, let m): return "\(path): \(m)"
        }
    }
}

/// A backend that solves ``Model``s. A solve is one synchronous call: whatever
/// the backend allocates is created, used and released on the calling thread,
/// so several solves may run at once on different threads.
public protocol Solver: Sendable {
    /// A short name for reports, e.g. "GLPK 5.0".
    var name: String { get }

    /// Solves `model`.
    ///
    /// - Parameters:
    ///   - model: the model; backends validate it before loading it.
    ///   - options: time limit, gap, cuts, starting solution and the rest;
    ///     ``SolverOptions/deterministic`` gives reproducible results.
    ///   - progress: called during a long search with the incumbent, bound
    ///     and gap, on the solving thread.
    /// - Returns: why the solve stopped (``SolveResult/termination``) and,
    ///   apart from it, the best solution found, if any, and the bound.
    /// - Throws: ``SolverError`` for an invalid model or a failure of the
    ///   solver itself; an infeasible model is a result, not an error.
    func solve(
        _ model: Model, options: SolverOptions,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) throws(SolverError) -> SolveResult

    /// Writes `model` to `path` for other solvers.
    ///
    /// - Returns: whether a maximisation was written negated (MPS has no sense).
    /// - Throws: ``SolverError`` when the model is invalid or the file cannot be written.
    @discardableResult
    func export(_ model: Model, format: ExportFormat, to path: String) throws(SolverError) -> ExportReport
}

extension Solver {
    public func solve(_ model: Model, options: SolverOptions = .deterministic) throws(SolverError) -> SolveResult {
        try solve(model, options: options, progress: nil)
    }
}
