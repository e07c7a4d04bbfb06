import Modeling

extension SeminarModel {
    /// No session holds more talks than its capacity (a row only where more
    /// talks could come than fit):
    ///
    ///     Σ_t talk(t,s) ≤ capacity(s)
    mutating func addSessionCapacity() {
        let inSession = talksBySession
        for (si, s) in options.sessions.enumerated() where inSession[si].count > s.capacity {
            model.add(inSession[si].sum { assign[$0][si]! } <= Double(s.capacity), name: "capacity(\(tag(s.id)))")
        }
    }
}
