import Domain
import Modeling

/// Forms every continuing fellow's thesis committee (see "Thesis committees"
/// in docs/scenario-format.md) with GLPK, through ``CommitteeModel``.
///
/// The objective is lexicographic, solved in stages, each keeping the
/// optimum of the ones before as a constraint:
///
/// 1. the most fellows with a committee (`max Σ formed_f`; all of them
///    whenever the loads allow);
/// 2. the worst-served fellow's expertise (`max t`);
/// 3. the total expertise (`max Σ_f E_f`);
/// 4. balanced loads, then the fewest seats: `min (N + 1) · L + Σ x_fp`,
///    N the number of seat variables; as `Σ x_fp ≤ N`, one less `L` always
///    outweighs any number of seats, so this is exactly "smallest largest load,
///    then fewest readers and externals".
///
/// A stage that stops without proof (a time limit) keeps the best it found,
/// and the outcome is marked not proved. The time limit is one budget for
/// the whole formation (every stage and every widening of the lists), not
/// one per solve: a stage starts only while time is left.
///
/// **At scale** the model would hold a 0/1 variable per fellow and possible
/// member (a consortium: about a million). So, above ``fullListsUpTo``
/// possible seats, each fellow keeps at most about
/// ``candidateLimit`` readers and as many externals (see
/// ``CommitteeCandidates/keeping(_:pool:rotation:)``): the best by expertise,
/// the best who may chair, the best for each uncovered interest. A stage of
/// that smaller model is called proved only when its value reaches what no
/// choice over the full lists can beat (``CommitteeBounds``); when it forms
/// fewer committees than there are open fellows, the lists are widened four
/// times over and it is solved again, up to the full lists, whose stages are
/// proved by the solver as before.
///
/// **When everyone is formed at that scale** but the direct committees
/// leave a few fellows below their best, ``CommitteeNeighbourhood`` first
/// re-forms only those fellows and the committees around them with a small
/// model; when that reaches every bound, the committees are proved best
/// (by the bounds) and the whole model is never built.
///
/// **When members run out at that scale** (fewer committees than fellows,
/// improved by ``PricedCommittees`` and ``CommitteeExchanges``) and those
/// committees already reach the bounds of the first two stages (as many
/// formed as ``CommitteeBounds/formed`` allows, the worst-served fellow at
/// its bound for that many), no model is built: its later stages could be
/// proved on kept lists only by reaching the sum of the best committees of
/// the fellows formed, which the used-up loads put out of reach, and on a
/// consortium they end at their iteration limits after tens of seconds for
/// about 1 % more expertise in all (Benchmarks/BENCHMARKS.md). The
/// committees are then reported as not proved best.
public struct CommitteeFormer: Sendable {
    public var solver: any Solver
    public var options: SolverOptions
    /// Readers (and, apart, externals) kept per fellow in the first model.
    public var candidateLimit: Int

    /// With at most this many possible seats in all, the model holds every
    /// fellow's full lists from the start (and its stages are proved by the
    /// solver): a program's model of that size solves in well under a second.
    public var fullListsUpTo: Int

    /// Whether the model stops after its first stage (most committees):
    /// what ``formsEveryone(_:keeping:)`` asks.
    var formedOnly = false

    public init(
        solver: any Solver, options: SolverOptions = .deterministic, candidateLimit: Int = 12,
        fullListsUpTo: Int = 5_000
    ) {
        self.solver = solver
        self.options = options
        self.candidateLimit = candidateLimit
        self.fullListsUpTo = fullListsUpTo
    }

