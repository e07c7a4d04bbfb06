import Domain

/// A partial or complete seminar schedule with what the hard rules and the
/// soft aims need to judge a change at once: each session's load, whose
/// talks it holds, and the counts behind the soft aims.
///
/// Hard rules (those of ``SeminarModel``): a talk only in a session open to
/// it; at most `capacity(s)` talks in session s; one talk per fellow per
/// session; a fellow's talks of the ordered kinds strictly in order
/// (``TalkKind/ordered``: every `wip` before every `thesis`, each kind in the
/// order of its numbers).
///
/// Soft aims, with the model's weights: 100 for each talk beyond the first
/// from one lab in a session, 10 for each beyond the first from one track,
/// 1 for each talk a month's load is away from its target, 1 for each talk
/// beyond the first in a session (every session used before doubling up),
/// and −1000 for each talk kept in its earlier session.
struct ScheduleState {
    let talks: [Talk]
    let options: SessionOptions
    /// Talk → session, `nil` while unscheduled.
    private(set) var sessionOf: [Int?]
    private(set) var occupants: [[Int]]
    /// Session → how many talks it holds (`occupants[s].count`, kept flat:
    /// a scan over thousands of sessions reads one array, not each session's).
    private(set) var load: [Int]
    /// Talk → the fellow's talks that must come before it / after it.
    let before: [[Int]]
    let after: [[Int]]
    /// Talk → session it may keep (a re-plan), and whether it cannot move.
    let keptSession: [Int?]
    let fixed: [Bool]
    let open: [OpenSessions]
    /// Talk → its lab and track, as small numbers (counted by scanning a
    /// session's few occupants, cheaper than hashing names).
    private let labOf: [Int]
    private let trackOf: [Int]
    private let monthOf: [Int]
    private var monthLoad: [Double]
    private let monthTarget: [Double]
    /// Per month, the capacity of its sessions.
    private let monthSeats: [Int]
    /// Session → its capacity, and talk → its fellow as a small number
    /// (read in every check; cheaper than the session's and talk's names).
    let capacity: [Int]
    let fellowOf: [Int]

    init(talks: [Talk], options: SessionOptions, kept: [KeptTalk]) {
        self.talks = talks
        self.options = options
        let sessions = options.sessions
        sessionOf = Array(repeating: nil, count: talks.count)
        occupants = Array(repeating: [], count: sessions.count)
        load = Array(repeating: 0, count: sessions.count)
        var keptSession = [Int?](repeating: nil, count: talks.count),
            fixed = [Bool](repeating: false, count: talks.count)
        var open = options.open
        // Sorted already (SessionOptions lists them in order) but where a kept session is added:
        // a talk with nobody away shares its kind's list rather than a copy of it.
        for k in kept {
            keptSession[k.talk] = k.session
            fixed[k.talk] = k.fixed
            if k.fixed { open[k.talk].insert(k.session) }
        }
        self.keptSession = keptSession
        self.fixed = fixed
        self.open = open
        capacity = sessions.map(\.capacity)
        fellowOf = Numbering.of(talks.map(\.fellow))
        (before, after) = Self.order(talks)
        labOf = Numbering.of(talks.map(\.lab))
        trackOf = Numbering.of(talks.map(\.track))
        let monthKeys = sessions.map { $0.date.year * 100 + $0.date.month }
        let months = Set(monthKeys).sorted()
        let monthIndex = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        monthOf = monthKeys.map { monthIndex[$0]! }
        monthLoad = Array(repeating: 0, count: months.count)
        let totalCapacity = Double(sessions.reduce(0) { $0 + $1.capacity })
        var capacityOfMonth = [Double](repeating: 0, count: months.count)
        for (si, s) in sessions.enumerated() { capacityOfMonth[monthOf[si]] += Double(s.capacity) }
        monthSeats = capacityOfMonth.map { Int($0) }
        // As the model: no spread aim with one month or no capacity.
        monthTarget =
            totalCapacity > 0 && months.count > 1
            ? capacityOfMonth.map { Double(talks.count) * $0 / totalCapacity } : []
    }

