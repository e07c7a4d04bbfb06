import Domain
import Modeling

/// Runs a placement: pre-checks, the integer program (in stages for the
/// lexicographic objectives), and either the placement or a diagnosis.
public struct PlacementEngine: Sendable {
    public var solver: any Solver
    public var options: SolverOptions
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Start each solve from a known placement (see ``SolveStrategy``). On by
    /// default; off only to measure what it saves. Never changes the optimum.
    public var warmStart = true
    /// Fix columns by a Lagrangian bound before solving, on models of GAP's
    /// shape (see ``SolveStrategy``). On by default; off only to measure what
    /// it saves. Never changes the optimum's value.
    public var lagrangianFixing = true
    /// With ``lagrangianFixing``: the same bound at every subproblem of
    /// GLPK's search (see ``LagrangianNodeBound``). For measuring.
    public var lagrangianNodeBounds = true

    /// - Parameter options: solver settings; the scenario's `[solver]` time
    ///   limit and gap are applied on top unless already set here.
    public init(solver: any Solver, options: SolverOptions = .deterministic,
                progress: (@Sendable (SolveProgress) -> Void)? = nil) {
        self.solver = solver
        self.options = options
        self.progress = progress
    }

    func effectiveOptions(_ s: Scenario, model: Model) -> SolverOptions {
        var o = SolveStrategy.tune(options, for: model)
        if o.timeLimit == nil { o.timeLimit = s.settings.timeLimit }
        if o.relativeGap == 0 { o.relativeGap = s.settings.mipGap }
        return o
    }

    /// Places every new fellow and splits every fellow's funding.
    ///
    /// Runs the pre-checks (``PreChecks``), then the placement model's
    /// integer program (one stage per level of a lexicographic objective),
    /// then the funding split. A scenario with no placement gets a
    /// ``Diagnosis``: the pre-check findings, or the smallest set of limits
    /// that must give.
    ///
    /// ```swift
    /// let scenario = try ScenarioReader().read(folder: url).scenario
    /// let outcome = try PlacementEngine(solver: GLPKSolver()).run(scenario)
    /// if outcome.hasPlacement { print(outcome.rankProfile) }
    /// ```
    ///
    /// - Parameters:
    ///   - scenario: a validated scenario, as `ScenarioReader` returns it.
    ///   - previous: an earlier run's placements to keep as far as the
    ///     scenario allows (a first stage maximises the number of new fellows
    ///     kept with the same lab and mentor; the objective then applies).
    /// - Returns: the outcome: status, placements with funding, rank profile,
    ///   loads, budgets used, warnings, and the diagnosis when infeasible. A
    ///   scenario without a placement is a result, not an error.
    /// - Throws: `SolverError` when the solver itself fails (an invalid
    ///   model or a GLPK error), never for an infeasible scenario.
    public func run(_ scenario: Scenario, previous: [PreviousPlacement]? = nil) throws(SolverError) -> PlacementOutcome {
        var placement = PlacementModel(scenario: scenario)
        let findings = PreChecks.run(scenario, placement.eligibility)
        // Shortfalls that add up (money, seats) are certain, but the solver's
        // diagnosis says which limits to change: solve anyway and report both.
        let blocking = findings.filter { $0.blocking && $0.kind != .aggregateShortfall }
        let shortfalls = findings.filter { $0.blocking && $0.kind == .aggregateShortfall }
        var outcome = PlacementOutcome(
            scenarioName: scenario.settings.name, objectiveKind: scenario.settings.objective, status: .infeasible,
            objective: nil, bound: nil, gap: nil, solveSeconds: 0, placements: [], rankProfile: [:], unplaced: [],
            budgets: [], labLoads: [], mentorLoads: [], warnings: findings.filter { !$0.blocking }, diagnosis: nil, solves: 0)
        if !blocking.isEmpty {
            outcome.diagnosis = Diagnosis(findings: blocking, changes: [],
                                          summary: "No placement exists: \(blocking.count) problem\(blocking.count == 1 ? "" : "s") found before solving.")
            return outcome
        }
        let o = effectiveOptions(scenario, model: placement.model)
        var stages = self.stages(for: &placement)
        if let previous {
            stages.insert(LexicographicStage(name: "keep", sense: .maximize, expression: placement.kept(previous)), at: 0)
        }
        var last: SolveResult?
        var allOptimal = true
        for k in stages.indices {
            let stage = stages[k]
            placement.model.objective = Objective(stage.sense, stage.expression)
            var stageOptions = o
            // A warm start (see SolveStrategy): the greedy placement for the
            // first stage, the previous stage's solution (which satisfies its
            // hold row) for the others.
            if warmStart {
                stageOptions.startingSolution = last.flatMap(\.solution).map { placement.roundedValues($0) }
                    ?? GreedyStart.values(for: placement)
            }
            // Columns fixed by a Lagrangian bound (see SolveStrategy), for
            // this stage only: a later stage may need solutions they exclude.
            var stageModel = placement.model
            var lagrangianBound: Double?
            var targeted: (search: TargetedSearch, start: [Double], bound: Double)?
            if lagrangianFixing {
                let clock = ContinuousClock(), started = clock.now
                if let (start, report, nodeBound) = LagrangianFixing.apply(to: &stageModel, start: stageOptions.startingSolution, solver: solver,
                                                                                timeLimit: stageOptions.timeLimit) {
                    stageOptions.startingSolution = start
                    if lagrangianNodeBounds, !stageOptions.presolve, let nodeBound {
                        stageOptions.nodeExaminer = nodeBound
                        if nodeBound.shape.integralObjective, let start, report.bound.isFinite {
                            targeted = (TargetedSearch(solver: solver, nodeBound: nodeBound, log: stageOptions.logLevel > .off ? stageOptions.logSink : nil),
                                        start, report.bound)
                        }
                    }
                    lagrangianBound = report.bound.isFinite ? report.bound : nil
                    if stageOptions.logLevel > .off { stageOptions.logSink?(report.summary) }
                    let seconds = (clock.now - started).seconds
                    outcome.solveSeconds += seconds
                    if let limit = stageOptions.timeLimit { stageOptions.timeLimit = max(limit - seconds, 0.001) }
                }
            }
            var r: SolveResult
            if let t = targeted {
                r = try t.search.solve(stageModel, start: t.start, bound: t.bound, options: stageOptions, progress: progress)
            } else {
                r = try solver.solve(stageModel, options: stageOptions, progress: progress)
            }
            // The Lagrangian bound holds for the whole model too: keep the tighter.
            if let l = lagrangianBound, r.termination != .optimal {
                r.bound = r.bound.map { stage.sense == .maximize ? min($0, l) : max($0, l) } ?? l
            }
            outcome.solves += 1
            outcome.solveSeconds += r.solveSeconds
            guard let solution = r.solution else {
                if k == 0 {
                    switch r.termination {
                    case .infeasible, .unboundedOrInfeasible:
                        outcome.status = .infeasible
                        outcome.diagnosis = try diagnose(scenario, options: o)
                        outcome.diagnosis?.findings = shortfalls
                    default:
                        outcome.status = .timeLimitNoSolution
                    }
                    return outcome
                }
                allOptimal = false
                break
            }
            last = r
            if r.termination != .optimal { allOptimal = false }
            if k + 1 < stages.count {
                placement.model.add(stage.hold(solution.objective), name: "hold(\(stage.name))")
                if stage.name == "worst-rank" {
                    let worst = restrictToWorstRank(&placement, solution.objective)
                    stages[k + 1].expression = placement.placed(atRank: worst)
                }
            }
        }
        guard let result = last, let solution = result.solution else { return outcome }
        outcome.status = allOptimal ? .optimal : .feasible
        let lexicographic = stages.count > (previous == nil ? 1 : 2) || scenario.settings.objective.isLexicographic
        if lexicographic {
            outcome.objective = placement.totalRank.value(at: placement.roundedValues(solution))
            outcome.bound = nil
            outcome.gap = nil
        } else {
            // The objective evaluated at the rounded 0/1 values: exact sums of
            // ranks, weights and penalties, free of solver tolerances.
            let exact = placement.model.objective.expression.value(at: placement.roundedValues(solution))
            outcome.objective = exact
            outcome.bound = result.termination == .optimal ? exact : result.bound
            outcome.gap = result.termination == .optimal ? 0 : result.gap
        }
        let (split, splitSeconds) = fundingSplit(placement, solution, options: o)
        outcome.solveSeconds += splitSeconds
        ResultReader(placement: placement, solution: split).fill(&outcome)
        if let previous { outcome.moves = PlacementMove.moves(from: previous, to: outcome.placements) }
        return outcome
    }

