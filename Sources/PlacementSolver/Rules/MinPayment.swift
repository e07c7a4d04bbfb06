import Modeling

extension PlacementModel {
    /// Rule 8, `[funding] min_payment = P`: a source that pays a fellow pays
    /// at least P, or the fellow's whole need when that is smaller (so a small
    /// need is still paid, by one source):
    ///
    ///     pay(f,s) ≥ min(P, smallestNeed(f,s))·pays(f,s)      for every pair (f,s)
    ///
    /// `smallestNeed(f,s)` is the fellow's smallest positive need where s may
    /// pay them (needs differ by lab only through costs.csv).
    mutating func addMinPayment() {
        guard let minimum = scenario.settings.funding.minPayment, minimum > 0 else { return }
        let s = scenario
        for p in fellowPayments {
            guard let y = p.indicator else { continue }
            let floor = Self.money(min(minimum, p.smallestNeed))
            model.add(
                p.variable - floor * y >= 0,
                name: "minpay(\(tag(s.fellows[p.fellow].id)),\(tag(s.funding[p.source].id)))")
        }
    }
}