    /// Per talk, the fellow's talks that must come strictly before and after it.
    static func order(_ talks: [Talk]) -> ([[Int]], [[Int]]) {
        var before = [[Int]](repeating: [], count: talks.count), after = before
        for (_, mine) in Dictionary(grouping: talks.indices, by: { talks[$0].fellow }) {
            let chain = mine.compactMap { t in TalkKind.ordered.firstIndex(of: talks[t].kind).map { (t, $0) } }
            for (a, ka) in chain {
                for (b, kb) in chain where (ka, talks[a].number) < (kb, talks[b].number) {
                    before[b].append(a)
                    after[a].append(b)
                }
            }
        }
        return (before, after)
    }

    var complete: Bool { sessionOf.allSatisfy { $0 != nil } }

    /// Whether talk `t` may go in session `s` as the schedule stands (ignoring `t`'s own place).
    func allows(_ t: Int, in s: Int, ignoring other: Int? = nil) -> Bool {
        let held = load[s] - (sessionOf[t] == s ? 1 : 0) - (other.map { sessionOf[$0] == s ? 1 : 0 } ?? 0)
        guard held < capacity[s] else { return false }
        let fellow = fellowOf[t]
        if occupants[s].contains(where: { $0 != t && $0 != other && fellowOf[$0] == fellow }) { return false }
        let p = options.position[s]
        for b in before[t] where b != other { if let sb = sessionOf[b], options.position[sb] >= p { return false } }
        for a in after[t] where a != other { if let sa = sessionOf[a], options.position[sa] <= p { return false } }
        return true
    }

    /// The talks that stop `t` from going in `s`: occupants when it is full
    /// (all of them: the caller picks), the fellow's talk there, and the
    /// fellow's talks out of order with it.
    func blockers(of t: Int, in s: Int) -> [Int] {
        var out: Set<Int> = []
        let fellow = fellowOf[t]
        for o in occupants[s] where o != t && fellowOf[o] == fellow { out.insert(o) }
        let p = options.position[s]
        for b in before[t] { if let sb = sessionOf[b], options.position[sb] >= p { out.insert(b) } }
        for a in after[t] { if let sa = sessionOf[a], options.position[sa] <= p { out.insert(a) } }
        let room = capacity[s] - (occupants[s].count - out.filter { sessionOf[$0] == s }.count)
        if room < 1 {
            // The occupant with the most other places is the one to move.
            let movable = occupants[s].filter { !out.contains($0) }.sorted {
                (-open[$0].count, $0) < (-open[$1].count, $1)
            }
            if let first = movable.first { out.insert(first) }
        }
        return out.sorted()
    }

    mutating func place(_ t: Int, in s: Int) {
        if sessionOf[t] != nil { remove(t) }
        sessionOf[t] = s
        occupants[s].append(t)
        load[s] += 1
        if !monthTarget.isEmpty { monthLoad[monthOf[s]] += 1 }
    }

    mutating func remove(_ t: Int) {
        guard let s = sessionOf[t] else { return }
        sessionOf[t] = nil
        occupants[s].removeAll { $0 == t }
        load[s] -= 1
        if !monthTarget.isEmpty { monthLoad[monthOf[s]] -= 1 }
    }

    // MARK: - Soft aims

    /// The change in the soft-aim penalty if talk `t` (now in a session or
    /// not) goes to `s`.
    func delta(moving t: Int, to s: Int) -> Double { delta(leaving(t), to: s) }

    /// What a move of talk `t` costs wherever it goes: the terms of the
    /// session it leaves, worked out once for a scan of its open sessions.
    struct Leaving {
        let talk: Int
        let from: Int?
        /// The same-lab, same-track, doubling and keep terms `from` loses (whole numbers).
        let terms: Double
        /// How the spread changes as `from`'s month loses the talk.
        let fall: Double
    }

