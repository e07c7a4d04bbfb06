import Modeling

extension PlacementModel {
    /// Rule 8, slots: a source pays at most `slots` fellows (a training
    /// grant's trainee positions; continuing trainees hold theirs).
    ///
    ///     Σ_f pays(f,s) ≤ slots(s)          for every source s with slots, when more fellows could use it
    ///
    /// In the elastic model a slot may be added at a cost, like a seat.
    mutating func addSlots() {
        let s = scenario
        let bySource = Dictionary(grouping: fellowPayments.filter { $0.indicator != nil }, by: \.source)
        for si in s.funding.indices {
            guard let slots = s.funding[si].slots, let payments = bySource[si], payments.count > slots else {
                continue
            }
            var row = payments.compactMap(\.indicator).sum()
            let name = "slots(\(tag(s.funding[si].id)))"
            if elastic { row -= relax(.slots(source: si), name: name, maximum: Double(payments.count)) }
            model.add(row <= Double(slots), name: name)
        }
    }
}
