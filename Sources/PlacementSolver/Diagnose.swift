import Domain
import Modeling

extension PlacementEngine {
    /// When no placement exists: solve the elastic model, in which lab and
    /// mentor capacities, budgets, track limits and locks may give at a cost
    /// (1000 per limit that gives, then 1 per seat or per $1,000 of excess),
    /// and report the cheapest set of changes that makes a placement possible.
    func diagnose(_ scenario: Scenario, options: SolverOptions) throws(SolverError) -> Diagnosis {
        let elastic = PlacementModel(scenario: scenario, elastic: true)
        let r = try solver.solve(elastic.model, options: options)
        guard let solution = r.solution else {
            return Diagnosis(findings: [], changes: [],
                             summary: "No placement exists, and none appears even when capacities, budgets, track limits and locks may give: check the fellows' preferences and interests.")
        }
        let s = scenario
        let names = Directory(scenario)
        var changes: [LimitChange] = []
        for relaxation in elastic.relaxations where solution.isOne(relaxation.gives) {
            let amount = solution[relaxation.excess]
            switch relaxation.limit {
            case .labCapacity(let li):
                let lab = s.labs[li], k = Int((amount - 1e-6).rounded(.up))
                changes.append(LimitChange(kind: .labCapacity, subject: lab.id, current: lab.capacity, needed: lab.capacity + k,
                                           message: "Lab \(names.lab(lab.id)) needs \(k) more place\(k == 1 ? "" : "s"): capacity \(lab.capacity) → \(lab.capacity + k)."))
            case .mentorCapacity(let mi):
                let m = s.mentors[mi], k = Int((amount - 1e-6).rounded(.up))
                changes.append(LimitChange(kind: .mentorCapacity, subject: m.id, current: m.capacity, needed: m.capacity + k,
                                           message: "Mentor \(names.mentor(m.id)) (\(names.labName(m.lab))) needs \(k) more place\(k == 1 ? "" : "s"): capacity \(m.capacity) → \(m.capacity + k)."))
            case .budget(let si):
                let source = s.funding[si], k = Int((amount * PlacementModel.moneyUnit - 0.005).rounded(.up))
                changes.append(LimitChange(kind: .budget, subject: source.id, current: source.budget, needed: source.budget + k,
                                           message: "Funding source \(names.source(source.id)) is \(MoneyText.dollars(k)) short: budget \(MoneyText.dollars(source.budget)) → \(MoneyText.dollars(source.budget + k))."))
            case .trackMinimum(let track):
                let lo = s.settings.tracks[track]?.minNew ?? 0, k = Int((amount - 1e-6).rounded(.up))
                changes.append(LimitChange(kind: .trackMinimum, subject: track, current: lo, needed: lo - k,
                                           message: "Track \(track) cannot reach min_new \(lo): lower it to \(lo - k)."))
            case .trackMaximum(let track):
                let hi = s.settings.tracks[track]?.maxNew ?? 0, k = Int((amount - 1e-6).rounded(.up))
                changes.append(LimitChange(kind: .trackMaximum, subject: track, current: hi, needed: hi + k,
                                           message: "Track \(track) needs max_new raised from \(hi) to \(hi + k)."))
            case .lock(let ri):
                let rule = s.rules[ri]
                changes.append(LimitChange(kind: .lock, subject: rule.fellow, current: nil, needed: nil,
                                           message: "The lock of \(names.fellow(rule.fellow)) to \(names.lab(rule.lab))\(rule.mentor.map { " with \(names.mentor($0))" } ?? "") cannot be honoured together with the other limits\(rule.reason.isEmpty ? "" : " (lock reason: \(rule.reason))")."))
            }
        }
        let summary = changes.isEmpty
            ? "No placement exists within the time allowed."
            : "No placement exists. The smallest set of limits that must give (\(changes.count)):"
        return Diagnosis(findings: [], changes: changes, summary: summary)
    }
}