    /// The stages of the scenario's objective (one for `total-rank` and `score`).
    func stages(for p: inout PlacementModel) -> [LexicographicStage] {
        let s = p.scenario
        var stages: [LexicographicStage] = []
        let maximizePlaced = s.settings.allowUnplaced && !p.unplaced.isEmpty
        switch s.settings.objective {
        case .totalRank, .score:
            return [LexicographicStage(name: "objective", sense: p.model.objective.sense, expression: p.model.objective.expression)]
        case .rankMaximal:
            // Most placed, then most at rank 1, then at rank 2, ... The last
            // rank's count is fixed by the others, so it needs no stage.
            if maximizePlaced { stages.append(.init(name: "placed", sense: .maximize, expression: p.placedCount)) }
            let ranks = Set(p.eligibility.choices.map(\.rank)).sorted()
            for r in ranks.dropLast() {
                stages.append(.init(name: "rank-\(r)", sense: .maximize, expression: p.placed(atRank: r)))
            }
            if stages.isEmpty { stages.append(.init(name: "total-rank", sense: .minimize, expression: p.totalRank)) }
        case .generous:
            // Most placed, then the smallest worst rank, then fewest at that
            // rank, then the smallest total rank.
            if maximizePlaced { stages.append(.init(name: "placed", sense: .maximize, expression: p.placedCount)) }
            let worst = p.model.addVariable("worst_rank", .continuous, lower: 0, upper: nil)
            for fi in p.newFellows {
                let rank = LinearExpression(sum: (p.eligibility.choicesOfFellow[fi] ?? []).map {
                    (Double(p.eligibility.choices[$0].rank), p.assign[$0])
                })
                p.model.add(worst - rank >= 0, name: "worst(\(p.tag(s.fellows[fi].id)))")
            }
            stages.append(.init(name: "worst-rank", sense: .minimize, expression: LinearExpression(worst)))
            // Its expression is set once the worst rank is known.
            stages.append(.init(name: "at-worst-rank", sense: .minimize, expression: LinearExpression()))
            stages.append(.init(name: "total-rank", sense: .minimize, expression: p.totalRank))
        }
        return stages
    }

    /// After the worst-rank stage of `generous`: choices worse than the optimum
    /// are closed; returns the worst rank, whose count the next stage minimises.
    func restrictToWorstRank(_ p: inout PlacementModel, _ worst: Double) -> Int {
        let w = Int(worst.rounded())
        for (ci, c) in p.eligibility.choices.enumerated() where c.rank > w {
            p.model.setBounds(p.assign[ci], lower: 0, upper: 0)
        }
        return w
    }
}