    func leaving(_ t: Int) -> Leaving {
        guard let from = sessionOf[t] else { return Leaving(talk: t, from: nil, terms: 0, fall: 0) }
        var d = 0.0
        if capacity[from] > 1 {
            if count(labOf, labOf[t], in: from) > 1 { d -= SeminarModel.sameLabWeight }
            if count(trackOf, trackOf[t], in: from) > 1 { d -= SeminarModel.sameTrackWeight }
            if occupants[from].count > 1 { d -= SeminarModel.doublingWeight }
        }
        if keptSession[t] == from { d += SeminarModel.keepWeight }
        var fall = 0.0
        if !monthTarget.isEmpty {
            fall = loadChange(monthOf[from], by: -1)
        }
        return Leaving(talk: t, from: from, terms: d, fall: fall)
    }

    /// The change in the penalty if the talk `move` describes goes to `s`:
    ///
    ///     Δ = Σ terms(s with t) − Σ terms(s) + Σ terms(from without t) − Σ terms(from)
    ///         + |L(ms) + 1 − T(ms)| − |L(ms) − T(ms)| + |L(mf) − 1 − T(mf)| − |L(mf) − T(mf)|
    ///
    /// where the terms are same lab (100), same track (10), doubling (1) in
    /// sessions of more than one seat and keep (−1000), and the month terms
    /// apply only when the talk changes month. The whole-number terms are
    /// added first, so the sum is the same in every order.
    func delta(_ move: Leaving, to s: Int, rises: [Double]? = nil) -> Double {
        var crowding = 0.0
        if capacity[s] > 1 && load[s] > 0 {
            let lab = labOf[move.talk], track = trackOf[move.talk]
            var sameLab = false, sameTrack = false
            for o in occupants[s] {
                if labOf[o] == lab { sameLab = true }
                if trackOf[o] == track { sameTrack = true }
            }
            if sameLab { crowding += SeminarModel.sameLabWeight }
            if sameTrack { crowding += SeminarModel.sameTrackWeight }
            crowding += SeminarModel.doublingWeight
        }
        return delta(move, to: s, crowding: crowding, rises: rises)
    }

    /// A lower bound on ``delta(_:to:)`` read from flat arrays only: the
    /// same but for the same-lab and same-track terms (never negative), so
    /// exact for an empty session. A scan skips a session whose bound
    /// already loses, without looking at its talks. (Rounding is monotone:
    /// adding the same month terms to a smaller whole number never gives
    /// a larger sum.)
    func leastDelta(_ move: Leaving, to s: Int, rises: [Double]? = nil) -> Double {
        delta(move, to: s, crowding: capacity[s] > 1 && load[s] > 0 ? SeminarModel.doublingWeight : 0, rises: rises)
    }

    /// Per month, how its spread term changes with one talk more,
    /// `|L + 1 − T| − |L − T|`, worked out as ``delta(_:to:rises:)`` does:
    /// given to a scan of one talk's sessions (the loads stay as they are
    /// while it looks), so each session reads its month's figure.
    func monthRises() -> [Double] {
        monthTarget.indices.map { loadChange($0, by: 1) }
    }

    /// How month `m`'s distance from its target, `|L − T|`, changes when its
    /// load changes by `step` (one talk more or fewer), before the spread
    /// weight: the one expression every move and bound reads.
    private func loadChange(_ m: Int, by step: Double) -> Double {
        abs(monthLoad[m] + step - monthTarget[m]) - abs(monthLoad[m] - monthTarget[m])
    }

    /// ``delta(_:to:)`` with the crowding terms of `s` given (same lab, same
    /// track, doubling) and, optionally, the months' rises (``monthRises()``).
    private func delta(_ move: Leaving, to s: Int, crowding: Double, rises: [Double]?) -> Double {
        if move.from == s { return 0 }
        var d = move.terms + crowding
        if keptSession[move.talk] == s { d -= SeminarModel.keepWeight }
        if !monthTarget.isEmpty {
            let ms = monthOf[s]
            if let from = move.from, monthOf[from] == ms { return d }
            d += rises?[ms] ?? loadChange(ms, by: 1)
            if move.from != nil { d += move.fall }
        }
        return d
    }

