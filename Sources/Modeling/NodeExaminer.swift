/// A subproblem of a branch-and-bound search, as the solver holds it just
/// before solving its LP relaxation.
public struct SearchNode: Sendable {
    /// Bounds of every variable in this subproblem (`-infinity`/`infinity`: none).
    public var lower: [Double]
    public var upper: [Double]
    /// Objective value of the best solution the search has (model sense).
    public var incumbent: Double?

    public init(lower: [Double], upper: [Double], incumbent: Double?) {
        self.lower = lower
        self.upper = upper
        self.incumbent = incumbent
    }
}

/// What a ``NodeExaminer`` found out about a subproblem.
public struct NodeVerdict: Sendable {
    /// No solution strictly better than the search's incumbent lies in the
    /// subproblem: the search may drop it.
    public var prune = false
    /// Tighter bounds that every better solution in the subproblem satisfies
    /// (they hold in the subproblem and its descendants only).
    public var tightened: [(variable: Int, lower: Double, upper: Double)] = []
    /// A solution of the whole model (one value per variable, every
    /// constraint and bound satisfied), to offer the search as an incumbent.
    public var solution: [Double]?

    public init() {}

    public static var pruned: NodeVerdict {
        var v = NodeVerdict()
        v.prune = true
        return v
    }
}

/// Looks at each subproblem of a solver's branch-and-bound search before its
/// LP is solved, as a bounding and fixing step the solver does not have
/// (a Lagrangian bound, say). The solver calls it on the solving thread, one
/// subproblem at a time, so an examiner may keep state between calls.
///
/// Correctness rests on the examiner: it must prune only subproblems that
/// hold no solution better than `incumbent`, tighten only bounds that every
/// such solution satisfies, and offer only feasible solutions.
public protocol NodeExaminer: AnyObject, Sendable {
    func examine(_ node: SearchNode) -> NodeVerdict
}
