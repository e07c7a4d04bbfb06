import Modeling

extension PlacementModel {
    /// Rule 8, at most one federal source per fellow: a training grant or a
    /// federal research grant may be supplemented only from non-federal money
    /// (NIH Grants Policy Statement 11.3.8).
    ///
    ///     Σ_{s federal} pays(f,s) ≤ 1       for every fellow f whom two or more federal sources may pay
    ///
    /// A rule of law, not a limit a coordinator can change: it never gives in
    /// the elastic model.
    mutating func addOneFederalSource() {
        let s = scenario
        for (fi, payments) in indicatorsByFellow.sorted(by: { $0.key < $1.key }) {
            let federal = payments.filter { s.funding[$0.source].kind?.isFederal == true }
            guard federal.count > 1 else { continue }
            model.add(federal.compactMap(\.indicator).sum() <= 1, name: "federal(\(tag(s.fellows[fi].id)))")
        }
    }
}
