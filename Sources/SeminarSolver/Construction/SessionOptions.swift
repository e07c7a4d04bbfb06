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
    public var open: [[Int]]
    /// Person → the sessions they cannot attend (indices).
    let blocked: [String: Set<Int>]
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
        // Person → the sessions they cannot attend (indices), from each row's date or session id.
        let byDate = Dictionary(grouping: sorted.indices, by: { sorted[$0].date })
        let byID = Dictionary(grouping: sorted.indices, by: { sorted[$0].id })
        var blocked: [String: Set<Int>] = [:]
        for row in scenario.availability {
            var hit = row.date.flatMap { byDate[$0] } ?? []
            hit += row.session.flatMap { byID[$0] } ?? []
            blocked[row.person, default: []].formUnion(hit)
        }
        self.blocked = blocked
        self.today = today
        open = []
        for t in talks {
            let fellowAway = blocked[t.fellow] ?? [], mentorAway = blocked[t.mentor] ?? []
            open.append(sorted.indices.filter { Self.refusal(t, sorted[$0], $0, today, fellowAway, mentorAway) == nil })
        }
    }

    /// Session index → why it is closed to `t` (open sessions are absent).
    public func refusals(of t: Talk) -> [Int: SessionRefusal] {
        let fellowAway = blocked[t.fellow] ?? [], mentorAway = blocked[t.mentor] ?? []
        var r: [Int: SessionRefusal] = [:]
        for (si, s) in sessions.enumerated() {
            if let why = Self.refusal(t, s, si, today, fellowAway, mentorAway) { r[si] = why }
        }
        return r
    }

    /// Why session `s` (index `si`) is closed to `t`, or `nil` when it is open.
    static func refusal(
        _ t: Talk, _ s: SeminarSession, _ si: Int, _ today: CalendarDate?,
        _ fellowAway: Set<Int>, _ mentorAway: Set<Int>
    ) -> SessionRefusal? {
        if let today, s.date < today { return .inThePast }
        if !s.allows(t.kind) { return .kindNotAllowed }
        if s.capacity < 1 { return .noRoom }
        if fellowAway.contains(si) { return .presenterAway }
        if t.mentorRequired && mentorAway.contains(si) { return .mentorAway }
        return nil
    }
}
