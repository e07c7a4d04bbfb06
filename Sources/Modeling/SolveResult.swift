/// Why a solve stopped, kept apart from whether it has a solution.
public enum TerminationReason: String, Sendable, Hashable {
    /// Proved optimal.
    case optimal
    /// Stopped with a solution that is not proved optimal for another reason.
    case feasible
    /// Proved that no solution exists.
    case infeasible
    /// The relaxation is unbounded, or the model is infeasible (not told apart).
    case unboundedOrInfeasible
    /// The time limit was reached (with or without a solution: see ``SolveResult/solution``).
    case timeLimit
    /// The relative gap limit was reached with a solution.
    case gapLimit
    /// The search was stopped by the application or failed numerically.
    case interrupted
}

/// The values found by a solve.
public struct Solution: Sendable {
    /// One value per variable, in variable order.
    public var values: [Double]
    public var objective: Double
    /// Row duals of a pure LP at its optimum (one per constraint), else `nil`.
    public var duals: [Double]?

    public init(values: [Double], objective: Double, duals: [Double]? = nil) {
        self.values = values
        self.objective = objective
        self.duals = duals
    }

    public subscript(_ v: Variable) -> Double { values[v.index] }

    /// The value of a binary variable, read as 0/1 with tolerance.
    public func isOne(_ v: Variable) -> Bool { values[v.index] > 0.5 }

    public func value<E: LinearExpressionConvertible>(of e: E) -> Double { e.linearExpression.value(at: values) }
}

/// The outcome of a solve.
public struct SolveResult: Sendable {
    public var termination: TerminationReason
    public var solution: Solution?
    /// The best proved bound on the objective, if one is known.
    public var bound: Double?
    /// Relative gap `|objective − bound| / |objective|`, when both are known.
    public var gap: Double? {
        guard let objective = solution?.objective.meaningful, let bound else { return nil }
        if termination == .optimal { return 0 }
        let denominator = max(abs(objective), 1e-9)
        return (abs(objective - bound) / denominator).meaningful
    }
    public var solveSeconds: Double
    /// Branch-and-bound nodes created (0 for an LP).
    public var nodes: Int

    public init(
        termination: TerminationReason, solution: Solution?, bound: Double?, solveSeconds: Double, nodes: Int = 0
    ) {
        self.termination = termination
        self.solution = solution
        self.bound = bound?.meaningful
        self.solveSeconds = solveSeconds
        self.nodes = nodes
    }

    public var isOptimal: Bool { termination == .optimal }
}

/// What a solver reports during a long search.
public struct SolveProgress: Sendable {
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
    public var elapsedSeconds: Double
    public var nodes: Int

    public init(incumbent: Double?, bound: Double?, gap: Double?, elapsedSeconds: Double, nodes: Int) {
        self.incumbent = incumbent?.meaningful
        self.bound = bound?.meaningful
        self.gap = gap?.meaningful
        self.elapsedSeconds = elapsedSeconds
        self.nodes = nodes
    }
}

extension Double {
    /// The value, or `nil` when it is not a number a person can use: NaN,
    /// infinite, or of magnitude 1e300 or more (GLPK reports "no bound yet"
    /// as ±DBL_MAX).
    public var meaningful: Double? { isFinite && abs(self) < 1e300 ? self : nil }
}
