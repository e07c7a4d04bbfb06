import Domain

/// The calendar events earlier runs of an intake issued, and what a new
/// schedule must publish so that no calendar that received them goes wrong.
///
/// Calendars may be sent after any run of the intake, so every schedule
/// counts, oldest first (a talk's UID is `fellow-kind-number`, numbered as in
/// ``SeminarScheduler/numbered(_:)``). Reading them in order, each UID ends
/// in one state, *held at a session with revision q* or *cancelled with
/// revision q*, and with the highest revision m it was ever issued with:
///
///     in schedule k:   present at s with q  →  held(s, q),          m = max(m, q)
///                      absent, was held      →  cancelled(m + 1),    m = m + 1
///                      absent, was cancelled →  unchanged
///
/// The new schedule then publishes, for each UID:
///
///     scheduled at s, last state held(s, q)       →  revision q (the same event again)
///     scheduled at s, any other last state        →  revision max(own, m + 1)
///     not scheduled, last state cancelled(q)      →  cancelled, revision q (carried)
///     not scheduled, last state held(_, q)        →  cancelled, revision m + 1,
///                                                      unless held before `today` (then left as it was)
///
/// So a cancellation stays in the calendars of every later run of the
/// intake, with the same UID and a revision above any the talk was sent
/// with, and a talk that comes back or moves again always rises above it.
/// The next intake has another key and starts afresh.
public struct IssuedCalendars: Sendable {
    enum State: Sendable, Equatable {
        case held(PreviousTalk)
        case cancelled(PreviousTalk, Int)
    }

    var states: [String: State] = [:]
    var highest: [String: Int] = [:]

    /// The schedules earlier runs of the intake published, oldest first.
    public init(schedules: [[PreviousTalk]]) {
        for schedule in schedules {
            let present = Dictionary(SeminarScheduler.numbered(schedule), uniquingKeysWith: { a, _ in a })
            for (id, state) in states where present[id] == nil {
                if case .held(let row) = state {
                    let next = (highest[id] ?? row.sequence) + 1
                    highest[id] = next
                    states[id] = .cancelled(row, next)
                }
            }
            for (id, row) in present {
                states[id] = .held(row)
                highest[id] = max(highest[id] ?? row.sequence, row.sequence)
            }
        }
    }

    /// Whether no earlier schedule issued anything.
    public var isEmpty: Bool { states.isEmpty }

    /// `outcome` with every talk's revision raised where earlier calendars
    /// need it, and every talk they issued that it no longer holds cancelled.
    public func settle(_ outcome: ScheduleOutcome, scenario: Scenario, today: CalendarDate?) -> ScheduleOutcome {
        guard outcome.hasSchedule, !isEmpty else { return outcome }
        var o = outcome
        o.talks = o.talks.map { s in
            var s = s
            guard let state = states[s.talk.id], let m = highest[s.talk.id] else { return s }
            if case .held(let row) = state, row.session == s.session.id, row.date == s.session.date,
                row.start == s.session.start
            {
                s.sequence = row.sequence
            } else {
                s.sequence = max(s.sequence, m + 1)
            }
            return s
        }
        let scheduled = Set(o.talks.map(\.talk.id))
        let sessions = Dictionary(
            (scenario.sessions ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cancelled = Dictionary(o.cancelled.map { ($0.talk.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, state) in states where !scheduled.contains(id) {
            let (row, sequence): (PreviousTalk, Int)
            switch state {
            case .held(let r):
                if let today, let date = r.date, date < today { continue }
                (row, sequence) = (r, (highest[id] ?? r.sequence) + 1)
            case .cancelled(let r, let q): (row, sequence) = (r, q)
            }
            guard
                let (talk, session) = SeminarScheduler.earlierTalk(row, id: id, sessions: sessions, scenario: scenario)
            else { continue }
            cancelled[id] = CancelledTalk(talk: talk, session: session, sequence: sequence)
        }
        o.cancelled = cancelled.values.sorted {
            ($0.session.date, $0.session.start, $0.session.id, $0.talk.id)
                < ($1.session.date, $1.session.start, $1.session.id, $1.talk.id)
        }
        return o
    }
}
