import Modeling

extension SeminarModel {
    /// The soft aims, weighted in the format's order (100, 10, 1):
    ///
    ///     sameLab(l,s)   ≥ Σ_{t of lab l} talk(t,s) − 1      no two talks from one lab in a session
    ///     sameTrack(k,s) ≥ Σ_{t of track k} talk(t,s) − 1    mixed tracks within a session
    ///     spread(m)      ≥ |Σ_{s in month m} Σ_t talk(t,s) − target(m)|
    ///
    /// where target(m) is the month's share of session capacity times the
    /// number of talks. Returns their weighted sum.
    mutating func softAims() -> LinearExpression {
        let sessions = options.sessions
        let inSession = talksBySession
        var objective = LinearExpression()
        for (key, weight, group) in [
            ("lab", Self.sameLabWeight, { (t: Talk) in t.lab }),
            ("track", Self.sameTrackWeight, { (t: Talk) in t.track })
        ] {
            for si in sessions.indices where sessions[si].capacity > 1 {
                let groups = Dictionary(grouping: inSession[si], by: { group(talks[$0]) })
                for name in groups.keys.sorted() where groups[name]!.count > 1 {
                    let excess = model.addVariable(
                        "same\(key)(\(tag(name)),\(tag(sessions[si].id)))", .continuous, lower: 0, upper: nil)
                    model.add(
                        excess - groups[name]!.sum { assign[$0][si]! } >= -1,
                        name: "same\(key)(\(tag(name)),\(tag(sessions[si].id)))")
                    objective.add(weight, excess)
                }
            }
        }
        let months = Dictionary(
            grouping: sessions.indices, by: { sessions[$0].date.year * 100 + sessions[$0].date.month })
        let totalCapacity = Double(sessions.reduce(0) { $0 + $1.capacity })
        guard totalCapacity > 0 && months.count > 1 else { return objective }
        for month in months.keys.sorted() {
            let ss = months[month]!
            let target = Double(talks.count) * Double(ss.reduce(0) { $0 + sessions[$1].capacity }) / totalCapacity
            let load = ss.sum { si in inSession[si].sum { assign[$0][si]! } }
            let deviation = model.addVariable("spread(\(month))", .continuous, lower: 0, upper: nil)
            model.add(deviation - load >= -target, name: "spreadup(\(month))")
            model.add(deviation + load >= target, name: "spreaddown(\(month))")
            objective.add(Self.spreadWeight, deviation)
        }
        return objective
    }
}
