import Modeling

/// Column fixing by a Lagrangian bound, for models of GAP's shape
/// (``AssignmentKnapsacks``), before GLPK's branch-and-cut.
///
/// Subgradient steps on the multipliers of the assignment rows tighten
/// ``LagrangianBound`` while ``AssignmentHeuristic`` turns the relaxation's
/// choices into feasible solutions. Then, for each column, the bound with the
/// column forced to the other value than in the best solution found: if even
/// that bound cannot beat the best solution, no better solution has that
/// value, and the column is fixed. Every column is fixed at the value it has
/// in the best solution, and only when no strictly better solution differs
/// there, so the model keeps that solution (handed to GLPK as its start) and
/// every better one: its optimum is the original's, and GLPK proves it on a
/// much smaller tree. With whole-number objective coefficients a better
/// solution is better by at least 1, which fixes far more.
///
/// Why: on OR-Library GAP the LP relaxation GLPK starts from is weak (the
/// knapsack rows' LP), and its reduced-cost fixing needs an incumbent it
/// finds late. The knapsacks' own bound is close to the optimum.
///
/// Deterministic: a fixed number of steps, no clock.
enum LagrangianFixing {
    struct Report: Sendable {
        var bound: Double
        var incumbent: Double?
        var fixedAtZero = 0
        var fixedAtOne = 0
        var columns = 0
        var steps = 0
        /// Sub-problems of ``NeighbourhoodSearch`` solved.
        var parts = 0

        var summary: String {
            let b = bound.formatted3, i = incumbent.map(\.formatted3) ?? "none"
            return
                "Lagrangian bound \(b), best solution \(i) after \(steps) steps and \(parts) parts; fixed \(fixedAtZero) columns at 0 and \(fixedAtOne) at 1 of \(columns)\n"
        }
    }

    /// Subgradient steps at most.
    static let maximumSteps = 400
    /// Relative distance between bound and best solution above which
    /// ``NeighbourhoodSearch`` runs.
    static let neighbourhoodGap = 0.005
    /// Share of a time limit ``NeighbourhoodSearch`` may use; the rest is
    /// left to GLPK's search, which proves what the bound allows.
    static let searchShare = 0.5
    /// Steps without a better bound before the step length halves.
    static let patience = 15

    /// Fixes columns of `model` and returns the best solution found (to start
    /// from) with a report, and the same bound for every subproblem of the
    /// search (``LagrangianNodeBound``), or `nil` when the model is not of
    /// GAP's shape.
    ///
    /// The steps: feasible solutions to start from (`offerStarts`), the
    /// subgradient steps (`tightenBound`), parts re-solved by GLPK when the
    /// best solution is clearly short of the bound (`searchNeighbourhoods`),
    /// and the fixing (`fix`).
    ///
    /// - Parameters:
    ///   - solver: solves the parts of ``NeighbourhoodSearch`` (`nil`: no
    ///     such search).
    ///   - timeLimit: the solve's time limit; ``NeighbourhoodSearch`` stops
    ///     after ``searchShare`` of it (everything else is bounded by counts).
    static func apply(to model: inout Model, start: [Double]?, solver: (any Solver)?, timeLimit: Double? = nil)
        -> (start: [Double]?, report: Report, nodeBound: LagrangianNodeBound?)?
    {
        let started = ContinuousClock.now
        guard let shape = AssignmentKnapsacks(model) else { return nil }
        var search = Search(shape)
        if let start, model.isFeasible(start), let choice = shape.choice(from: start) { search.offer(choice) }
        search.offerStarts()
        let (multipliers, bound, steps) = search.tightenBound()
        var report = Report(
            bound: search.sign * bound + shape.objectiveConstant, incumbent: nil, columns: model.variables.count)
        report.steps = steps
        guard search.best != nil else { return (start, report, nil) }
        let (with, without) = search.relaxation.conditionalBounds(multipliers, bound: bound)
        if let solver {
            report.parts = search.searchNeighbourhoods(
                solver: solver, bound: bound, with: with,
                deadline: timeLimit.map { started + .nanoseconds(Int64(($0 * searchShare * 1e9).rounded(.down))) })
        }
        guard let best = search.best else { return (start, report, nil) }
        report.incumbent = search.sign * best.value + shape.objectiveConstant
        fix(&model, shape: shape, best: best, with: with, without: without, report: &report)
        let nodeBound = LagrangianNodeBound(
            shape: shape, multipliers: multipliers, best: best.value, columnCount: model.variables.count)
        return (shape.modelValues(best.choice, columnCount: model.variables.count), report, nodeBound)
    }

    /// Fixes every column at its value in `best` where no strictly better
    /// solution can differ: chosen columns whose bound without them, and other
    /// columns whose bound with them, stay below the cut.
    private static func fix(
        _ model: inout Model, shape: AssignmentKnapsacks, best: (choice: [Int?], value: Double), with: [Double],
        without: [Double], report: inout Report
    ) {
        let cut = shape.strictlyBetter(than: best.value)
        var chosen = [Bool](repeating: false, count: shape.itemCount)
        for case let i? in best.choice { chosen[i] = true }
        for i in 0..<shape.itemCount {
            let column = Variable(index: shape.columns[i])
            if chosen[i], without[i] < cut {
                model.setBounds(column, lower: 1, upper: 1)
                report.fixedAtOne += 1
            } else if !chosen[i], with[i] < cut {
                model.setBounds(column, lower: 0, upper: 0)
                report.fixedAtZero += 1
            }
        }
    }

