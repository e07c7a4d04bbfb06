import Modeling

/// GLPK's search run as a series of probes with a target, for models of
/// GAP's shape with a whole-numbered objective, between the best solution
/// known and the Lagrangian bound.
///
/// Each probe asks GLPK for a solution reaching a target value (the current
/// bound), with ``LagrangianNodeBound`` pruning every subproblem that cannot
/// reach it, even while GLPK's own incumbent is worse. A probe that finishes
/// without reaching its target proves that no solution does, so the bound
/// drops by one (or more, when the probe's root bounds tighter) and the next
/// probe aims there. A probe that reaches its target goes on as an ordinary
/// search for anything better and, when it finishes, has proved its best
/// solution optimal: everything it pruned before could not reach the target.
/// Targets one below the other were faster than targets further apart
/// (1, 3, 7, ... below the bound: d05100 10.1 s against 3.6 s, e20100 40.4 s
/// against 28.8 s), since a probe aimed past the optimum prunes little.
///
/// Why: once a solution at the optimum is known, the Lagrangian bound at
/// every node closes the search quickly (d05100: 0.7 s), but GLPK and the
/// heuristics find that solution late or not at all. Targets near the bound
/// let the bound prune from the first node, and each failed probe is cheap
/// and raises what is proved.
///
/// Deterministic: targets follow from the bounds, each probe is GLPK's
/// deterministic search. A time limit applies to all probes together.
struct TargetedSearch {
    let solver: any Solver
    let nodeBound: LagrangianNodeBound
    let log: (@Sendable (String) -> Void)?

    var shape: AssignmentKnapsacks { nodeBound.shape }

    /// Solves `model` (whose best known solution is `start`, proved within
    /// `bound`; both in the model's sense) and returns what a single search
    /// would: optimal with the optimum, or the best solution with the
    /// proved bound.
    func solve(
        _ model: Model, start: [Double], bound: Double, options: SolverOptions,
        progress: (@Sendable (SolveProgress) -> Void)?
    ) throws(SolverError) -> SolveResult {
        let sign = shape.minimize ? -1.0 : 1.0
        func value(_ objective: Double) -> Double { sign * (objective - shape.objectiveConstant) }
        func objective(_ value: Double) -> Double { sign * value + shape.objectiveConstant }
        let tolerance = LagrangianFixing.tolerance
        var best = (values: start, value: value(model.objective.expression.value(at: start)))
        // Whole-numbered objective: the optimum is at most the bound rounded down.
        var upper = (value(bound) + tolerance(value(bound))).rounded(.down)
        var seconds = 0.0, nodes = 0, probes = 0
        func result(_ termination: TerminationReason) -> SolveResult {
            let optimal = termination == .optimal
            return SolveResult(
                termination: termination,
                solution: Solution(values: best.values, objective: objective(best.value)),
                bound: objective(optimal ? best.value : upper), solveSeconds: seconds, nodes: nodes)
        }
        defer { nodeBound.target = nil }
        while best.value < upper - tolerance(upper) {
            let target = upper
            nodeBound.target = target
            nodeBound.learnsAtNextNode = true
            var o = options
            o.startingSolution = best.values
            o.nodeExaminer = nodeBound
            if let limit = options.timeLimit { o.timeLimit = max(limit - seconds, 0.001) }
            let r = try solver.solve(model, options: o, progress: progress)
            probes += 1
            seconds += r.solveSeconds
            nodes += r.nodes
            if let s = r.solution {
                // 0/1 values exactly, and the objective summed from them.
                let values = s.values.map { $0.rounded() }
                let v = value(model.objective.expression.value(at: values))
                if v > best.value + tolerance(best.value) { best = (values, v) }
            }
            guard r.termination == .optimal || r.termination == .infeasible else {
                log?("Probe \(probes), target \(format(objective(target))): stopped (\(r.termination))\n")
                return result(r.termination)
            }
            if best.value >= target - tolerance(target) {
                log?(
                    "Probe \(probes), target \(format(objective(target))): reached, \(format(objective(best.value))) proved optimal\n"
                )
                return result(.optimal)
            }
            upper = target - 1
            // The probe's root may have bounded tighter still.
            if let b = nodeBound.learnedBound { upper = min(upper, (b + tolerance(b)).rounded(.down)) }
            log?(
                "Probe \(probes), target \(format(objective(target))): no solution reaches it; bound \(format(objective(upper)))\n"
            )
        }
        return result(.optimal)
    }

    private func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
