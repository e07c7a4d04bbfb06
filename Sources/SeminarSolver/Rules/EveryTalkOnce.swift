import Modeling

extension SeminarModel {
    /// Every required talk exactly once; talks already held stay where they were:
    ///
    ///     Σ_s talk(t,s) = 1            (elastic: + unscheduled(t))
    ///     talk(t,s) = 1                for a talk held in s before `--today`
    mutating func addEveryTalkOnce() {
        for (ti, t) in talks.enumerated() {
            var row = assign[ti].sorted { $0.key < $1.key }.sum { $0.value }
            if elastic {
                let u = model.addBinary("unscheduled(\(tag(t.id)))")
                unscheduled[ti] = u
                row += u
            }
            model.add(row == 1, name: "once(\(tag(t.id)))")
        }
        for k in kept where k.fixed {
            if let v = assign[k.talk][k.session] { model.setBounds(v, lower: 1, upper: 1) }
        }
    }
}