    /// The committees of every continuing fellow of `scenario`.
    /// - Throws: `SolverError` when the solver itself fails.
    public func form(_ scenario: Scenario) throws(SolverError) -> CommitteeOutcome {
        let settings = scenario.settings.committee ?? CommitteeSettings()
        let pool = CommitteeMember.pool(scenario)
        let all = CommitteeCandidates.all(scenario, pool: pool)
        let open = all.filter { $0.shortfall == nil }
        let unformed = all.compactMap { c in
            c.shortfall.map { CommitteeOutcome.Unformed(fellow: c.fellow.id, reason: $0) }
        }
        guard !open.isEmpty else {
            return CommitteeOutcome(committees: [], unformed: unformed, loads: [:], proved: true)
        }
        let bounds = CommitteeBounds(open, pool: pool, settings: settings)
        let budget = TimeBudget(seconds: options.timeLimit)
        var direct = DirectCommittees.best(open, pool: pool, settings: settings, bounds: bounds)
        let runOut = direct.formed < open.count && !direct.reaches(bounds, fellows: open.count) && !formedOnly
        if runOut {
            direct = PricedCommittees.improve(
                direct, open, pool: pool, settings: settings, bounds: bounds, budget: budget)
            direct = CommitteeExchanges.improve(
                direct, open, pool: pool, settings: settings, bounds: bounds, budget: budget)
        }
        let possible = open.map { $0.readers.count + $0.externals.count }.reduce(0, +)
        var nearSize: SolvedModelSize?
        if possible > fullListsUpTo && !runOut && !formedOnly && !direct.reaches(bounds, fellows: open.count) {
            let near = CommitteeNeighbourhood(
                solver: solver, options: options, candidateLimit: max(candidateLimit, 1))
            (direct, nearSize) = try near.improve(
                direct, open, pool: pool, settings: settings, bounds: bounds, budget: budget)
        }
        if direct.reaches(bounds, fellows: open.count) {
            return Self.outcome(
                direct.chosen, open: open, all: all, pool: pool, unformed: unformed, proved: true, size: nearSize,
                reason: .loadsUsedUp, bounds: bounds)
        }
        let widest = open.map { max($0.readers.count, $0.externals.count) }.max() ?? 0
        if runOut && possible > fullListsUpTo && direct.reachesFormedAndWorst(bounds, fellows: open.count) {
            return Self.outcome(
                direct.chosen, open: open, all: all, pool: pool, unformed: unformed, proved: false,
                reason: .loadsUsedUp, bounds: bounds)
        }
        var k = possible <= fullListsUpTo ? widest : max(candidateLimit, 1)
        var solved: Staged
        var best = direct.chosen
        repeat {
            let kept = open.enumerated().map { i, c in
                c.keeping(k, pool: pool, rotation: i &* 7919).including(best[i]?.members ?? [], pool: pool)
            }
            let model = CommitteeModel(kept, pool: pool, settings: settings)
            solved = try solve(model, bounds: bounds, full: k >= widest, budget: budget, start: model.values(of: best))
            best = solved.solution.map { solved.model.choices(in: $0, open: open) } ?? best
            solved.size = SolvedModelSize(
                solved.model.model, kept: kept.map { $0.readers.count + $0.externals.count }.reduce(0, +),
                possible: possible)
            k = k >= widest ? k : min(widest, k * 4)
        } while solved.formed < bounds.formed && !solved.full && !budget.isSpent
        let reason: CommitteeShortfall = solved.formedProved && solved.solution != nil ? .loadsUsedUp : .notFound
        return Self.outcome(
            best, open: open, all: all, pool: pool, unformed: unformed, proved: solved.proved, size: solved.size,
            reason: reason, bounds: bounds)
    }

    /// Whether every continuing fellow of `scenario` can have a committee,
    /// the question a diagnosis asks of each change: `false` when a fellow's
    /// committee breaks a rule on its own or ``CommitteeBounds`` allows fewer
    /// committees; `true` as soon as committees are found for everyone (they
    /// are the proof): `kept`'s committees, which must be valid in
    /// `scenario` (a raised `committee_load` leaves them so), with a direct
    /// one for each fellow they leave out over the loads left, or else the
    /// direct committees afresh. Otherwise the model's first stage decides,
    /// and `nil` when it stopped short of everyone without proof. The later
    /// stages (who is served best) do not change the answer, so none is solved.
    /// `given` spares the work of reading them again: `scenario`'s pool and
    /// candidates, worked out by the caller (a diagnosis raising a load
    /// above 0 changes no fellow's candidates, which count loads only as 0
    /// or not).
    /// - Throws: `SolverError` when the solver itself fails.
    public func formsEveryone(
        _ scenario: Scenario, keeping kept: CommitteeOutcome? = nil,
        given: (pool: [CommitteeMember], candidates: [CommitteeCandidates])? = nil
    ) throws(SolverError) -> Bool? {
        let settings = scenario.settings.committee ?? CommitteeSettings()
        let pool = given?.pool ?? CommitteeMember.pool(scenario)
        let all = given?.candidates ?? CommitteeCandidates.all(scenario, pool: pool)
        guard all.allSatisfy({ $0.shortfall == nil }) else { return false }
        let bounds = CommitteeBounds(all, pool: pool, settings: settings)
        guard bounds.formed >= all.count else { return false }
        if let kept, Self.addsTheRest(to: kept, all, pool: pool, settings: settings) { return true }
        let direct = DirectCommittees(all, pool: pool, settings: settings, bounds: bounds)
        if direct.formed == all.count { return true }
        var firstStage = self
        firstStage.formedOnly = true
        let outcome = try firstStage.form(scenario)
        return outcome.unformed.isEmpty ? true : outcome.proved ? false : nil
    }

