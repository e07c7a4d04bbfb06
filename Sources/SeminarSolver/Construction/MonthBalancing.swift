/// Brings the months' loads closer to their targets when no single move or
/// swap can (every seat of the month that needs a talk is taken by a talk
/// that has nowhere else to go): a talk of a month above its target leaves
/// it by a chain of moves, as in ``AugmentingRepair``, that ends in a free
/// seat of a month below its target, so that only those two months' loads
/// change. A chain is kept only when the whole penalty drops (a chain
/// through sessions of several seats may crowd a lab or a track).
///
/// A chain from month a to month b changes the spread by fall(a) + rise(b),
/// the change of a's term with one talk fewer and of b's with one more, so
/// it is sought only where that sum is negative: b below its target (one
/// talk more lowers its term, load + ½ < target), and a either above its own
/// (load − ½ > target) or close enough to it that b gains more than a loses
/// (loads 17 and 20 against targets 16.6 and 20.8: moving one talk lowers
/// the spread by 0.3 though neither month is off by half a talk).
/// At most ``attempts`` talks are tried per month and round, at most
/// ``rounds`` chains are made and at most ``searches`` chains are looked
/// for in all (each a search over the series); every step keeps the schedule valid, so
/// stopping anywhere is safe; there is no clock, so the result is reproducible.
struct MonthBalancing {
    static let attempts = 40
    static let rounds = 400
    static let searches = 200

    static func balance(_ state: inout ScheduleState) {
        guard state.monthCount > 1 else { return }
        var search = PathSearch(sessions: state.options.sessions.count, talks: state.talks.count)
        var budget = searches
        for _ in 0..<rounds {
            guard once(&state, &search, budget: &budget) else { return }
        }
    }

    /// One chain that lowers the penalty, if one is found.
    static func once(_ state: inout ScheduleState, _ search: inout PathSearch, budget: inout Int) -> Bool {
        let months = 0..<state.monthCount
        let below = months.filter { state.monthRise($0) < -1e-9 }
        guard let deepest = below.map({ state.monthRise($0) }).min() else { return false }
        let sources = months.filter { state.monthFall($0) + deepest < -1e-9 }.sorted {
            (state.monthFall($0), $0) < (state.monthFall($1), $1)
        }
        let before = state.penalty
        let monthOf = state.options.sessions.indices.map { state.monthIndex(of: $0) }
        for a in sources {
            let gaining = Set(below.filter { $0 != a && state.monthFall(a) + state.monthRise($0) < -1e-9 })
            let ends: (Int) -> Bool = { gaining.contains(monthOf[$0]) }
            var tried = 0
            for t in state.talks.indices where !state.fixed[t] {
                guard let s = state.sessionOf[t], monthOf[s] == a else { continue }
                if tried == attempts { break }
                if budget == 0 { return false }
                tried += 1
                budget -= 1
                var trial = state
                trial.remove(t)
                guard search.augment(t, &trial, endsIn: ends), trial.complete, trial.penalty < before - 1e-9 else {
                    continue
                }
                state = trial
                return true
            }
        }
        return false
    }
}
