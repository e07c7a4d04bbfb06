/// Local search on the soft aims of a valid schedule: moves of one talk to
/// another open session, and swaps of two talks between sessions, taken
/// whenever they lower the penalty and keep every hard rule.
///
/// Passes run in talk order until one improves nothing, at most
/// ``maximumPasses``; a swap is tried only with talks in sessions open to
/// both. Every step keeps the schedule valid, so stopping anywhere is safe;
/// there is no clock, so the result is reproducible. With a `least`
/// penalty (a proved bound), the search stops as soon as the schedule
/// reaches it: no step could lower it further.
struct ScheduleImprovement {
    static let maximumPasses = 30

    static func improve(_ state: inout ScheduleState, least: Double = -.infinity) {
        var penalty = state.penalty
        guard penalty > least + 1e-6 else { return }
        for _ in 0..<maximumPasses {
            var improved = false
            for t in state.talks.indices where !state.fixed[t] {
                guard let gain = move(t, &state) ?? swap(t, &state) else { continue }
                improved = true
                penalty += gain
                if penalty <= least + 1e-6 {
                    penalty = state.penalty  // counted afresh: the running sum only says when to look
                    if penalty <= least + 1e-6 { return }
                }
            }
            if !improved { return }
        }
    }

    /// Moves `t` to the open session that lowers the penalty most.
    /// - Returns: the change in the penalty, `nil` when no move lowers it.
    static func move(_ t: Int, _ state: inout ScheduleState) -> Double? {
        var best: (delta: Double, session: Int)?
        let leaving = state.leaving(t), rises = state.monthRises()
        for s in state.open[t] where s != leaving.from && state.load[s] < state.capacity[s] {
            // As in the construction: the least cost first, the talks of the
            // session only when it could win, the rules only when it does.
            let least = state.leastDelta(leaving, to: s, rises: rises)
            guard least < -1e-9, best.map({ least < $0.delta - 1e-9 }) ?? true else { continue }
            let d = state.load[s] == 0 ? least : state.delta(leaving, to: s, rises: rises)
            if d < -1e-9, best.map({ d < $0.delta - 1e-9 }) ?? true, state.allows(t, in: s) { best = (d, s) }
        }
        guard let best else { return nil }
        state.place(t, in: best.session)
        return best.delta
    }

    /// Swaps `t` with a talk of another session when that lowers the penalty.
    /// A swap leaves every session's load (and so the spread) as it was:
    /// only a talk that shares its session with its lab or track, or is away
    /// from the session it may keep, can gain.
    /// - Returns: the change in the penalty, `nil` when no swap lowers it.
    static func swap(_ t: Int, _ state: inout ScheduleState) -> Double? {
        guard let from = state.sessionOf[t], state.mayGainBySwap(t) else { return nil }
        for s in state.open[t] where s != from {
            for u in state.occupants[s] where !state.fixed[u] && state.open[u].contains(from) {
                let gain = state.swapDelta(t, u)
                guard gain < -1e-9,
                    state.allows(t, in: s, ignoring: u), state.allows(u, in: from, ignoring: t)
                else { continue }
                state.remove(t)
                state.remove(u)
                state.place(t, in: s)
                state.place(u, in: from)
                // Orders between t and u themselves (same fellow) need the full check.
                if state.isValid(t), state.isValid(u) { return gain }
                state.remove(t)
                state.remove(u)
                state.place(t, in: from)
                state.place(u, in: s)
            }
        }
        return nil
    }
}

extension ScheduleState {
    /// Whether talk `t`'s place keeps every hard rule.
    func isValid(_ t: Int) -> Bool {
        guard let s = sessionOf[t] else { return false }
        return allows(t, in: s)
    }
}
