import Modeling

extension SeminarModel {
    /// Every session used before one holds two talks (soft, weight
    /// ``doublingWeight`` per talk beyond a session's first):
    ///
    ///     doubled(s) ≥ Σ_t talk(t,s) − 1,   doubled(s) ≥ 0
    ///
    /// for each session of capacity above 1 that two or more talks may use.
    /// Weighted beside the months' spread (1): both ask for talks evenly over
    /// the calendar, and neither may outweigh a talk of the same lab or track
    /// in one session (100, 10). With fewer talks than sessions the least
    /// value is 0: an empty session is left only where rules or the heavier
    /// aims leave no other choice, and the report lists it.
    mutating func everySessionUsed() -> LinearExpression {
        var objective = LinearExpression()
        let sessions = options.sessions
        for si in sessions.indices where sessions[si].capacity > 1 && talksBySession[si].count > 1 {
            let name = "doubled(\(tag(sessions[si].id)))"
            let doubled = model.addVariable(name, .continuous, lower: 0, upper: nil)
            model.add(doubled - talksBySession[si].sum { assign[$0][si]! } >= -1, name: name)
            objective.add(Self.doublingWeight, doubled)
        }
        return objective
    }
}
