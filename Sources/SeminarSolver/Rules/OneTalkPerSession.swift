import Modeling

extension SeminarModel {
    /// A fellow gives at most one talk per session (a row only where two of
    /// their talks could meet):
    ///
    ///     Σ_{t of f} talk(t,s) ≤ 1
    mutating func addOneTalkPerFellowPerSession() {
        let byFellow = Dictionary(grouping: talks.indices, by: { talks[$0].fellow })
        for fellow in byFellow.keys.sorted() {
            let mine = byFellow[fellow]!
            for si in options.sessions.indices {
                let here = mine.filter { assign[$0][si] != nil }
                if here.count > 1 {
                    model.add(
                        here.sum { assign[$0][si]! } <= 1,
                        name: "onetalk(\(tag(fellow)),\(tag(options.sessions[si].id)))")
                }
            }
        }
    }
}
