import Domain

/// Why a session is closed to a talk.
public enum SessionRefusal: Hashable, Sendable {
    case kindNotAllowed
    case presenterAway
    case mentorAway
    case inThePast
    case noRoom
}

/// Which sessions each talk may use, and why the others are closed: kinds
/// allowed, the presenter's and (where the kind needs it) the mentor's
/// availability, and, in a re-plan, sessions already held.
public struct SessionOptions: Sendable {
    /// Sessions in chronological order (date, start, id).
    public let sessions: [SeminarSession]
    /// Session index → chronological position; sessions at the same date and
    /// start share a position, so "strictly earlier" is a difference ≥ 1.
    public let position: [Int]
    /// Talk index → open session indices.
    public var open: [OpenSessions]
    /// Person → the sessions they cannot attend (indices).
    let blocked: [String: AwaySessions]
    let today: CalendarDate?

    public init(talks: [Talk], scenario: Scenario, today: CalendarDate? = nil) {
        let sorted = (scenario.sessions ?? []).sorted { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
        sessions = sorted
        var pos: [Int] = []
        var current = -1
        var previous: (CalendarDate, TimeOfDay)?
        for s in sorted {
            if previous.map({ $0.0 != s.date || $0.1 != s.start }) ?? true { current += 1 }
            pos.append(current)
            previous = (s.date, s.start)
        }
        position = pos
        blocked = Self.blocked(scenario.availability, sessions: sorted)
        self.today = today
        open = Self.open(talks, sessions: sorted, today: today, blocked: blocked)
    }

    /// Person → the sessions they cannot attend (indices into `sessions`,
    /// which are in chronological order), from each row's date (that date's
    /// sessions, consecutive in that order: one run) or session id.
    static func blocked(_ availability: [Unavailability], sessions: [SeminarSession]) -> [String: AwaySessions] {
        var byDate: [CalendarDate: Range<Int>] = [:]
        for (i, s) in sessions.enumerated() {
            byDate[s.date] = (byDate[s.date]?.lowerBound ?? i)..<(i + 1)
        }
        let byID = Dictionary(sessions.indices.map { (sessions[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        var runs: [String: [Range<Int>]] = [:]
        for row in availability {
            if let run = row.date.flatMap({ byDate[$0] }) { runs[row.person, default: []].append(run) }
            if let i = row.session.flatMap({ byID[$0] }) { runs[row.person, default: []].append(i..<(i + 1)) }
        }
        return runs.mapValues { AwaySessions($0) }
    }

    /// Each talk's open sessions: those its kind may use (not past, with
    /// room), less those its presenter (and, where the kind needs them, its
    /// mentor) cannot attend. Every talk shares its kind's list
    /// (``OpenSessions``: one array, not a copy per talk).
    static func open(
        _ talks: [Talk], sessions: [SeminarSession], today: CalendarDate?, blocked: [String: AwaySessions]
    ) -> [OpenSessions] {
        var byKind: [String: [Int]] = [:]
        for kind in Set(talks.map(\.kind)) {
            byKind[kind] = sessions.indices.filter { closed(sessions[$0], to: kind, today: today) == nil }
        }
        return talks.map { t in
            let base = byKind[t.kind] ?? []
            let fellowAway = blocked[t.fellow] ?? AwaySessions()
            let mentorAway = t.mentorRequired ? blocked[t.mentor] ?? AwaySessions() : AwaySessions()
            if fellowAway.isEmpty && mentorAway.isEmpty { return OpenSessions(base) }
            return OpenSessions(base, without: fellowAway.union(mentorAway))
        }
    }

    /// Session index → why it is closed to `t` (open sessions are absent).
    public func refusals(of t: Talk) -> [Int: SessionRefusal] {
        let fellowAway = blocked[t.fellow] ?? AwaySessions(), mentorAway = blocked[t.mentor] ?? AwaySessions()
        var r: [Int: SessionRefusal] = [:]
        for (si, s) in sessions.enumerated() {
            if let why = Self.refusal(t, s, si, today, fellowAway, mentorAway) { r[si] = why }
        }
        return r
    }

    /// Why session `s` (index `si`) is closed to `t`, or `nil` when it is open.
    static func refusal(
        _ t: Talk, _ s: SeminarSession, _ si: Int, _ today: CalendarDate?,
        _ fellowAway: AwaySessions, _ mentorAway: AwaySessions
    ) -> SessionRefusal? {
        if let why = closed(s, to: t.kind, today: today) { return why }
        if fellowAway.contains(si) { return .presenterAway }
        if t.mentorRequired && mentorAway.contains(si) { return .mentorAway }
        return nil
    }

    /// Why session `s` is closed to every talk of `kind` (past, kind not
    /// allowed, no room), whoever gives it; `nil` when it is open to the kind.
    static func closed(_ s: SeminarSession, to kind: String, today: CalendarDate?) -> SessionRefusal? {
        if let today, s.date < today { return .inThePast }
        if !s.allows(kind) { return .kindNotAllowed }
        if s.capacity < 1 { return .noRoom }
        return nil
    }
}