    /// The search's state: the relaxation, the heuristic, and the best
    /// solution found so far, in maximisation form.
    private struct Search {
        let shape: AssignmentKnapsacks
        let relaxation: LagrangianBound
        let heuristic: AssignmentHeuristic
        /// −1 for a minimisation: values are compared in maximisation form.
        let sign: Double
        var best: (choice: [Int?], value: Double)?

        init(_ shape: AssignmentKnapsacks) {
            self.shape = shape
            relaxation = LagrangianBound(shape)
            heuristic = AssignmentHeuristic(shape)
            sign = shape.minimize ? -1.0 : 1.0
        }

        /// Improves a candidate and keeps it if it is feasible and better.
        mutating func offer(_ candidate: [Int?]?) {
            guard var choice = candidate else { return }
            heuristic.improve(&choice)
            guard heuristic.room(choice).allSatisfy({ $0 >= 0 }) else { return }
            let v = sign * (shape.objective(of: choice) - shape.objectiveConstant)
            if best.map({ v > $0.value + 1e-9 }) ?? true { best = (choice, v) }
        }

        /// Two greedy completions: by value, and by the share of its knapsack
        /// each item takes.
        mutating func offerStarts() {
            let empty = [Int?](repeating: nil, count: shape.groupCount)
            offer(heuristic.complete(empty, desirability: shape.value))
            offer(
                heuristic.complete(
                    empty,
                    desirability: shape.weight.indices.map { i in
                        let k = shape.knapsack[i]
                        return k < 0 ? 0 : -Double(shape.weight[i]) / Double(max(shape.capacity[k], 1))
                    }))
        }

        /// Whether `bound` proves the best solution optimal.
        func proved(_ bound: Double) -> Bool {
            guard let b = best else { return false }
            return bound < shape.strictlyBetter(than: b.value)
        }

        /// Subgradient steps from "everyone gets their best" (each row's best
        /// value), the step length halved after ``patience`` steps without a
        /// better bound, offering the relaxation's choices as solutions.
        /// - Returns: the multipliers of the best bound, that bound, and the
        ///   steps taken (at most ``maximumSteps``).
        mutating func tightenBound() -> (multipliers: [Double], bound: Double, steps: Int) {
            var u = shape.itemsOfGroup.enumerated().map { g, items in
                let top = items.map { shape.value[$0] }.max() ?? 0
                return shape.groupIsEquality[g] ? top : max(top, 0)
            }
            var bestU = u
            var bestBound = Double.infinity
            var theta = 2.0, stale = 0, steps = 0
            while steps < maximumSteps && theta > 1e-4 {
                steps += 1
                let e = relaxation.evaluate(u)
                if e.bound < bestBound - 1e-9 {
                    bestBound = e.bound
                    bestU = u
                    stale = 0
                } else {
                    stale += 1
                    if stale >= patience {
                        theta /= 2
                        stale = 0
                    }
                }
                if steps % 5 == 1 || stale == 0 {
                    let reduced = shape.value.indices.map { relaxation.reducedValue($0, u) }
                    offer(heuristic.solution(fromRelaxation: e.taken, desirability: reduced))
                }
                if proved(bestBound) { break }
                // The relaxation's choice is feasible: it is optimal.
                guard relaxation.step(&u, after: e, towards: best?.value, theta: theta) else { break }
            }
            return (bestU, bestBound, steps)
        }

        /// Parts of the best solution re-solved by GLPK (``NeighbourhoodSearch``),
        /// when it is clearly short of the bound.
        ///
        /// Parts cost GLPK solves: worth it only when the best solution is
        /// clearly short of the bound (D and E sets), not on near-tight ones
        /// (gap1–gap12: 2.4 s in all without, 8.6 s with).
        /// - Returns: the parts solved.
        mutating func searchNeighbourhoods(
            solver: any Solver, bound: Double, with: [Double], deadline: ContinuousClock.Instant?
        ) -> Int {
            guard let b = best, !proved(bound), bound - b.value > neighbourhoodGap * max(1, abs(bound)) else {
                return 0
            }
            var choice = b.choice
            // Enough: a value the bound proves optimal. (Stopping within
            // 0.5 % of the bound instead left e20100 unproved after 60 s: the
            // last probe must then find the optimum itself.)
            let step = shape.integralObjective ? 1.0 : 0.0
            let enough = bound - step + tolerance(bound)
            let parts = NeighbourhoodSearch(shape: shape, solver: solver, boundWith: with)
                .improve(&choice, enough: shape.integralObjective ? enough.rounded(.up) : .infinity, deadline: deadline)
            offer(choice)
            return parts
        }
    }

    /// Room for rounding in bounds summed over many terms.
    static func tolerance(_ value: Double) -> Double { 1e-6 * max(1, abs(value)) }
}

private extension Double {
    var formatted3: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String((self * 1000).rounded() / 1000)
    }
}
