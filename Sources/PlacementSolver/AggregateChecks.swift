import Domain

/// Pre-checks that add up, without solving: money and seats against the
/// fellows who can use nothing else.
///
/// For each fellow take P(f), the sources that may pay them at some lab they
/// can be placed in (rules 2, 3, 5, 6), and n(f), their smallest need there.
/// For every distinct set S among the P(f), a placement needs
/// Σ { n(f) : P(f) ⊆ S } ≤ Σ budget(S): the fellows who can be paid only from
/// S must fit in S's money. S = every source is the total; the set without
/// citizens-only grants is what non-citizens can use; a lab's grants with the
/// pools, or an area's sources, give the per-lab and per-area checks.
/// Likewise with seats: for every distinct set L of labs a new fellow can go
/// to, the new fellows whose labs all lie in L must fit in L's free places
/// (capacity less continuing fellows). These are necessary conditions
/// (Hall's condition on the sets present), so a shortfall found here is real.
enum AggregateChecks {
    static func findings(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        money(s, e, names: names) + seats(s, e, names: names)
    }

    /// Each fellow's payer set and smallest need (need > 0 and some payer only).
    static func payerSets(_ s: Scenario, _ e: Eligibility) -> [(fellow: Int, payers: Set<Int>, need: Int)] {
        var out: [(Int, Set<Int>, Int)] = []
        for (fi, f) in s.fellows.enumerated() {
            if f.isNew {
                let choices = (e.choicesOfFellow[fi] ?? []).map { e.choices[$0] }
                guard let need = choices.map(\.need).min(), need > 0 else { continue }
                var payers = Set<Int>()
                for lab in Set(choices.map(\.lab)) {
                    for (si, source) in s.funding.enumerated() where source.mayPay(for: f, at: s.labs[lab].id) { payers.insert(si) }
                }
                if !payers.isEmpty { out.append((fi, payers, need)) }
            } else if let lab = f.lab {
                let need = s.need(of: f, at: lab)
                let payers = Set(e.payers[fi] ?? [])
                if need > 0 && !payers.isEmpty { out.append((fi, payers, need)) }
            }
        }
        return out
    }

    static func money(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        let fellows = payerSets(s, e)
        let allSources = Set(s.funding.indices)
        var findings: [Finding] = []
        var seen = Set<Set<Int>>()
        // Smallest sets first, in a fixed order, so the findings read the same every run.
        let candidates = [allSources] + fellows.map(\.payers).sorted { a, b in
            a.count != b.count ? a.count < b.count : a.sorted().lexicographicallyPrecedes(b.sorted())
        }
        for set in candidates where !seen.contains(set) {
            seen.insert(set)
            let group = fellows.filter { $0.payers.isSubset(of: set) }
            let need = group.reduce(0) { $0 + $1.need }
            let money = set.reduce(0) { $0 + s.funding[$1].budget }
            guard need > money, !group.isEmpty else { continue }
            let short = need - money
            let unplaced = s.settings.allowUnplaced
            let who = set == allSources
                ? "All \(group.count) fellows who need funding need at least \(MoneyText.dollars(need)) in all, but every source together holds \(MoneyText.dollars(money))"
                : "\(group.count) fellow\(group.count == 1 ? "" : "s") can be paid only by "
                    + ListText.joined(set.sorted().map { names.sourceName(s.funding[$0].id) }, atMost: 6, empty: "nothing")
                    + ": they need at least \(MoneyText.dollars(need)), and those sources hold \(MoneyText.dollars(money))"
            let advice = unplaced ? " Some of them will be unplaced." : " Raise those budgets or add a source that may pay them."
            findings.append(Finding(kind: .aggregateShortfall, message: "\(who): \(MoneyText.dollars(short)) short \(FormatRule.funding.citation).\(advice)",
                                    blocking: !unplaced || group.contains { !s.fellows[$0.fellow].isNew }))
        }
        return findings
    }

    static func seats(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        var labSets: [(fellow: Int, labs: Set<Int>)] = []
        for (fi, f) in s.fellows.enumerated() where f.isNew {
            let labs = Set((e.choicesOfFellow[fi] ?? []).map { e.choices[$0].lab })
            if !labs.isEmpty { labSets.append((fi, labs)) }
        }
        let free = s.labs.map { max(0, $0.capacity - (e.continuingInLab[$0.id] ?? 0)) }
        var findings: [Finding] = []
        var seen = Set<Set<Int>>()
        for (_, set) in labSets.sorted(by: { ($0.labs.count, $0.fellow) < ($1.labs.count, $1.fellow) }) where !seen.contains(set) {
            seen.insert(set)
            let group = labSets.filter { $0.labs.isSubset(of: set) }
            let places = set.reduce(0) { $0 + free[$1] }
            guard group.count > places else { continue }
            let unplaced = s.settings.allowUnplaced
            findings.append(Finding(
                kind: .aggregateShortfall,
                message: "\(group.count) new fellow\(group.count == 1 ? "" : "s") can go only to " + ListText.joined(set.sorted().map { names.labName(s.labs[$0].id) }, atMost: 6, empty: "nothing")
                    + ", which have \(places) free place\(places == 1 ? "" : "s") in all: \(group.count - places) short \(FormatRule.capacity.citation)."
                    + (unplaced ? " Some of them will be unplaced." : " Raise a capacity or widen their choices."),
                blocking: !unplaced))
        }
        return findings
    }
}
