/// Completes a partial schedule by augmenting paths, as in bipartite
/// matching: a waiting talk t takes a session s, whose occupant u moves to
/// another session, whose occupant moves on, and so on, until a session with
/// a free seat ends the path. The shortest such path is found by a breadth-
/// first search over sessions (each visited once per search), so a talk is
/// placed whenever the talks in its way can make room for it by moves alone.
///
/// A move of x to s on a path must keep x's own rules as the schedule
/// stands: s is open to x, x's fellow has no other talk in s, and s lies
/// strictly after x's talks that must come before it and strictly before
/// those that must come after it. A path is checked again as a whole when
/// applied (two talks of one fellow on one path); one that breaks a rule is
/// undone and the search goes on.
///
/// A talk whose search fails, and whose fellow has other talks it must be
/// ordered with, frees those talks (unless held) and searches again without
/// them in its way; they wait again. The number of such frees is bounded
/// (``freeLimit`` per talk), so the repair always ends.
///
/// Only talks the direct construction could not place are searched for, so
/// a schedule the construction completes is left exactly as it was.
/// Deterministic: sessions are tried in chronological order, talks in
/// order of fewest open sessions.
struct AugmentingRepair {
    static let freeLimit = 4

    /// Places every waiting talk it can; `true` when the schedule is complete.
    static func complete(_ state: inout ScheduleState) -> Bool {
        var frees = freeLimit * max(state.talks.count, 1)
        var search = PathSearch(sessions: state.options.sessions.count, talks: state.talks.count)
        while let t = nextWaiting(state) {
            if search.augment(t, &state) { continue }
            let mine = (state.before[t] + state.after[t]).filter { state.sessionOf[$0] != nil && !state.fixed[$0] }
            guard !mine.isEmpty, frees > 0 else { return false }
            frees -= mine.count
            for u in mine { state.remove(u) }
            if !search.augment(t, &state) { return false }
        }
        return true
    }

    /// The unscheduled talk with the fewest open sessions (then the most
    /// talks after it, then the lowest index).
    static func nextWaiting(_ state: ScheduleState) -> Int? {
        var best: (key: (Int, Int, Int), talk: Int)?
        for t in state.talks.indices where state.sessionOf[t] == nil {
            let key = (state.open[t].count, -state.after[t].count, t)
            if best.map({ key < $0.key }) ?? true { best = (key, t) }
        }
        return best?.talk
    }
}

/// One breadth-first search's marks, kept between searches (cleared by
/// stamps, so a search costs what it visits, not the series' size).
struct PathSearch {
    var stamp = 0
    var sessionSeen: [Int]
    var talkSeen: [Int]
    /// Session → the talk that would move into it on the path found so far.
    var enteredBy: [Int]

    init(sessions: Int, talks: Int) {
        sessionSeen = Array(repeating: 0, count: sessions)
        talkSeen = Array(repeating: 0, count: talks)
        enteredBy = Array(repeating: -1, count: sessions)
    }

    /// Places `t` by the shortest path of moves that ends in a free seat
    /// (of a session `endsIn` accepts).
    mutating func augment(_ t: Int, _ state: inout ScheduleState, endsIn: (Int) -> Bool = { _ in true }) -> Bool {
        stamp += 1
        talkSeen[t] = stamp
        var queue = [t]
        var head = 0
        while head < queue.count {
            let x = queue[head]
            head += 1
            for s in state.open[x] where sessionSeen[s] != stamp && s != state.sessionOf[x] {
                guard state.fitsIgnoringRoom(x, in: s) else { continue }
                sessionSeen[s] = stamp
                enteredBy[s] = x
                if state.load[s] < state.capacity[s] {
                    if endsIn(s), apply(endingIn: s, &state) { return true }
                    continue
                }
                for u in state.occupants[s] where !state.fixed[u] && talkSeen[u] != stamp {
                    talkSeen[u] = stamp
                    queue.append(u)
                }
            }
        }
        return false
    }

    /// Moves every talk on the path that ends in session `end`; undoes them
    /// all and returns `false` when the path breaks a rule as a whole.
    func apply(endingIn end: Int, _ state: inout ScheduleState) -> Bool {
        var moves: [(talk: Int, from: Int?, to: Int)] = []
        var s = end
        while true {
            let x = enteredBy[s]
            moves.append((x, state.sessionOf[x], s))
            guard let from = state.sessionOf[x] else { break }
            s = from
        }
        for m in moves { state.remove(m.talk) }
        for m in moves { state.place(m.talk, in: m.to) }
        if moves.allSatisfy({ state.isValid($0.talk) }) { return true }
        for m in moves { state.remove(m.talk) }
        for m in moves { if let from = m.from { state.place(m.talk, in: from) } }
        return false
    }
}

extension ScheduleState {
    /// Whether talk `t` could go in session `s` if `s` had a free seat: no
    /// other talk of its fellow there, and its ordered talks on either side.
    func fitsIgnoringRoom(_ t: Int, in s: Int) -> Bool {
        let fellow = fellowOf[t]
        if occupants[s].contains(where: { $0 != t && fellowOf[$0] == fellow }) { return false }
        let p = options.position[s]
        for b in before[t] { if let sb = sessionOf[b], options.position[sb] >= p { return false } }
        for a in after[t] { if let sa = sessionOf[a], options.position[sa] <= p { return false } }
        return true
    }
}
