import Modeling

/// Ends GLPK's search of a seminar schedule as soon as its best schedule
/// reaches the least penalty any schedule can have (``ScheduleState``'s
/// `leastPenalty`, from the month loads and the seats): a `NodeExaminer`
/// that prunes every subproblem from then on.
///
/// Correctness: with `incumbent ≤ least`, no schedule in any subproblem has
/// a penalty below the incumbent (every schedule's is at least `least`),
/// which is what pruning asks. The search then ends with its tree empty, so
/// GLPK reports the incumbent optimal, as it is. Before that point nothing
/// is pruned: the search is GLPK's own.
///
/// Deterministic and stateless, so one instance may serve any solve.
final class BoundReached: NodeExaminer, Sendable {
    /// The least penalty of any valid schedule (the model minimizes it).
    let least: Double

    init(least: Double) { self.least = least }

    func examine(_ node: SearchNode) -> NodeVerdict {
        guard let incumbent = node.incumbent, incumbent <= least + Self.tolerance else { return NodeVerdict() }
        return .pruned
    }

    /// The soft aims' weights are whole numbers or multiples of a month's
    /// target; rounding in the solver stays far below this.
    static let tolerance = 1e-6
}
