import Domain
import Modeling

extension PlacementEngine {
    /// When no placement exists: solve the elastic model, in which lab and
    /// mentor capacities, budgets, track limits and locks may give at a cost
    /// (1000 per limit that gives, then 1 per seat or per $1,000 of excess),
    /// and report the cheapest set of changes that makes a placement possible.
    /// When no placement exists: solve the elastic model, in which lab and
    /// mentor capacities, budgets, track limits and locks may give at a cost
    /// (see `PlacementModel.giveCost`: seats first, then flexible pools, then
    /// restricted grants, track limits and locks; then 1 per seat or per
    /// $1,000 of excess), and report the cheapest set of changes that makes a
    /// placement possible, with up to ``alternativeDiagnoses`` other sets.
    ///
    /// Each further set comes from the elastic model with every earlier set
    /// excluded (Σ over its limits of `gives` ≤ its size − 1, so no superset
    /// of an earlier set either), and every set is verified: the scenario
    /// with those limits changed is solved again and must have a placement.
    ///
    /// With rule 8, the elastic model of the scenario without rule 8 (whose
    /// funding is aggregated, and quick to solve) is tried first, each of its
    /// sets verified with rule 8; only when none holds is the elastic model
    /// with rule 8 solved (which may also add slots or raise `max_sources`).
    func diagnose(_ scenario: Scenario, options: SolverOptions) throws(SolverError) -> Diagnosis {
        var sets: [[LimitChange]] = []
        if scenario.usesAppointmentRules {
            sets = try diagnosisSets(
                PlacementModel(scenario: scenario.withoutAppointmentRules, elastic: true), scenario, options)
        }
        if sets.isEmpty {
            // Rule 8's indicators make the elastic search long: it stops after a
            // fixed number of subproblems (reproducible), with the sets found so far.
            var limited = options
            if scenario.usesAppointmentRules { limited.nodeLimit = Self.appointmentDiagnosisNodes }
            sets = try diagnosisSets(PlacementModel(scenario: scenario, elastic: true), scenario, limited)
        }
        guard let changes = sets.first else {
            return Diagnosis(
                findings: [], changes: [],
                summary:
                    "No placement exists, and none appears even when capacities, budgets, track limits and locks may give: check the fellows' preferences and interests."
            )
        }
        let summary =
            sets.count == 1
            ? "No placement exists. The smallest set of limits that must give (\(changes.count)):"
            : "No placement exists. Any one of these \(sets.count) sets of changes makes one possible (each checked by a re-solve), easiest first:"
        return Diagnosis(findings: [], changes: changes, summary: summary, alternatives: Array(sets.dropFirst()))
    }

    /// The sets of changes the elastic model finds, cheapest first, each
    /// verified on `scenario` (sets that do not make a placement possible are left out).
    func diagnosisSets(_ model: PlacementModel, _ scenario: Scenario, _ options: SolverOptions) throws(SolverError)
        -> [[LimitChange]]
    {
        var elastic = model
        var sets: [(cost: Double, changes: [LimitChange])] = []
        for attempt in 0...Self.alternativeDiagnoses {
            let r = try solver.solve(elastic.model, options: options)
            guard let solution = r.solution else { break }
            let giving = elastic.relaxations.filter { solution.isOne($0.gives) }
            guard !giving.isEmpty else { break }
            let changes = self.changes(giving, solution: solution, scenario: scenario)
            var plain = options
            plain.nodeLimit = nil
            if try verify(changes, scenario: scenario, options: plain) { sets.append((solution.objective, changes)) }
            var cut = LinearExpression()
            for g in giving { cut.add(1, g.gives) }
            elastic.model.add("diagnosis_alternative_\(attempt)", lower: nil, cut, upper: Double(giving.count - 1))
        }
        // Cheapest first (a search stopped by a node limit may find a cheaper set later).
        return sets.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
            .map(\.element.changes)
    }

    /// Subproblems the elastic model with rule 8 may create per solve.
    static let appointmentDiagnosisNodes = 2_000

    /// Other sets of changes the diagnosis looks for besides the cheapest.
    static let alternativeDiagnoses = 2

    /// Whether the scenario with `changes` applied has a placement.
    ///
    /// With rule 8 the changed scenario is tried as a run is (see
    /// ``AppointmentModelling``): the relaxation, kept when the funding split
    /// pays its placement; otherwise rule 8's exact model, searched for at
    /// most ``appointmentDiagnosisNodes`` subproblems (a set it cannot
    /// confirm in that search is left out, never reported unverified).
    func verify(_ changes: [LimitChange], scenario: Scenario, options: SolverOptions) throws(SolverError) -> Bool {
        let changed = Self.applying(changes, to: scenario)
        guard changed.usesAppointmentRules else {
            let m = PlacementModel(scenario: changed)
            return try solver.solve(m.model, options: SolveStrategy.tune(options, for: m.model)).solution != nil
        }
        let relaxed = PlacementModel(scenario: changed, appointments: .relaxed)
        let r = try solver.solve(relaxed.model, options: SolveStrategy.tune(options, for: relaxed.model))
        guard let solution = r.solution else { return false }
        if fundingSplit(relaxed, solution, previous: nil, options: options).0 != nil { return true }
        let exact = PlacementModel(scenario: changed)
        var limited = SolveStrategy.tune(options, for: exact.model)
        limited.nodeLimit = Self.appointmentDiagnosisNodes
        return try solver.solve(exact.model, options: limited).solution != nil
    }

