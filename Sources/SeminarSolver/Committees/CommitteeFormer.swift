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
/// and the outcome is marked not proved.
public struct CommitteeFormer: Sendable {
    public var solver: any Solver
    public var options: SolverOptions

    public init(solver: any Solver, options: SolverOptions = .deterministic) {
        self.solver = solver
        self.options = options
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
        var m = CommitteeModel(open, pool: pool, settings: settings)
        var proved = true
        var best: Solution?
        let n = Double(m.seats.map(\.count).reduce(0, +))
        let stages: [(String, ObjectiveSense, LinearExpression)] = [
            ("formed", .maximize, m.formedCount), ("worst", .maximize, LinearExpression(m.worst)),
            ("total", .maximize, m.totalExpertise), ("loads", .minimize, (n + 1) * m.maxLoad + m.seatCount)
        ]
        for (name, sense, objective) in stages {
            m.model.objective = Objective(sense, objective)
            let result = try solver.solve(m.model, options: options)
            guard let solution = result.solution else {
                proved = proved && result.termination == .optimal
                break
            }
            proved = proved && result.isOptimal
            best = solution
            guard name != "loads" else { break }
            let value = solution.value(of: objective).rounded()
            m.model.add("keep_\(name)", lower: value, objective, upper: nil)
        }
        guard let best else {
            unformed += open.map { CommitteeOutcome.Unformed(fellow: $0.fellow.id, reason: .notFound) }
            return CommitteeOutcome(committees: [], unformed: Self.ordered(unformed, all), loads: [:], proved: false)
        }
        var committees: [CommitteeOutcome.Committee] = []
        var loads: [String: Int] = [:]
        for (i, c) in open.enumerated() {
            guard best.isOne(m.formed[i]) else {
                unformed.append(CommitteeOutcome.Unformed(fellow: c.fellow.id, reason: .loadsUsedUp))
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
            committees: committees, unformed: Self.ordered(unformed, all), loads: loads, proved: proved)
    }

    /// `unformed` in fellows.csv order.
    private static func ordered(
        _ unformed: [CommitteeOutcome.Unformed], _ all: [CommitteeCandidates]
    ) -> [CommitteeOutcome.Unformed] {
        let position = Dictionary(all.enumerated().map { ($1.fellow.id, $0) }, uniquingKeysWith: { first, _ in first })
        return unformed.sorted { position[$0.fellow, default: 0] < position[$1.fellow, default: 0] }
    }
}
