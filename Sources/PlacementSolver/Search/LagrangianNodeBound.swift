import Modeling

/// The Lagrangian bound of ``LagrangianBound`` at every subproblem of GLPK's
/// search (a `NodeExaminer`), for models of GAP's shape.
///
/// At each subproblem, with the items its bounds fix: a few subgradient steps
/// from the root's multipliers tighten the bound. If it cannot beat GLPK's
/// incumbent, the subproblem is pruned; otherwise every open item that no
/// better solution of the subproblem can take (or leave) is fixed, as
/// ``LagrangianFixing`` does at the root. The relaxation's choice, completed
/// and improved by ``AssignmentHeuristic`` within the subproblem, is offered
/// to GLPK as an incumbent when it is better than what GLPK has.
///
/// Why: GLPK bounds a subproblem by its LP, which on GAP is the knapsack
/// rows' LP; the knapsacks' own bound is much closer to the optimum (e10100:
/// 11567.8 against the optimum 11577, where GLPK's tree stays at 11574 after
/// 60 s even when the optimum is known). Posta, Ferland and Michelon (2012)
/// solve GAP exactly with this bound and fixing at every node.
///
/// Correctness: a pruned subproblem holds no solution better than GLPK's
/// incumbent (by 1 when the objective is whole-numbered), fixed items hold
/// their value in every such solution, and offered solutions are checked
/// feasible. Pruning never relies on a solution GLPK has not taken yet.
///
/// Deterministic: a fixed number of steps per subproblem, no clock. One
/// instance serves one solve, on the solving thread (hence `@unchecked`).
final class LagrangianNodeBound: NodeExaminer, @unchecked Sendable {
    let shape: AssignmentKnapsacks
    let relaxation: LagrangianBound
    let heuristic: AssignmentHeuristic
    /// Multipliers of the root's best bound: every subproblem starts there.
    private(set) var rootMultipliers: [Double]
    private var rootBound = Double.infinity
    /// Set to have the next subproblem (a new search's root) take more steps
    /// and keep its multipliers for later subproblems when they bound better.
    var learnsAtNextNode = false {
        didSet { if learnsAtNextNode { learnedBound = nil } }
    }
    /// The bound found at the last subproblem that learned (maximisation form).
    private(set) var learnedBound: Double?
    /// Best solution offered so far (maximisation form).
    private var offered: Double
    private(set) var examined = 0
    private(set) var pruned = 0
    /// A value (maximisation form) the search looks for: subproblems that
    /// cannot reach it are pruned even while GLPK's incumbent is worse. The
    /// search then proves only that no solution reaching the target exists
    /// outside what it found, so whoever sets it must read GLPK's "optimal"
    /// that way (see ``TargetedSearch``). `nil`: prune by the incumbent only.
    var target: Double?

    /// Subgradient steps per subproblem, and at a subproblem that learns.
    static let steps = 8
    static let learningSteps = 100

    /// Columns of the model (the solver's node bounds cover them all).
    let columnCount: Int

    init(shape: AssignmentKnapsacks, multipliers: [Double], best: Double, columnCount: Int) {
        self.shape = shape
        self.columnCount = columnCount
        self.relaxation = LagrangianBound(shape)
        self.heuristic = AssignmentHeuristic(shape)
        self.rootMultipliers = multipliers
        self.offered = best
    }

    var sign: Double { shape.minimize ? -1 : 1 }

    func examine(_ node: SearchNode) -> NodeVerdict {
        examined += 1
        guard let r = LagrangianBound.Restriction(shape, lower: node.lower, upper: node.upper) else {
            pruned += 1
            return .pruned
        }
        // Maximisation form; a better solution reaches `cut` at least.
        let incumbent = node.incumbent.map { sign * ($0 - shape.objectiveConstant) }
        let better = incumbent.map { shape.strictlyBetter(than: $0) }
        let wanted = target.map { $0 - LagrangianFixing.tolerance($0) }
        let cut = [better, wanted].compactMap { $0 }.max()
        let learning = learnsAtNextNode
        learnsAtNextNode = false
        var u = rootMultipliers
        var best: (bound: Double, u: [Double], taken: [Bool])?
        defer {
            if learning, let best {
                learnedBound = best.bound
                if best.bound < rootBound {
                    rootBound = best.bound
                    rootMultipliers = best.u
                }
            }
        }
        var theta = 1.0, stale = 0
        for _ in 0..<(learning ? Self.learningSteps : Self.steps) {
            let e = relaxation.evaluate(u, r)
            if best.map({ e.bound < $0.bound - 1e-9 }) ?? true {
                best = (e.bound, u, e.taken)
                stale = 0
            } else {
                stale += 1
                if !learning || stale >= 5 {
                    theta /= 2
                    stale = 0
                }
            }
            if let cut, e.bound < cut {
                pruned += 1
                return .pruned
            }
            // The relaxation's choice is feasible: the subproblem's optimum.
            guard relaxation.step(&u, after: e, towards: cut, theta: theta, r) else { break }
        }
        guard let best else { return NodeVerdict() }
        var verdict = NodeVerdict()
        verdict.solution = solution(
            from: best.taken, u: best.u, within: r, better: max(incumbent ?? -.infinity, offered))
        if let cut {
            let (with, without) = relaxation.conditionalBounds(best.u, bound: best.bound, r)
            for i in 0..<shape.itemCount where r.open[i] {
                if with[i] < cut {
                    verdict.tightened.append((shape.columns[i], 0, 0))
                } else if without[i] < cut {
                    verdict.tightened.append((shape.columns[i], 1, 1))
                }
            }
        }
        return verdict
    }

    /// The relaxation's choice made feasible within the subproblem, as model
    /// values, if it is worth more than `better` (then it becomes the best
    /// offered).
    func solution(from taken: [Bool], u: [Double], within r: LagrangianBound.Restriction, better: Double) -> [Double]? {
        let desirability = shape.value.indices.map { relaxation.reducedValue($0, u) }
        guard let choice = heuristic.solution(fromRelaxation: taken, desirability: desirability, within: r) else {
            return nil
        }
        guard heuristic.room(choice).allSatisfy({ $0 >= 0 }) else { return nil }
        let value = choice.reduce(0.0) { $0 + ($1.map { shape.value[$0] } ?? 0) }
        guard value > better + 1e-9 else { return nil }
        offered = value
        return shape.modelValues(choice, columnCount: columnCount)
    }
}
