import Domain

extension PlacementModel {
    /// Rule 8's slots, relaxed to money (for ``AppointmentModelling/relaxed``):
    /// a source with `slots = k` pays at most k fellows, each at most their
    /// need, so it pays at most the sum of the k largest needs it may pay:
    ///
    ///     Σ_f pay(f,s) ≤ Σ_{k largest} maxneed(f,s)
    ///
    /// over every fellow f that s may pay somewhere f may be (continuing
    /// fellows at their lab, new fellows at their eligible choices), with
    /// `maxneed(f,s)` f's largest such need. `nil` when the source has no slots,
    /// when rule 8 is modelled exactly (its own slot rows hold), or when the cap
    /// is no tighter than the budget.
    func slotMoneyCap(_ si: Int) -> Int? {
        let s = scenario
        guard appointments == .relaxed, !elastic, s.usesAppointmentRules, let slots = s.funding[si].slots else {
            return nil
        }
        let source = s.funding[si]
        var needs: [Int] = []
        for (fi, f) in s.fellows.enumerated() {
            if f.isNew {
                let payable = (eligibility.choicesOfFellow[fi] ?? []).map { eligibility.choices[$0] }
                    .filter { source.mayPay(for: f, at: s.labs[$0.lab].id) }.map(\.need)
                if let most = payable.max(), most > 0 { needs.append(most) }
            } else if let lab = f.lab, source.mayPay(for: f, at: lab) {
                let need = s.need(of: f, at: lab)
                if need > 0 { needs.append(need) }
            }
        }
        guard needs.count > slots else { return nil }
        let cap = needs.sorted(by: >).prefix(slots).reduce(0, +)
        return cap < source.budget ? cap : nil
    }
}
