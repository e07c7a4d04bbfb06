import Modeling

extension PlacementModel {
    /// Rule 5, funding covers the need. With `need(f,l) = max(0, cost(f,l) − external_funding(f))`:
    ///
    ///     Σ_s pay(f,s) = Σ_{(l,m)} need(f,l)·assign(f,l,m)      for every new fellow f
    ///     Σ_s pay(f,s) = need(f, lab(f))                         for every continuing fellow f
    ///     pay(f,s) ≤ Σ_m need(f,lab(s))·assign(f,lab(s),m)        for every lab grant s
    ///     Σ_f pay(f,s) ≤ budget(s)                                for every source s
    ///     pay(f,s) ≥ 0
    ///
    /// `pay(f,s)` exists only when s may pay for f (citizens-only, areas, and
    /// the source's lab among f's eligible labs), so the eligibility part of
    /// the rule is in the variables; the lab link makes a lab's grant pay only
    /// when f is placed in that lab.
    mutating func addFunding() {
        let s = scenario
        var paymentsOfSource: [Int: [Variable]] = [:]
        for (fi, f) in s.fellows.enumerated() {
            guard let payers = eligibility.payers[fi], !payers.isEmpty else {
                if !f.isNew, let lab = f.lab, s.need(of: f, at: lab) > 0 {
                    // No source may pay: the row below makes that infeasible, as it is.
                    model.add(LinearExpression() == Double(s.need(of: f, at: lab)), name: "need(\(tag(f.id)))")
                }
                continue
            }
            let choices = eligibility.choicesOfFellow[fi] ?? []
            let maximumNeed: Int
            if f.isNew {
                maximumNeed = choices.map { eligibility.choices[$0].need }.max() ?? 0
            } else {
                maximumNeed = f.lab.map { s.need(of: f, at: $0) } ?? 0
            }
            guard maximumNeed > 0 else { continue }
            var paid = LinearExpression()
            for si in payers {
                let v = model.addVariable("pay(\(tag(f.id)),\(tag(s.funding[si].id)))", .continuous,
                                          lower: 0, upper: Double(maximumNeed))
                payments.append(Payment(fellow: fi, source: si, variable: v))
                paymentsOfSource[si, default: []].append(v)
                paid.add(1, v)
                if f.isNew, let sourceLab = s.funding[si].lab {
                    let atLab = choices.filter { s.labs[eligibility.choices[$0].lab].id == sourceLab }
                    let link = atLab.sum { Double(eligibility.choices[$0].need) * assign[$0] }
                    model.add(v - link <= 0, name: "grantlab(\(tag(f.id)),\(tag(s.funding[si].id)))")
                }
            }
            if f.isNew {
                let owed = choices.sum { Double(eligibility.choices[$0].need) * assign[$0] }
                model.add(paid - owed == 0, name: "need(\(tag(f.id)))")
            } else {
                model.add(paid == Double(maximumNeed), name: "need(\(tag(f.id)))")
            }
        }
        let totalNeed = Double(s.fellows.indices.reduce(0) { total, fi in
            let f = s.fellows[fi]
            if f.isNew {
                return total + ((eligibility.choicesOfFellow[fi] ?? []).map { eligibility.choices[$0].need }.max() ?? 0)
            }
            return total + (f.lab.map { s.need(of: f, at: $0) } ?? 0)
        })
        for si in s.funding.indices {
            guard let vs = paymentsOfSource[si] else { continue }
            let source = s.funding[si]
            var row = vs.sum()
            if elastic {
                row -= relax(.budget(source: si), name: "budget(\(tag(source.id)))", maximum: max(totalNeed, 1))
            }
            model.add(row <= Double(source.budget), name: "budget(\(tag(source.id)))")
        }
    }
}