    /// Whether moving `t` without changing session loads could lower the
    /// penalty: it shares its session with a talk of its lab or track, or
    /// it is away from the session it may keep.
    func mayGainBySwap(_ t: Int) -> Bool {
        guard let s = sessionOf[t] else { return false }
        if let k = keptSession[t], k != s, !fixed[t] { return true }
        return capacity[s] > 1
            && (count(labOf, labOf[t], in: s) > 1 || count(trackOf, trackOf[t], in: s) > 1)
    }

    /// The change in the penalty if talks `t` and `u` trade sessions.
    func swapDelta(_ t: Int, _ u: Int) -> Double {
        guard let a = sessionOf[t], let b = sessionOf[u], a != b else { return 0 }
        func term(_ group: [Int], _ weight: Double) -> Double {
            let x = group[t], y = group[u]
            guard x != y else { return 0 }
            var d = 0.0
            // Session a loses x and gains y; session b loses y and gains x.
            if capacity[a] > 1 {
                if count(group, x, in: a) > 1 { d -= weight }
                if count(group, y, in: a) > 0 { d += weight }
            }
            if capacity[b] > 1 {
                if count(group, y, in: b) > 1 { d -= weight }
                if count(group, x, in: b) > 0 { d += weight }
            }
            return d
        }
        var d = term(labOf, SeminarModel.sameLabWeight) + term(trackOf, SeminarModel.sameTrackWeight)
        for (talk, was, now) in [(t, a, b), (u, b, a)] where !fixed[talk] {
            if keptSession[talk] == was { d += SeminarModel.keepWeight }
            if keptSession[talk] == now { d -= SeminarModel.keepWeight }
        }
        return d
    }

    /// No schedule has a lower penalty: every talk that may stay where it
    /// was (and is free to move) saves ``SeminarModel/keepWeight``, and the
    /// other terms are never negative.
    /// The spread term cannot be below its least value over whole monthly
    /// loads that add up to the talks (each month's target rounded down,
    /// the rest given to the months with the largest fractions), nor below
    /// ``MonthLoadBound`` (the loads the talks' months and seats allow), nor the
    /// doubling term below the talks that cannot each have a session of
    /// their own (talks less the sessions they may use), nor the same-lab
    /// and same-track terms below ``crowdingBound``.
    var leastPenalty: Double { leastPenalty(spread: leastSpread) }

    /// ``leastPenalty`` with the spread term's bound already known (``leastSpread``).
    func leastPenalty(spread: Double) -> Double {
        let keep =
            -SeminarModel.keepWeight * Double(keptSession.indices.filter { keptSession[$0] != nil && !fixed[$0] }.count)
            + SeminarModel.doublingWeight * Double(max(0, talks.count - sessionsInAll))
            + SeminarModel.sameLabWeight * crowdingBound(labOf) + SeminarModel.sameTrackWeight * crowdingBound(trackOf)
        return keep + spread
    }

    /// The sessions some talk may use, counted up to the number of talks.
    var sessionsInAll: Int {
        let held = OpenSessions.coverage(open, sessions: options.sessions.count)
        return min(held.count { $0 > 0 }, talks.count)
    }

    /// The least spread term (see ``leastPenalty``); 0 without a spread aim.
    var leastSpread: Double {
        guard !monthTarget.isEmpty else { return 0 }
        let floors = monthTarget.map { $0.rounded(.down) }
        let rest = Int((Double(talks.count) - floors.reduce(0, +)).rounded())
        let byFraction = monthTarget.indices.sorted {
            (-(monthTarget[$0] - floors[$0]), $0) < (-(monthTarget[$1] - floors[$1]), $1)
        }
        var spread = 0.0
        for (k, m) in byFraction.enumerated() {
            let load = floors[m] + (k < rest ? 1 : 0)
            spread += abs(load - monthTarget[m])
        }
        if monthTarget.count <= MonthLoadBound.maximumMonths {
            // Sessions are numbered in date order, so each month is one run of them.
            var bounds = [Int](repeating: monthOf.count, count: monthTarget.count + 1)
            for s in monthOf.indices.reversed() { bounds[monthOf[s]] = s }
            let monthsOf = open.map { $0.months(bounds: bounds) }
            if let loads = MonthLoadBound.least(monthsOf: monthsOf, seats: monthSeats, target: monthTarget) {
                spread = max(spread, loads)
            }
        }
        return SeminarModel.spreadWeight * spread
    }

