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
/// Fellows are grouped by their set first; besides the total, the
/// ``checkedSets`` smallest sets are checked.
enum AggregateChecks {
    /// Sets checked besides the total, smallest first: each check adds up
    /// every group, so a large consortium (thousands of distinct sets) is
    /// checked on its most constrained sets only.
    static let checkedSets = 200

    static func findings(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        money(s, e, names: names) + seats(s, e, names: names)
    }

    /// Each fellow's payer set and smallest need (need > 0 and some payer only).
    static func payerSets(_ s: Scenario, _ e: Eligibility) -> [(fellow: Int, payers: Set<Int>, need: Int)] {
        let sources = SourcesAtLab(s)
        var out: [(Int, Set<Int>, Int)] = []
        for (fi, f) in s.fellows.enumerated() {
            if f.isNew {
                let choices = (e.choicesOfFellow[fi] ?? []).map { e.choices[$0] }
                guard let need = choices.map(\.need).min(), need > 0 else { continue }
                var payers = Set<Int>()
                for lab in Set(choices.map(\.lab)) {
                    payers.formUnion(sources.payers(for: f, at: s.labs[lab].id))
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

    /// Fellows grouped by the set they can use: per distinct set, how many,
    /// their total need (or count), and whether a continuing fellow is among them.
    struct Group {
        var set: Set<Int>
        var count: Int
        var need: Int
        var continuing: Bool
        var order: [Int]
    }

    static func grouped(_ items: [(fellow: Int, set: Set<Int>, need: Int)], _ s: Scenario) -> [Group] {
        var index: [Set<Int>: Int] = [:]
        var groups: [Group] = []
        for item in items {
            let continuing = !s.fellows[item.fellow].isNew
            if let k = index[item.set] {
                groups[k].count += 1
                groups[k].need += item.need
                groups[k].continuing = groups[k].continuing || continuing
            } else {
                index[item.set] = groups.count
                groups.append(
                    Group(set: item.set, count: 1, need: item.need, continuing: continuing, order: item.set.sorted()))
            }
        }
        return groups
    }

    /// The groups whose set lies inside `set`, added up.
    static func within(_ set: Set<Int>, _ groups: [Group]) -> (count: Int, need: Int, continuing: Bool) {
        var total = (count: 0, need: 0, continuing: false)
        for g in groups where g.set.count <= set.count && g.set.isSubset(of: set) {
            total.count += g.count
            total.need += g.need
            total.continuing = total.continuing || g.continuing
        }
        return total
    }

    static func money(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        let groups = grouped(payerSets(s, e).map { ($0.fellow, $0.payers, $0.need) }, s)
        let allSources = Set(s.funding.indices)
        var findings: [Finding] = []
        // Every source first, then the smallest sets, in a fixed order, so the findings read the same every run.
        let ordered = groups.sorted { a, b in
            a.set.count != b.set.count ? a.set.count < b.set.count : a.order.lexicographicallyPrecedes(b.order)
        }
        let candidates = [allSources] + ordered.map(\.set).filter { $0 != allSources }.prefix(checkedSets)
        for set in candidates {
            let group = within(set, groups)
            let money = set.reduce(0) { $0 + s.funding[$1].budget }
            guard group.need > money, group.count > 0 else { continue }
            let short = group.need - money
            let unplaced = s.settings.allowUnplaced
            let who =
                set == allSources
                ? "All \(group.count) fellows who need funding need at least \(MoneyText.dollars(group.need)) in all, but every source together holds \(MoneyText.dollars(money))"
                : "\(group.count) fellow\(group.count == 1 ? "" : "s") can be paid only by "
                    + ListText.joined(
                        set.sorted().map { names.sourceName(s.funding[$0].id) }, atMost: 6, empty: "nothing")
                    + ": they need at least \(MoneyText.dollars(group.need)), and those sources hold \(MoneyText.dollars(money))"
            let advice =
                unplaced ? " Some of them will be unplaced." : " Raise those budgets or add a source that may pay them."
            findings.append(
                Finding(
                    kind: .aggregateShortfall,
                    message: "\(who): \(MoneyText.dollars(short)) short \(FormatRule.funding.citation).\(advice)",
                    blocking: !unplaced || group.continuing))
        }
        return findings
    }

    static func seats(_ s: Scenario, _ e: Eligibility, names: Directory) -> [Finding] {
        var labSets: [(fellow: Int, set: Set<Int>, need: Int)] = []
        for (fi, f) in s.fellows.enumerated() where f.isNew {
            let labs = Set((e.choicesOfFellow[fi] ?? []).map { e.choices[$0].lab })
            if !labs.isEmpty { labSets.append((fi, labs, 0)) }
        }
        let groups = grouped(labSets, s)
        let free = s.labs.map { max(0, $0.capacity - (e.continuingInLab[$0.id] ?? 0)) }
        var findings: [Finding] = []
        // Smallest sets first; among equals, in the order of their first fellow.
        let ordered = groups.enumerated().sorted(by: {
            ($0.element.set.count, $0.offset) < ($1.element.set.count, $1.offset)
        }).map(\.element)
        for g in ordered.prefix(checkedSets) {
            let count = within(g.set, groups).count
            let places = g.set.reduce(0) { $0 + free[$1] }
            guard count > places else { continue }
            let unplaced = s.settings.allowUnplaced
            findings.append(
                Finding(
                    kind: .aggregateShortfall,
                    message: "\(count) new fellow\(count == 1 ? "" : "s") can go only to "
                        + ListText.joined(
                            g.set.sorted().map { names.labName(s.labs[$0].id) }, atMost: 6, empty: "nothing")
                        + ", which have \(places) free place\(places == 1 ? "" : "s") in all: \(count - places) short \(FormatRule.capacity.citation)."
                        + (unplaced ? " Some of them will be unplaced." : " Raise a capacity or widen their choices."),
                    blocking: !unplaced))
        }
        return findings
    }
}