    /// Whether every fellow of `all` that `kept` leaves out gets a direct
    /// committee (in `all`'s order) over the members' loads that `kept` leaves.
    private static func addsTheRest(
        to kept: CommitteeOutcome, _ all: [CommitteeCandidates], pool: [CommitteeMember], settings: CommitteeSettings
    ) -> Bool {
        let served = Set(kept.committees.map(\.fellow))
        var direct = DirectCommittees(loads: pool.map { kept.loads[$0.id] ?? 0 })
        for c in all where !served.contains(c.fellow.id) {
            guard let choice = direct.choose(c, pool: pool, settings: settings) else { return false }
            direct.take(choice)
        }
        return true
    }

    /// The outcome of one committee (or none) per open fellow, with `bounds`'
    /// limit when as many are formed as it allows.
    static func outcome(
        _ chosen: [DirectCommittees.Choice?], open: [CommitteeCandidates], all: [CommitteeCandidates],
        pool: [CommitteeMember], unformed: [CommitteeOutcome.Unformed], proved: Bool, size: SolvedModelSize? = nil,
        reason: CommitteeShortfall = .notFound, bounds: CommitteeBounds? = nil
    ) -> CommitteeOutcome {
        var unformed = unformed
        var committees: [CommitteeOutcome.Committee] = []
        var loads: [String: Int] = [:]
        for (c, choice) in zip(open, chosen) {
            guard let choice else {
                unformed.append(CommitteeOutcome.Unformed(fellow: c.fellow.id, reason: reason))
                continue
            }
            var seats = [
                CommitteeOutcome.Seat(member: pool[c.mentor].id, role: .mentor, chair: choice.chair == c.mentor)
            ]
            for p in choice.members {
                seats.append(
                    CommitteeOutcome.Seat(
                        member: pool[p].id, role: pool[p].external ? .external : .reader, chair: choice.chair == p))
                loads[pool[p].id, default: 0] += 1
            }
            committees.append(
                CommitteeOutcome.Committee(fellow: c.fellow.id, seats: seats, expertise: choice.expertise))
        }
        var o = CommitteeOutcome(
            committees: committees, unformed: ordered(unformed, all), loads: loads, proved: proved, size: size)
        if let bounds, committees.count == bounds.formed { o.limit = bounds.limit }
        return o
    }

    /// One model solved stage by stage.
    struct Staged {
        var model: CommitteeModel
        var solution: Solution?
        var formed: Int
        var proved: Bool
        /// Whether no more fellows can have a committee (the first stage proved).
        var formedProved = false
        /// Whether the model held every fellow's full lists.
        var full: Bool
        var size: SolvedModelSize?
    }

