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
    /// Talk index → session index → why it is closed.
    public var refusals: [[Int: SessionRefusal]]

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
        let away = Dictionary(grouping: scenario.availability, by: \.person)
        func isAway(_ person: String, _ s: SeminarSession) -> Bool { (away[person] ?? []).contains { $0.blocks(s) } }
        open = []
        refusals = []
        for t in talks {
            var o: [Int] = []
            var r: [Int: SessionRefusal] = [:]
            for (si, s) in sorted.enumerated() {
                if let today, s.date < today { r[si] = .inThePast; continue }
                if !s.allows(t.kind) { r[si] = .kindNotAllowed; continue }
                if s.capacity < 1 { r[si] = .noRoom; continue }
                if isAway(t.fellow, s) { r[si] = .presenterAway; continue }
                if t.mentorRequired && isAway(t.mentor, s) { r[si] = .mentorAway; continue }
                o.append(si)
            }
            open.append(o)
            refusals.append(r)
        }
    }
}
