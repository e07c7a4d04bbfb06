import Domain
import Modeling

extension PlacementEngine {
    /// With the placements fixed, the split of every fellow's need over the
    /// sources that may pay it is chosen by one LP that spends the most
    /// restricted money first: a lab's own grants (weight 1), then
    /// program-wide sources with a restriction (citizens-only or areas,
    /// weight 2), then unrestricted pools (weight 3). This keeps flexible
    /// money for fellows who can use nothing else, and gives coordinators a
    /// rule they can state. It never changes a placement or the objective;
    /// if the LP fails, the integer solution's split stands.
    /// Returns the solution with the chosen split, and the LP's seconds.
    func fundingSplit(_ p: PlacementModel, _ solution: Solution, options: SolverOptions) -> (Solution, Double) {
        guard !p.payments.isEmpty || !p.classPayments.isEmpty else { return (solution, 0) }
        var m = p.model
        for (k, v) in m.variables.enumerated() where v.isInteger {
            let x = solution.values[k].rounded()
            m.setBounds(Variable(index: k), lower: x, upper: x)
        }
        func weight(_ si: Int) -> Double {
            let s = p.scenario.funding[si]
            if s.lab != nil { return 1 }
            return s.citizensOnly || !s.areas.isEmpty ? 2 : 3
        }
        var e = LinearExpression()
        for pay in p.payments { e.add(weight(pay.source), pay.variable) }
        for pay in p.classPayments { e.add(weight(pay.source), pay.variable) }
        m.minimize(e)
        var o = options
        o.timeLimit = nil
        guard let r = try? solver.solve(m, options: o) else { return (solution, 0) }
        guard r.termination == .optimal, let split = r.solution else { return (solution, r.solveSeconds) }
        return (Solution(values: split.values, objective: solution.objective), r.solveSeconds)
    }
}