    /// Solves `m`'s stages in order, each keeping the optimum of the ones
    /// before. On the full lists a stage is proved by the solver; on kept
    /// lists, by reaching `bounds` (a solver's proof covers only the kept lists).
    func solve(
        _ model: CommitteeModel, bounds: CommitteeBounds, full: Bool, budget: TimeBudget = TimeBudget(),
        start: [Double]? = nil
    ) throws(SolverError) -> Staged {
        var m = model
        var proved = true
        var best = start.map { Solution(values: $0, objective: 0) }
        var formed = 0, formedProved = false, atBestTotal = false
        let n = Double(m.seats.map(\.count).reduce(0, +))
        let loads = (n + 1) * m.maxLoad + m.seatCount
        let all = m.formed.count
        let stages: [(String, ObjectiveSense, LinearExpression)] = [
            ("formed", .maximize, m.formedCount), ("worst", .maximize, LinearExpression(m.worst)),
            ("total", .maximize, m.totalExpertise), ("loads", .minimize, loads)
        ]
        for (name, sense, objective) in stages.prefix(formedOnly ? 1 : stages.count) {
            let bound: Double? =
                switch name {
                case "formed": Double(min(bounds.formed, all))
                case "worst": Double(bounds.worst(forming: formed))
                case "total": Double(bounds.total(forming: formed))
                default: Self.loadsBound(bounds, forming: formed, atBestTotal: atBestTotal, seatVariables: n)
                }
            var value = best.map { $0.value(of: objective).rounded() }
            if value != bound {
                guard !budget.isSpent else {
                    proved = false
                    break
                }
                m.model.objective = Objective(sense, objective)
                let result = try solver.solve(m.model, options: Self.stageOptions(options, budget, start: best?.values))
                guard let solution = result.solution else {
                    proved = proved && result.termination == .optimal
                    break
                }
                value = solution.value(of: objective).rounded()
                proved = proved && (full ? result.isOptimal : value == bound)
                best = m.tidied(solution)
            }
            guard let value else { break }
            if name == "formed" { (formed, formedProved) = (Int(value), proved) }
            if name == "total" { atBestTotal = Int(value) == bounds.total(forming: formed) }
            guard name != "loads" else { break }
            m.model.add("keep_\(name)", lower: value, objective, upper: nil)
        }
        return Staged(
            model: m, solution: best, formed: formed, proved: proved, formedProved: formedProved, full: full)
    }

    /// The loads stage's bound, `(N + 1) · L + seats` at the floors of
    /// ``CommitteeBounds/loads(forming:atBestTotal:)``.
    private static func loadsBound(
        _ bounds: CommitteeBounds, forming k: Int, atBestTotal: Bool, seatVariables n: Double
    ) -> Double {
        let (largest, seats) = bounds.loads(forming: k, atBestTotal: atBestTotal)
        return (n + 1) * Double(largest) + Double(seats)
    }

    /// Subproblems each stage's search may create: a stage that reaches it
    /// keeps the best committees found and is not proved. The same point on
    /// every machine, so a run without a time limit ends, reproducibly (a
    /// consortium's stage takes seconds per subproblem, and its search could
    /// otherwise run for hours); the demo's and the tests' programs are
    /// proved in far fewer.
    static let nodeLimit = 100

    /// Simplex iterations each stage may make, in all: a consortium's root
    /// LP can take minutes (primal simplex, degenerate), which no node limit
    /// bounds. The demo's and a generated consortium's stages make under
    /// 1,000; a stage that reaches it keeps the best committees found and is
    /// not proved.
    static let iterationLimit = 10_000

    /// The options of one stage: the time left, at most ``nodeLimit``
    /// subproblems and ``iterationLimit`` iterations and, when there is one, the
    /// best solution so far as the start (GLPK takes a start only without
    /// presolve). GLPK's pseudocost branching tries every fractional variable
    /// at the root before it looks at its time limit again, so a stage
    /// branches by Driebeck and Tomlin's rule, which keeps the limit.
    static func stageOptions(_ options: SolverOptions, _ budget: TimeBudget, start: [Double]?) -> SolverOptions {
        var o = options
        o.timeLimit = budget.left
        o.nodeLimit = min(o.nodeLimit ?? .max, Self.nodeLimit)
        o.iterationLimit = min(o.iterationLimit ?? .max, Self.iterationLimit)
        o.branching = .driebeckTomlin
        if let start {
            o.startingSolution = start
            o.presolve = false
        }
        return o
    }

    /// `unformed` in fellows.csv order.
    private static func ordered(
        _ unformed: [CommitteeOutcome.Unformed], _ all: [CommitteeCandidates]
    ) -> [CommitteeOutcome.Unformed] {
        let position = Dictionary(all.enumerated().map { ($1.fellow.id, $0) }, uniquingKeysWith: { first, _ in first })
        return unformed.sorted { position[$0.fellow, default: 0] < position[$1.fellow, default: 0] }
    }
}