    /// The schedule's spread term.
    var spreadPenalty: Double { monthTarget.indices.reduce(0) { $0 + monthPenalty($1) } }

    /// The least number of talks beyond the first from one group (lab or
    /// track) in a session, summed over the sessions: a group of n talks
    /// whose talks may use A sessions in all has at least n − A of them
    /// beyond the first in some session. (A session of capacity 1 holds at
    /// most one talk of the group and counts no penalty; a session of
    /// larger capacity with k of them counts k − 1; so the penalty is at
    /// least Σ over the A sessions of (k − 1) = n − A.)
    func crowdingBound(_ group: [Int]) -> Double {
        let members = Dictionary(grouping: talks.indices, by: { group[$0] })
        var seen = [Int](repeating: -1, count: options.sessions.count)
        var least = 0
        for (g, mine) in members {
            least += max(0, mine.count - Self.sessionsCounted(mine, open, upTo: mine.count, seen: &seen, mark: g))
        }
        return Double(least)
    }

    /// How many sessions the talks `mine` may use in all, counted only up to
    /// `limit` (past it the bound is 0; the count stops early, so a large
    /// series costs what its small groups do). `seen` holds `mark` for the
    /// sessions counted; each call needs a mark of its own.
    static func sessionsCounted(
        _ mine: [Int], _ open: [OpenSessions], upTo limit: Int, seen: inout [Int], mark: Int
    ) -> Int {
        var count = 0
        for t in mine {
            for s in open[t] where seen[s] != mark {
                seen[s] = mark
                count += 1
                if count >= limit { return count }
            }
        }
        return count
    }

    /// Talks of session `s` whose `group` (lab or track) is `value`.
    func count(_ group: [Int], _ value: Int, in s: Int) -> Int {
        var n = 0
        for o in occupants[s] where group[o] == value { n += 1 }
        return n
    }

    /// Session `si`'s same-lab and same-track terms.
    func sessionPenalty(_ si: Int) -> Double {
        guard capacity[si] > 1 else { return 0 }
        func beyondFirst(_ group: [Int]) -> Double {
            Double(occupants[si].count - Set(occupants[si].map { group[$0] }).count)
        }
        return SeminarModel.sameLabWeight * beyondFirst(labOf) + SeminarModel.sameTrackWeight * beyondFirst(trackOf)
            + SeminarModel.doublingWeight * Double(max(0, occupants[si].count - 1))
    }

    func monthIndex(of si: Int) -> Int { monthOf[si] }

    /// The months with a spread term (none with one month or no capacity).
    var monthCount: Int { monthTarget.count }

    /// How much one more talk in month `m` changes its spread term.
    func monthRise(_ m: Int) -> Double {
        SeminarModel.spreadWeight * loadChange(m, by: 1)
    }

    /// How much one talk fewer in month `m` changes its spread term.
    func monthFall(_ m: Int) -> Double {
        SeminarModel.spreadWeight * loadChange(m, by: -1)
    }

    /// Month `m`'s spread term.
    func monthPenalty(_ m: Int) -> Double {
        monthTarget.isEmpty ? 0 : SeminarModel.spreadWeight * abs(monthLoad[m] - monthTarget[m])
    }

    /// The soft-aim penalty of the schedule, as the model's objective counts it.
    var penalty: Double {
        var p = options.sessions.indices.reduce(0) { $0 + sessionPenalty($1) }
        for m in monthTarget.indices { p += monthPenalty(m) }
        for (t, k) in keptSession.enumerated() where k != nil && sessionOf[t] == k && !fixed[t] {
            p -= SeminarModel.keepWeight
        }
        return p
    }
}
