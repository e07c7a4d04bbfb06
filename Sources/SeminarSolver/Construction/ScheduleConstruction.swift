/// A seminar schedule built directly, without the integer program: valid
/// whenever it says so, and handed to GLPK as its first incumbent.
///
/// 1. Talks kept from an earlier schedule go back where they were, if the
///    rules still allow it (talks already held always do).
/// 2. The other talks are placed most constrained first (fewest open
///    sessions, then fewest later talks of the fellow free to move), each in
///    the open session that raises the soft-aim penalty least; ties go to the
///    session fewest waiting talks could use, for `wip` talks early and for
///    `thesis` talks late, so the order rule keeps room.
/// 3. Repair: a talk with no session left takes the open session with the
///    fewest talks in its way, and those talks wait again, first in line.
///    A talk just moved out pushes back the talk that moved it only when
///    nothing else is left. The number of such moves is bounded (``repairLimit``
///    per talk), so this step always ends. On series above
///    ``SeminarScheduler/provedLimit`` talks, where each such move scans
///    every open session, the talk is placed by an augmenting path instead
///    (see ``AugmentingRepair``), or waits for step 4.
/// 4. When talks are still waiting, ``AugmentingRepair`` places them by
///    augmenting paths (moves of talks along a chain of sessions that ends
///    in a free seat). The construction may still fail on a series that has
///    a schedule (an order between a fellow's talks that moves alone cannot
///    mend), never return an invalid one.
///
/// Deterministic: every tie is broken by index.
struct ScheduleConstruction {
    /// Moves of talks out of the way, per talk, at most.
    static let repairLimit = 50

    static func build(_ state: inout ScheduleState) -> Bool {
        let n = state.talks.count
        for t in 0..<n {
            // Only where the session is still open to it: since the earlier
            // schedule, its presenter or mentor may have become unavailable.
            if let k = state.keptSession[t], state.fixed[t] || (state.open[t].contains(k) && state.allows(t, in: k)) {
                state.place(t, in: k)
            }
        }
        // Waiting talks, the most constrained first.
        let keys = (0..<n).map { t in (state.open[t].count, -state.after[t].count, t) }
        let waiting = (0..<n).filter { state.sessionOf[$0] == nil }.sorted { keys[$0] < keys[$1] }
        var demand = OpenSessions.coverage(waiting.map { state.open[$0] }, sessions: state.options.sessions.count)
        var movedBy = [Int?](repeating: nil, count: n)
        var budget = repairLimit * max(n, 1)
        let large = n > SeminarScheduler.provedLimit
        var search = PathSearch(sessions: state.options.sessions.count, talks: n)
        var queue = Array(waiting.reversed())  // a stack: the last element is next
        while let t = queue.popLast() {
            if state.sessionOf[t] != nil { continue }
            if let s = bestSession(for: t, state, demand: &demand) {
                state.place(t, in: s)
                continue
            }
            // Above the proved limit each such move scans every open session:
            // an augmenting path places the talk (or it waits for the end).
            if large {
                _ = search.augment(t, &state)
                continue
            }
            guard budget > 0 else { return AugmentingRepair.complete(&state) }
            // Repair: the open session with the fewest movable talks in the way.
            var choice: (key: (Int, Int), session: Int, blockers: [Int])?
            for s in state.open[t] {
                let b = state.blockers(of: t, in: s)
                if b.isEmpty || b.contains(where: { state.fixed[$0] }) { continue }
                let key = (b.contains { movedBy[t] == $0 } ? 1 : 0, b.count)
                if choice.map({ key < $0.key }) ?? true { choice = (key, s, b) }
            }
            guard let (_, s, blockers) = choice else { return AugmentingRepair.complete(&state) }
            for b in blockers {
                state.remove(b)
                movedBy[b] = t
                for s2 in state.open[b] { demand[s2] += 1 }
                queue.append(b)
                budget -= 1
            }
            if state.allows(t, in: s) {
                state.place(t, in: s)
            } else {
                for s2 in state.open[t] { demand[s2] += 1 }
                queue.insert(t, at: 0)
            }
        }
        return state.complete || AugmentingRepair.complete(&state)
    }

    /// The open session where `t` fits and costs least (see the type's
    /// description for ties), or `nil` when none is left. `demand` (how many
    /// waiting talks each session is open to) is first made to leave `t` out.
    static func bestSession(for t: Int, _ state: ScheduleState, demand: inout [Int]) -> Int? {
        var best: (key: (Double, Double, Int, Int), session: Int)?
        let kind = state.talks[t].kind
        let lean = kind == TalkKind.wip ? 1 : kind == TalkKind.thesis ? -1 : 0
        let move = state.leaving(t), rises = state.monthRises()
        for s in state.open[t] {
            demand[s] -= 1
            // Cheap tests first, each leaving the choice as it was: a full
            // session breaks the first rule; a session whose least cost
            // already loses is not looked into; the rules are checked only
            // where the session would win.
            let room = state.capacity[s] - state.load[s]
            guard room > 0 else { continue }
            let least = state.leastDelta(move, to: s, rises: rises)
            if let b = best, least > b.key.0 { continue }
            let cost = state.load[s] == 0 ? least : state.delta(move, to: s, rises: rises)
            let key = (cost, Double(demand[s]) / Double(room), lean * state.options.position[s], s)
            if best.map({ key < $0.key }) ?? true, state.allows(t, in: s) { best = (key, s) }
        }
        return best?.session
    }
}
