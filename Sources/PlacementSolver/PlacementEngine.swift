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
    /// For `rank-maximal` and `generous`: solve a weighted objective first,
    /// as the stages' start, or as the answer when its weights are exact
    /// (see ``LexicographicProxy``). On by default; off only to measure what
    /// it saves. Never changes the optimum.
    public var weightedStart = true
    /// With rule 8, when the relaxation's placement cannot be paid under
    /// rule 8 (see ``AppointmentModelling``): solve rule 8's exact model
    /// (on by default). Off for the explanations a run adds to its report,
    /// which then say a lab was not worked out rather than wait: the exact
    /// model can take GLPK long. ``ties(_:base:parallel:)`` never uses it.
    public var exactAppointmentFallback = true
    /// Told who goes where once the placement is decided, before its funding
    /// is split (an LP that takes half or more of a large placement's time):
    /// the rows of ``PlacementOutcome/placements`` without need or funding,
    /// so that work depending only on who goes where (the seminar schedule)
    /// can start then. Told `nil` when the placement told is set aside (rule
    /// 8's relaxation placed fellows its funding split cannot pay), then the
    /// exact model's placement. An outcome with a placement has the rows told
    /// last. Set it only on the engine whose ``run(_:previous:)`` it follows:
    /// every solve of an engine that holds it tells it (ties from several threads).
    public var whenDecided: (@Sendable ([FellowPlacement]?) -> Void)?

    /// - Parameter options: solver settings; the scenario's `[solver]` time
    ///   limit and gap are applied on top unless already set here.
    public init(
        solver: any Solver, options: SolverOptions = .deterministic,
        progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
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
    public func run(_ given: Scenario, previous: [PreviousPlacement]? = nil) throws(SolverError) -> PlacementOutcome {
        try run(given, previous: previous, exactFallback: true).outcome
    }

    /// ``run(_:previous:)``, and whether the outcome is settled: always with
    /// `exactFallback`; without it, a scenario with rule 8 whose relaxation
    /// found a placement the funding split cannot pay is left unsettled
    /// (its outcome is the relaxation's, not rule 8's) instead of solving
    /// rule 8's exact model, which can take long (see ``AppointmentModelling``).
    func run(_ given: Scenario, previous: [PreviousPlacement]?, exactFallback: Bool) throws(SolverError)
        -> (outcome: PlacementOutcome, settled: Bool)
    {
        // Months withdrawn fellows were paid before they left stay spent from their sources.
        let spent = given.spentByWithdrawn(previous ?? [])
        let scenario = spent.isEmpty ? given : given.spending(spent)
        var (outcome, settled) = try place(scenario, previous: previous, exactFallback: exactFallback)
        outcome.budgets = outcome.budgets.map {
            let dollars = spent[$0.source] ?? 0
            return BudgetUse(source: $0.source, budget: $0.budget + dollars, usedCents: $0.usedCents + dollars * 100)
        }
        return (outcome, settled)
    }

    /// With rule 8, the relaxation first (see ``AppointmentModelling``): its
    /// placement stands when the funding split finds rule 8's split for it;
    /// otherwise rule 8's exact model is solved (the time both took is
    /// reported). A relaxation without a placement is the answer: when it
    /// is proved infeasible, rule 8's model has none either; when its time
    /// limit ran out, rule 8's harder model would not do better.
    func place(_ scenario: Scenario, previous: [PreviousPlacement]?, exactFallback: Bool) throws(SolverError)
        -> (outcome: PlacementOutcome, settled: Bool)
    {
        var relaxed: (outcome: PlacementOutcome, splitMissing: Bool)?
        if scenario.usesAppointmentRules {
            let attempt = try place(scenario, previous: previous, appointments: .relaxed)
            if !attempt.splitMissing { return (attempt.outcome, true) }
            if !exactFallback { return (attempt.outcome, false) }
            relaxed = attempt
        }
        var exact = try place(scenario, previous: previous, appointments: .exact).outcome
        if let relaxed {
            exact.solveSeconds += relaxed.outcome.solveSeconds
            exact.solves += relaxed.outcome.solves
        }
        return (exact, true)
    }

    /// One attempt, and whether the funding split found nothing for its
    /// placement (the placement model's own split then stands: rule 8's
    /// when `appointments` is `.exact`, not when it is `.relaxed`).
    func place(_ scenario: Scenario, previous: [PreviousPlacement]?, appointments: AppointmentModelling)
        throws(SolverError) -> (outcome: PlacementOutcome, splitMissing: Bool)
    {
        var placement = PlacementModel(scenario: scenario, appointments: appointments)
        let findings = PreChecks.run(scenario, placement.eligibility)
        // Shortfalls that add up (money, seats) are certain, but the solver's
        // diagnosis says which limits to change: solve anyway and report both.
        let blocking = findings.filter { $0.blocking && $0.kind != .aggregateShortfall }
        let shortfalls = findings.filter { $0.blocking && $0.kind == .aggregateShortfall }
        var outcome = PlacementOutcome(
            scenarioName: scenario.settings.name, objectiveKind: scenario.settings.objective, status: .infeasible,
            objective: nil, bound: nil, gap: nil, solveSeconds: 0, placements: [], rankProfile: [:], unplaced: [],
            budgets: [], labLoads: [], mentorLoads: [], warnings: findings.filter { !$0.blocking }, diagnosis: nil,
            solves: 0)
        if !blocking.isEmpty {
            outcome.diagnosis = Diagnosis(
                findings: blocking, changes: [],
                summary:
                    "No placement exists: \(blocking.count) problem\(blocking.count == 1 ? "" : "s") found before solving."
            )
            return (outcome, false)
        }
        let o = effectiveOptions(scenario, model: placement.model)
        var plan = StagePlan(placement, previous: previous, weighted: weightedStart)
        // The latest stage's solution (it satisfies every hold so far), and the weighted start's.
        var best: Solution?
        // The objective's own optimum, before the tie-break stages (see ``TieBreakStages``).
        var decided: Solution?
        var weighted: Solution?
        var last: SolveResult?
        var allOptimal = true
        while let stage = plan.next(&placement, known: placement.satisfying([best, weighted])) {
            placement.model.objective = Objective(stage.sense, stage.expression)
            let start = bestStart(for: stage, placement, among: [best, weighted])
            if let start, !stage.isStartOnly, stage.reachesBound(start.objective) {
                // No placement does better than this start: no solve needed.
                best = start
                if stage.isTieBreak { outcome.tiesSettled = outcome.tiesSettled ?? true }
                plan.settle(stage, value: start.objective, &placement)
                continue
            }
            var stageOptions = o
            // A warm start (see SolveStrategy): the greedy placement at first
            // (with `[placement] stability`, the deferred-acceptance one,
            // ``StableStart``), then the best placement known that satisfies
            // the stage's holds.
            if warmStart {
                stageOptions.startingSolution =
                    start.map(\.values) ?? best.map { placement.roundedValues($0) }
                    ?? StableStart.values(for: placement)
                    ?? GreedyStart.values(for: placement).map {
                        placement.blockingVariables.isEmpty ? $0 : placement.completingStability($0)
                    }
            }
            if stage.isTieBreak {
                // Ties only among proved optima: a time limit before leaves the placement as found.
                if !allOptimal { break }
                if decided == nil { decided = best ?? weighted }
                let limit = TieBreakStages.nodeLimit(newFellows: placement.newFellows.count)
                stageOptions.nodeLimit = min(stageOptions.nodeLimit ?? .max, limit)
                outcome.tiesSettled = true
            }
            let r = try solve(stage, placement, options: stageOptions, outcome: &outcome)
            // A tie-break stage that runs out of time keeps the placement found so far.
            if stage.isTieBreak && (r.solution == nil || r.termination != .optimal) {
                outcome.tiesSettled = false
                best = r.solution ?? best
                break
            }
            guard let solution = r.solution else {
                if best == nil && weighted == nil {
                    switch r.termination {
                    case .infeasible, .unboundedOrInfeasible:
                        outcome.status = .infeasible
                        outcome.diagnosis = try diagnose(scenario, options: o)
                        outcome.diagnosis?.findings = shortfalls
                        return (outcome, false)
                    default:
                        if !stage.isStartOnly {
                            outcome.status = .timeLimitNoSolution
                            return (outcome, false)
                        }
                    }
                }
                if stage.isStartOnly {
                    plan.settle(stage, value: 0, &placement)
                    continue
                }
                allOptimal = false
                break
            }
            if stage.isStartOnly {
                weighted = Solution(values: placement.roundedValues(solution), objective: solution.objective)
            } else if stage.isTieBreak {
                best = solution
            } else {
                best = solution
                last = r
                if r.termination != .optimal { allOptimal = false }
            }
            plan.settle(stage, value: solution.objective, &placement)
            if stage.name == StagePlan.fewestBlockingStage, scenario.settings.stability == .stable,
                solution.objective > 0.5
            {
                outcome.status = .infeasible
                outcome.diagnosis = Self.noStablePlacement(placement, placement.roundedValues(solution))
                return (outcome, false)
            }
        }
        // A stage that stopped without any placement (a time limit) leaves the
        // weighted start, which is a valid placement.
        guard var solution = best ?? weighted else { return (outcome, false) }
        if let decided, !keepsOptimum(plan, placement, decided: decided, tieBroken: solution) { solution = decided }
        outcome.status = allOptimal && best != nil ? .optimal : .feasible
        if scenario.settings.objective.isLexicographic {
            outcome.objective = placement.totalRank.value(at: placement.roundedValues(solution))
            outcome.bound = nil
            outcome.gap = nil
        } else if let result = last {
            // The objective evaluated at the rounded 0/1 values: exact sums of
            // ranks, weights and penalties, free of solver tolerances.
            let exact = plan.objective.expression.value(at: placement.roundedValues(solution))
            outcome.objective = exact
            outcome.bound = result.termination == .optimal ? exact : result.bound
            outcome.gap = result.termination == .optimal ? 0 : result.gap
        }
        whenDecided?(ResultReader(placement: placement, solution: solution).assignments())
        let (split, splitSeconds) = fundingSplit(placement, solution, previous: previous, options: o)
        outcome.solveSeconds += splitSeconds
        if split == nil && appointments == .relaxed {
            whenDecided?(nil)
            return (outcome, true)
        }
        ResultReader(placement: placement, solution: solution, split: split).fill(&outcome)
        if let previous { outcome.moves = PlacementMove.moves(from: previous, to: outcome.placements) }
        return (outcome, false)
    }

    /// Whether the tie-broken placement is as good as the one the objective
    /// decided: it keeps every hold and (`total-rank`, `score`) the
    /// objective's value within ``LexicographicStage/tolerance(_:)``. A
    /// safeguard against solver tolerances: otherwise the decided one stands.
    func keepsOptimum(_ plan: StagePlan, _ p: PlacementModel, decided: Solution, tieBroken: Solution) -> Bool {
        let now = p.roundedValues(tieBroken), before = p.roundedValues(decided)
        guard p.model.isFeasible(now, tolerance: 1e-5) else { return false }
        let a = plan.objective.expression.value(at: now), b = plan.objective.expression.value(at: before)
        let slack = LexicographicStage.tolerance(b)
        return plan.objective.sense == .maximize ? a >= b - slack : a <= b + slack
    }

    /// Of the known placements that satisfy the stage's model (its holds and
    /// closed choices), the best for the stage, its objective the stage's value.
    func bestStart(for stage: LexicographicStage, _ p: PlacementModel, among candidates: [Solution?]) -> Solution? {
        p.satisfying(candidates).map { Solution(values: $0, objective: stage.expression.value(at: $0)) }
            .reduce(nil) { (kept: Solution?, s: Solution) in
                kept.map { stage.isBetter(s.objective, than: $0.objective) ? s : $0 } ?? s
            }
    }

    /// One stage's solve: columns fixed by a Lagrangian bound where the model
    /// has GAP's shape (see ``SolveStrategy``), then GLPK's search.
    func solve(
        _ stage: LexicographicStage, _ placement: PlacementModel, options: SolverOptions,
        outcome: inout PlacementOutcome
    ) throws(SolverError) -> SolveResult {
        var stageOptions = options
        // Columns fixed by a Lagrangian bound, for this stage only: a later
        // stage may need solutions they exclude.
        var stageModel = placement.model
        var lagrangianBound: Double?
        var targeted: (search: TargetedSearch, start: [Double], bound: Double)?
        if lagrangianFixing && placement.blockingVariables.isEmpty {
            let clock = ContinuousClock(), started = clock.now
            if let (start, report, nodeBound) = LagrangianFixing.apply(
                to: &stageModel, start: stageOptions.startingSolution, solver: solver,
                timeLimit: stageOptions.timeLimit)
            {
                stageOptions.startingSolution = start
                if lagrangianNodeBounds, !stageOptions.presolve, let nodeBound {
                    stageOptions.nodeExaminer = nodeBound
                    if nodeBound.shape.integralObjective, let start, report.bound.isFinite {
                        targeted = (
                            TargetedSearch(
                                solver: solver, nodeBound: nodeBound,
                                log: stageOptions.logLevel > .off ? stageOptions.logSink : nil),
                            start, report.bound
                        )
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
            r = try t.search.solve(
                stageModel, start: t.start, bound: t.bound, options: stageOptions, progress: progress)
        } else {
            r = try solver.solve(stageModel, options: stageOptions, progress: progress)
        }
        // The Lagrangian bound holds for the whole model too: keep the tighter.
        if let l = lagrangianBound, r.termination != .optimal {
            r.bound = r.bound.map { stage.sense == .maximize ? min($0, l) : max($0, l) } ?? l
        }
        outcome.solves += 1
        outcome.solveSeconds += r.solveSeconds
        return r
    }
}

extension PlacementEngine {
    /// `stability = "stable"` and no placement without blocking pairs: said so,
    /// with the pairs that block in a placement with the fewest (never a
    /// silent fallback to another placement).
    static func noStablePlacement(_ p: PlacementModel, _ values: [Double]) -> Diagnosis {
        let s = p.scenario
        let pairs = p.eligibility.choices.indices.filter { values[p.blockingVariables[$0].index] > 0.5 }.map {
            let c = p.eligibility.choices[$0]
            return "\(s.fellows[c.fellow].id) with \(s.mentors[c.mentor].id) (\(s.labs[c.lab].id))"
        }
        let count = "\(pairs.count) pair\(pairs.count == 1 ? "" : "s")"
        let message =
            "No stable placement exists ([placement] stability = \"stable\"): every placement has at least \(count) "
            + "that would both rather be together; with the fewest: \(pairs.joined(separator: ", ")). "
            + "Use stability = \"fewest-blocking-pairs\" to place with these, or \"report\"."
        return Diagnosis(
            findings: [Finding(kind: .noStablePlacement, message: message, blocking: true)], changes: [],
            summary: "No stable placement exists: at least \(count) must block.")
    }
}
