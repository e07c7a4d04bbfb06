import Domain
import Modeling

extension PlacementEngine {
    /// With the placements fixed, the split of every fellow's need over the
    /// sources that may pay it is chosen by one LP that spends the most
    /// restricted money first: a lab's own grants (weight 1), then
    /// program-wide sources with a restriction (citizens-only or areas,
    /// weight 2), then unrestricted pools (weight 3): `FundingSource.spendingTier`. This keeps flexible
    /// money for fellows who can use nothing else, and gives coordinators a
    /// rule they can state. It never changes a placement or the objective;
    /// if the LP fails, the integer solution's split stands.
    /// Returns the solution with the chosen split, and the LP's seconds.
    func fundingSplit(_ p: PlacementModel, _ solution: Solution, options: SolverOptions) -> (Solution, Double) {
        guard !p.grantClassPayments.isEmpty || !p.classPayments.isEmpty else { return (solution, 0) }
        // The LP over the continuous variables only: every integer variable is
        // fixed at its value, so its terms become constants and rows without a
        // continuous variable drop out. A few hundred variables, not thousands.
        var m = Model(name: "funding-split")
        var index: [Int: Variable] = [:]
        for (k, v) in p.model.variables.enumerated() where !v.isInteger {
            index[k] = m.addVariable(v.name, .continuous, lower: v.lower, upper: v.upper)
        }
        for c in p.model.constraints {
            var e = LinearExpression()
            var constant = 0.0
            for t in c.constraint.expression.terms {
                if let v = index[t.variable.index] {
                    e.add(t.coefficient, v)
                } else {
                    constant += t.coefficient * solution.values[t.variable.index].rounded()
                }
            }
            guard !e.terms.isEmpty else { continue }
            m.add(
                c.name, lower: c.constraint.lower.map { $0 - constant }, e,
                upper: c.constraint.upper.map { $0 - constant })
        }
        func weight(_ si: Int) -> Double { Double(p.scenario.funding[si].spendingTier) }
        var e = LinearExpression()
        for pay in p.grantClassPayments { if let v = index[pay.variable.index] { e.add(weight(pay.source), v) } }
        for pay in p.classPayments { if let v = index[pay.variable.index] { e.add(weight(pay.source), v) } }
        m.minimize(e)
        var o = options
        o.timeLimit = nil
        guard let r = try? solver.solve(m, options: o) else { return (solution, 0) }
        guard r.termination == .optimal, let split = r.solution else { return (solution, r.solveSeconds) }
        var values = solution.values
        for (k, v) in index { values[k] = split[v] }
        return (Solution(values: values, objective: solution.objective), r.solveSeconds)
    }
}
