import Domain
import Modeling

/// What one source pays one fellow, when rule 8 applies: the payment and
/// whether the source pays the fellow at all.
public struct FellowPayment: Hashable, Sendable {
    public var fellow: Int
    public var source: Int
    /// `pay(f,s)` ≥ 0, in thousands of dollars (``PlacementModel/moneyUnit``).
    public var variable: Variable
    /// `pays(f,s)` ∈ {0,1}; `nil` when no rule of rule 8 needs it.
    public var indicator: Variable?
    /// The largest need of the fellow the source may pay (dollars).
    public var largestNeed: Int
    /// The smallest positive need of the fellow the source may pay (dollars).
    public var smallestNeed: Int
}

extension PlacementModel {
    /// Rule 5 with one payment per fellow and source, used instead of the
    /// class aggregation of `Funding.swift` when rule 8 applies (its rules
    /// speak of individual fellows). With `owed(f) = Σ_{(l,m)} need(f,l)·assign(f,l,m)`
    /// (a constant for continuing fellows) and `placed(f,l) = Σ_m assign(f,l,m)`:
    ///
    ///     Σ_s pay(f,s) = owed(f)                                  for every fellow f with a need
    ///     pay(f,s) ≤ need(f,l)·placed(f,l)                        for every grant s of lab l
    ///     pay(f,s) ≤ largestNeed(f,s)·pays(f,s)                   where pays(f,s) exists
    ///     Σ_f pay(f,s) ≤ budget(s)                                for every source s
    ///
    /// `pays(f,s)` ∈ {0,1} exists for the pairs the rules of rule 8 speak of:
    /// every pair when `max_sources` or `min_payment` is set, pairs of a source
    /// with `slots`, and pairs of a federal source with a fellow whom another
    /// federal source may also pay.
    mutating func addFellowPayments() {
        let s = scenario
        let sources = SourcesAtLab(s)
        let federalPayers = federalPayerCounts(sources)
        var budgetTerms: [Int: LinearExpression] = [:]
        for fi in s.fellows.indices {
            let byLab = needsByLab(of: fi)
            guard !byLab.isEmpty else { continue }
            var owed = LinearExpression()
            for n in byLab { owed.add(n.placed, times: Self.money(n.need)) }
            var paid = LinearExpression()
            // In input order, as every source was looked at: only those that can pay at one of the labs may pay.
            for si in Set(byLab.flatMap { sources.candidates(at: s.labs[$0.lab].id) }).sorted() {
                let source = s.funding[si]
                let at = byLab.filter { source.mayPay(for: s.fellows[fi], at: s.labs[$0.lab].id) }
                guard !at.isEmpty else { continue }
                let pay = model.addVariable(
                    "pay(\(tag(s.fellows[fi].id)),\(tag(source.id)))", .continuous, lower: 0, upper: nil)
                paid.add(1, pay)
                budgetTerms[si, default: LinearExpression()].add(1, pay)
                if source.lab != nil, let n = at.first {
                    model.add(
                        pay - Self.money(n.need) * n.placed <= 0,
                        name: "grantpay(\(tag(s.fellows[fi].id)),\(tag(source.id)))")
                }
                let largest = at.map(\.need).max() ?? 0, smallest = at.map(\.need).min() ?? 0
                var payment = FellowPayment(
                    fellow: fi, source: si, variable: pay, indicator: nil, largestNeed: largest, smallestNeed: smallest)
                if needsIndicator(source, federalPayers: federalPayers[fi] ?? 0) {
                    let y = model.addBinary("pays(\(tag(s.fellows[fi].id)),\(tag(source.id)))")
                    model.add(
                        pay - Self.money(largest) * y <= 0, name: "paying(\(tag(s.fellows[fi].id)),\(tag(source.id)))")
                    payment.indicator = y
                }
                fellowPayments.append(payment)
            }
            let constant = owed.constant
            owed.constant = 0
            model.add(paid - owed == constant, name: "paid(\(tag(s.fellows[fi].id)))")
        }
        addBudgets(budgetTerms)
    }

    /// Whether rule 8 speaks of whether `source` pays a fellow whom
    /// `federalPayers` federal sources may pay.
    func needsIndicator(_ source: FundingSource, federalPayers: Int) -> Bool {
        let f = scenario.settings.funding
        if f.maxSources != nil || f.minPayment != nil || source.slots != nil { return true }
        return source.kind?.isFederal == true && federalPayers > 1
    }

    /// A fellow's positive needs by lab, with `placed(f,l)` (the constant 1
    /// for a continuing fellow), labs in the order of the fellow's choices.
    func needsByLab(of fi: Int) -> [(lab: Int, need: Int, placed: LinearExpression)] {
        let s = scenario
        let f = s.fellows[fi]
        var byLab: [(lab: Int, need: Int, placed: LinearExpression)] = []
        if f.isNew {
            var seen: [Int: Int] = [:]
            for ci in eligibility.choicesOfFellow[fi] ?? [] {
                let c = eligibility.choices[ci]
                guard c.need > 0 else { continue }
                if let k = seen[c.lab] {
                    byLab[k].placed.add(1, assign[ci])
                } else {
                    seen[c.lab] = byLab.count
                    byLab.append((c.lab, c.need, LinearExpression(assign[ci])))
                }
            }
        } else if let lab = f.lab, let li = s.labs.firstIndex(where: { $0.id == lab }) {
            let need = s.need(of: f, at: lab)
            if need > 0 { byLab.append((li, need, LinearExpression(1))) }
        }
        return byLab
    }

    /// Fellow index → how many federal sources may pay them somewhere they may be.
    func federalPayerCounts(_ sources: SourcesAtLab) -> [Int: Int] {
        let s = scenario
        var counts: [Int: Int] = [:]
        for fi in s.fellows.indices {
            let labs = Set(needsByLab(of: fi).map { s.labs[$0.lab].id })
            let payers = Set(labs.flatMap { sources.payers(for: s.fellows[fi], at: $0) })
            counts[fi] = payers.filter { s.funding[$0].kind?.isFederal == true }.count
        }
        return counts
    }

    /// The payments of rule 8 by fellow and by source, in model order.
    var indicatorsByFellow: [Int: [FellowPayment]] {
        Dictionary(grouping: fellowPayments.filter { $0.indicator != nil }, by: \.fellow)
    }
}
