import Modeling

extension PlacementModel {
    /// Rule 7, track limits: for every `[tracks.t]` with `min_new = a`, `max_new = b`,
    ///
    ///     a ≤ Σ_{new f in t} Σ_{(l,m)} assign(f,l,m) ≤ b
    ///
    /// A fellow's track is fixed, so the limits bite only with
    /// `allow_unplaced`; otherwise they are a consistency check (the
    /// pre-checks report it first).
    mutating func addTrackLimits() {
        let s = scenario
        let seats = Double(newFellows.count)
        for (track, limit) in s.settings.tracks.sorted(by: { $0.key < $1.key }) {
            guard limit.minNew != nil || limit.maxNew != nil else { continue }
            var placed = newFellows.filter { s.fellows[$0].track == track }.sum { assigned(fellow: $0) }
            if elastic {
                if limit.minNew != nil {
                    placed += relax(.trackMinimum(track: track), name: "trackmin(\(tag(track)))", maximum: seats)
                }
                if limit.maxNew != nil {
                    placed -= relax(.trackMaximum(track: track), name: "trackmax(\(tag(track)))", maximum: seats)
                }
            }
            model.add(
                "track(\(tag(track)))", lower: limit.minNew.map(Double.init), placed,
                upper: limit.maxNew.map(Double.init))
        }
    }

    /// Locks in the elastic model: a lock may break at a cost,
    ///
    ///     Σ_{m (= the locked mentor, if given)} assign(f, lock lab, m) + broken(f) ≥ 1
    mutating func addLockRelaxations() {
        let s = scenario
        let fellowIndex = Dictionary(uniqueKeysWithValues: s.fellows.enumerated().map { ($1.id, $0) })
        for (ri, rule) in s.rules.enumerated() where rule.kind == .lock {
            guard let fi = fellowIndex[rule.fellow], s.fellows[fi].isNew else { continue }
            var honoured = assigned(fellow: fi) { c in
                s.labs[c.lab].id == rule.lab && (rule.mentor == nil || s.mentors[c.mentor].id == rule.mentor)
            }
            honoured += relax(.lock(rule: ri), name: "lock(\(tag(rule.fellow)))", maximum: 1)
            model.add(honoured >= 1, name: "lock(\(tag(rule.fellow)))")
        }
    }
}
