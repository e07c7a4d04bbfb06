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
/// member (a consortium: about a million). So each fellow keeps at most about
/// ``candidateLimit`` readers and as many externals (see
/// ``CommitteeCandidates/keeping(_:pool:rotation:)``): the best by expertise,
/// the best who may chair, the best for each uncovered interest. A stage of
/// that smaller model is called proved only when its value reaches what no
/// choice over the full lists can beat (``CommitteeBounds``); when it forms
/// fewer committees than there are open fellows, the lists are widened four
/// times over and it is solved again, up to the full lists, whose stages are
/// proved by the solver as before.
public struct CommitteeFormer: Sendable {
    public var solver: any Solver
    public var options: SolverOptions
    /// Readers (and, apart, externals) kept per fellow in the first model.
    public var candidateLimit: Int

    public init(solver: any Solver, options: SolverOptions = .deterministic, candidateLimit: Int = 12) {
        self.solver = solver
        self.options = options
        self.candidateLimit = candidateLimit
    }

    /// The committees of every continuing fellow of `scenario`.
    /// - Throws: `SolverError` when the solver itself fails.
    public func form(_ scenario: Scenario) throws(SolverError) -> CommitteeOutcome {
        let settings = scenario.settings.committee ?? CommitteeSettings()
        let pool = CommitteeMember.pool(scenario)
        let all = CommitteeCandidates.all(scenario, pool: pool)
        let open = all.filter { $0.shortfall == nil }
        var unformed = all.compactMap { c in
            c.shortfall.map { CommitteeOutcome.Unformed(fellow: c.fellow.id, reason: $0) }
        }
        guard !open.isEmpty else {
            return CommitteeOutcome(committees: [], unformed: unformed, loads: [:], proved: true)
        }
        let bounds = CommitteeBounds(open, pool: pool, settings: settings)
        let budget = TimeBudget(seconds: options.timeLimit)
        let widest = open.map { max($0.readers.count, $0.externals.count) }.max() ?? 0
        var k = max(candidateLimit, 1)
        var solved: Staged
        repeat {
            let kept = open.enumerated().map { $1.keeping(k, pool: pool, rotation: $0 &* 7919) }
            solved = try solve(
                CommitteeModel(kept, pool: pool, settings: settings), bounds: bounds, full: k >= widest, budget: budget)
            solved.size = SolvedModelSize(
                solved.model.model, kept: kept.map { $0.readers.count + $0.externals.count }.reduce(0, +),
                possible: open.map { $0.readers.count + $0.externals.count }.reduce(0, +))
            k = k >= widest ? k : min(widest, k * 4)
        } while solved.formed < open.count && !solved.full && !budget.isSpent
        let m = solved.model
        guard let best = solved.solution else {
            unformed += open.map { CommitteeOutcome.Unformed(fellow: $0.fellow.id, reason: .notFound) }
            return CommitteeOutcome(
                committees: [], unformed: Self.ordered(unformed, all), loads: [:], proved: false, size: solved.size)
        }
        var committees: [CommitteeOutcome.Committee] = []
        var loads: [String: Int] = [:]
        for (i, c) in open.enumerated() {
            guard best.isOne(m.formed[i]) else {
                let reason: CommitteeShortfall = solved.full ? .loadsUsedUp : .notFound
                unformed.append(CommitteeOutcome.Unformed(fellow: c.fellow.id, reason: reason))
                continue
            }
            let chair = Set(m.chairs[i].filter { best.isOne($0.c) }.map(\.member))
            var seats = [
                CommitteeOutcome.Seat(member: pool[c.mentor].id, role: .mentor, chair: chair.contains(c.mentor))
            ]
            var expertise = 0
            for (p, x) in m.seats[i] where best.isOne(x) {
                seats.append(
                    CommitteeOutcome.Seat(
                        member: pool[p].id, role: pool[p].external ? .external : .reader, chair: chair.contains(p)))
                expertise += c.expertise[p]
                loads[pool[p].id, default: 0] += 1
            }
            committees.append(CommitteeOutcome.Committee(fellow: c.fellow.id, seats: seats, expertise: expertise))
        }
        return CommitteeOutcome(
            committees: committees, unformed: Self.ordered(unformed, all), loads: loads, proved: solved.proved,
            size: solved.size)
    }

    /// One model solved stage by stage.
    struct Staged {
        var model: CommitteeModel
        var solution: Solution?
        var formed: Int
        var proved: Bool
        /// Whether the model held every fellow's full lists.
        var full: Bool
        var size: SolvedModelSize?
    }

    /// Solves `m`'s stages in order, each keeping the optimum of the ones
    /// before. On the full lists a stage is proved by the solver; on kept
    /// lists, by reaching `bounds` (a solver's proof covers only the kept lists).
    func solve(_ model: CommitteeModel, bounds: CommitteeBounds, full: Bool, budget: TimeBudget = TimeBudget())
        throws(SolverError) -> Staged
    {
        var m = model
        var proved = true
        var best: Solution?
        var formed = 0
        let n = Double(m.seats.map(\.count).reduce(0, +))
        let loads = (n + 1) * m.maxLoad + m.seatCount
        let stages: [(String, ObjectiveSense, LinearExpression, Double)] = [
            ("formed", .maximize, m.formedCount, Double(m.formed.count)),
            ("worst", .maximize, LinearExpression(m.worst), Double(bounds.worst)),
            ("total", .maximize, m.totalExpertise, Double(bounds.total)),
            ("loads", .minimize, loads, (n + 1) * Double(bounds.loadFloor) + Double(bounds.seats))
        ]
        for (name, sense, objective, bound) in stages {
            guard !budget.isSpent else {
                proved = false
                break
            }
            m.model.objective = Objective(sense, objective)
            var stageOptions = options
            stageOptions.timeLimit = budget.left
            let result = try solver.solve(m.model, options: stageOptions)
            guard let solution = result.solution else {
                proved = proved && result.termination == .optimal
                break
            }
            let value = solution.value(of: objective).rounded()
            proved = proved && (full ? result.isOptimal : value == bound)
            best = solution
            if name == "formed" { formed = Int(value) }
            guard name != "loads" else { break }
            m.model.add("keep_\(name)", lower: value, objective, upper: nil)
        }
        return Staged(model: m, solution: best, formed: formed, proved: proved, full: full)
    }

    /// `unformed` in fellows.csv order.
    private static func ordered(
        _ unformed: [CommitteeOutcome.Unformed], _ all: [CommitteeCandidates]
    ) -> [CommitteeOutcome.Unformed] {
        let position = Dictionary(all.enumerated().map { ($1.fellow.id, $0) }, uniquingKeysWith: { first, _ in first })
        return unformed.sorted { position[$0.fellow, default: 0] < position[$1.fellow, default: 0] }
    }
}