    /// The scenario with a diagnosis's changes made: capacities, budgets and
    /// track limits set to what they need, broken locks removed.
    static func applying(_ changes: [LimitChange], to scenario: Scenario) -> Scenario {
        var s = scenario
        for c in changes {
            guard let needed = c.needed else {
                if c.kind == .lock { s.rules.removeAll { $0.kind == .lock && $0.fellow == c.subject } }
                continue
            }
            switch c.kind {
            case .labCapacity:
                if let i = s.labs.firstIndex(where: { $0.id == c.subject }) { s.labs[i].capacity = needed }
            case .mentorCapacity:
                if let i = s.mentors.firstIndex(where: { $0.id == c.subject }) { s.mentors[i].capacity = needed }
            case .budget:
                if let i = s.funding.firstIndex(where: { $0.id == c.subject }) { s.funding[i].budget = needed }
            case .trackMinimum: s.settings.tracks[c.subject]?.minNew = needed
            case .trackMaximum: s.settings.tracks[c.subject]?.maxNew = needed
            case .slots:
                if let i = s.funding.firstIndex(where: { $0.id == c.subject }) { s.funding[i].slots = needed }
            case .maxSources: s.settings.funding.maxSources = needed
            case .lock: break
            }
        }
        return s
    }

    /// The limits that give in an elastic solution, as changes in words.
    func changes(_ giving: [Relaxation], solution: Solution, scenario: Scenario) -> [LimitChange] {
        let s = scenario
        let names = Directory(scenario)
        var changes: [LimitChange] = []
        for relaxation in giving {
            let amount = solution[relaxation.excess]
            switch relaxation.limit {
            case .labCapacity(let li):
                let lab = s.labs[li], k = Int((amount - 1e-6).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .labCapacity, subject: lab.id, current: lab.capacity, needed: lab.capacity + k,
                        message:
                            "Lab \(names.lab(lab.id)) needs \(k) more place\(k == 1 ? "" : "s"): capacity \(lab.capacity) → \(lab.capacity + k)."
                    ))
            case .mentorCapacity(let mi):
                let m = s.mentors[mi], k = Int((amount - 1e-6).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .mentorCapacity, subject: m.id, current: m.capacity, needed: m.capacity + k,
                        message:
                            "Mentor \(names.mentor(m.id)) (\(names.labName(m.lab))) needs \(k) more place\(k == 1 ? "" : "s"): capacity \(m.capacity) → \(m.capacity + k)."
                    ))
            case .budget(let si):
                let source = s.funding[si], k = Int((amount * PlacementModel.moneyUnit - 0.005).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .budget, subject: source.id, current: source.budget, needed: source.budget + k,
                        message:
                            "Funding source \(names.source(source.id)) is \(MoneyText.dollars(k)) short: budget \(MoneyText.dollars(source.budget)) → \(MoneyText.dollars(source.budget + k))."
                    ))
            case .trackMinimum(let track):
                let lo = s.settings.tracks[track]?.minNew ?? 0, k = Int((amount - 1e-6).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .trackMinimum, subject: track, current: lo, needed: lo - k,
                        message: "Track \(track) cannot reach min_new \(lo): lower it to \(lo - k)."))
            case .trackMaximum(let track):
                let hi = s.settings.tracks[track]?.maxNew ?? 0, k = Int((amount - 1e-6).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .trackMaximum, subject: track, current: hi, needed: hi + k,
                        message: "Track \(track) needs max_new raised from \(hi) to \(hi + k)."))
            case .slots(let si):
                let source = s.funding[si], slots = source.slots ?? 0, k = Int((amount - 1e-6).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .slots, subject: source.id, current: slots, needed: slots + k,
                        message:
                            "Funding source \(names.source(source.id)) needs \(k) more slot\(k == 1 ? "" : "s"): slots \(slots) → \(slots + k)."
                    ))
            case .maxSources:
                let n = s.settings.funding.maxSources ?? 0, k = Int((amount - 1e-6).rounded(.up))
                changes.append(
                    LimitChange(
                        kind: .maxSources, subject: "max_sources", current: n, needed: n + k,
                        message: "[funding] max_sources must be raised from \(n) to \(n + k)."))
            case .lock(let ri):
                let rule = s.rules[ri]
                changes.append(
                    LimitChange(
                        kind: .lock, subject: rule.fellow, current: nil, needed: nil,
                        message:
                            "The lock of \(names.fellow(rule.fellow)) to \(names.lab(rule.lab))\(rule.mentor.map { " with \(names.mentor($0))" } ?? "") cannot be honoured together with the other limits\(rule.reason.isEmpty ? "" : " (lock reason: \(rule.reason))")."
                    ))
            }
        }
        return changes
    }
}
