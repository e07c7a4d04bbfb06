import Modeling

extension SeminarModel {
    /// A fellow's talks of the ordered kinds (``TalkKind/ordered``) come in
    /// order, strictly earlier by date and start: each `wip` after the one
    /// numbered before it, each `thesis` likewise, and every `thesis` after
    /// the last `wip`. With pos(s) the session's place in time (sessions at
    /// the same date and start share it):
    ///
    ///     Σ_s pos(s)·talk(b,s) − Σ_s pos(s)·talk(a,s) ≥ 1   a before b
    ///
    /// In the elastic model an unscheduled talk has position 0, so the row
    /// gives with it (a term big·unscheduled on each side).
    mutating func addTalkOrder() {
        let byFellow = Dictionary(grouping: talks.indices, by: { talks[$0].fellow })
        for fellow in byFellow.keys.sorted() {
            let mine = byFellow[fellow]!
            let wips = mine.filter { talks[$0].kind == TalkKind.wip }.sorted { talks[$0].number < talks[$1].number }
            let theses = mine.filter { talks[$0].kind == TalkKind.thesis }.sorted {
                talks[$0].number < talks[$1].number
            }
            for (a, b) in zip(wips, wips.dropFirst()) {
                model.add(position(b) - position(a) >= 1, name: "order(\(tag(talks[b].id)))")
            }
            for (a, b) in zip(theses, theses.dropFirst()) {
                model.add(position(b) - position(a) >= 1, name: "order(\(tag(talks[b].id)))")
            }
            guard let lastWip = wips.last else { continue }
            for th in theses {
                var row = position(th) - position(lastWip)
                if elastic {
                    let big = Double((options.position.last ?? 0) + 1)
                    if let u = unscheduled[th] { row += big * u }
                    if let u = unscheduled[lastWip] { row += big * u }
                }
                model.add(row >= 1, name: "wipfirst(\(tag(talks[th].id)))")
            }
        }
    }

    /// Σ_s pos(s)·talk(t,s): talk t's place in time.
    func position(_ ti: Int) -> LinearExpression {
        LinearExpression(
            sum: assign[ti].sorted { $0.key < $1.key }.map { (Double(options.position[$0.key]), $0.value) })
    }
}
