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
///
/// **Thesis defenses** follow the same rules, each with the UID
/// `FELLOW-defense` (``PreviousDefense/uid(_:)``) and *held at* its date,
/// start, end and room *with its committee*: a defense whose slot or
/// committee changed rises to `m + 1`, and the members who left its
/// committee get it as cancelled with that revision (``settle(_:committees:today:)``).
public struct IssuedCalendars: Sendable {
    var talks: IssuedEvents<PreviousTalk>
    var defenses: IssuedEvents<PreviousDefense>

    /// The schedules (and defenses) earlier runs of the intake published, oldest first.
    public init(schedules: [[PreviousTalk]], defenses: [[PreviousDefense]] = []) {
        talks = IssuedEvents(
            schedules.map { schedule in
                SeminarScheduler.numbered(schedule).map { (id: $0.0, row: $0.1, sequence: $0.1.sequence) }
            })
        self.defenses = IssuedEvents(
            defenses.map { run in run.map { (id: PreviousDefense.uid($0.fellow), row: $0, sequence: $0.sequence) } })
    }

    /// Whether no earlier schedule issued anything.
    public var isEmpty: Bool { talks.states.isEmpty && defenses.states.isEmpty }

    /// `outcome` with every talk's revision raised where earlier calendars
    /// need it, and every talk they issued that it no longer holds cancelled.
    public func settle(_ outcome: ScheduleOutcome, scenario: Scenario, today: CalendarDate?) -> ScheduleOutcome {
        guard outcome.hasSchedule, !talks.states.isEmpty else { return outcome }
        var o = outcome
        o.talks = o.talks.map { s in
            var s = s
            s.sequence =
                talks.revision(s.talk.id, own: s.sequence) { row in
                    row.session == s.session.id && row.date == s.session.date && row.start == s.session.start
                } ?? s.sequence
            return s
        }
        let scheduled = Set(o.talks.map(\.talk.id))
        let sessions = Dictionary(
            (scenario.sessions ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cancelled = Dictionary(o.cancelled.map { ($0.talk.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, row, sequence) in talks.cancellations(except: scheduled, today: today, date: { $0.date }) {
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

    /// `outcome`'s defenses with their revisions (as talks: the same slot
    /// and committee as last issued keeps its revision, any other change
    /// rises above every revision issued), every defense issued and no
    /// longer held cancelled (unless held before `today`), and, for a held
    /// defense whose committee lost members, those members' cancellations.
    /// `committees` gives each defense's committee (the run's).
    public func settle(_ outcome: DefenseOutcome, committees: CommitteeOutcome, today: CalendarDate?)
        -> DefenseOutcome
    {
        guard !defenses.states.isEmpty else { return outcome }
        let seatsOf = Dictionary(
            committees.committees.map { ($0.fellow, $0.seats) }, uniquingKeysWith: { a, _ in a })
        var o = outcome
        var cancelled: [PreviousDefense] = []
        o.defenses = o.defenses.map { d in
            var d = d
            let id = PreviousDefense.uid(d.fellow)
            let seats = seatsOf[d.fellow] ?? []
            d.sequence =
                defenses.revision(id, own: d.sequence) { $0.sameSlot(d.slot) && $0.seats == seats } ?? d.sequence
            if let last = defenses.lastIssued(id) {
                let now = Set(seats.map(\.member))
                let left = last.seats.filter { !now.contains($0.member) }
                if !left.isEmpty {
                    cancelled.append(
                        PreviousDefense(
                            fellow: d.fellow, slot: last.slot, sequence: d.sequence, seats: left, membersOnly: true))
                }
            }
            return d
        }
        let held = Set(o.defenses.map { PreviousDefense.uid($0.fellow) })
        for (_, row, sequence) in defenses.cancellations(except: held, today: today, date: { $0.slot.date }) {
            var row = row
            row.sequence = sequence
            cancelled.append(row)
        }
        o.cancelled = cancelled.sorted {
            ($0.slot.date, $0.slot.start, $0.fellow, $0.membersOnly ? 1 : 0)
                < ($1.slot.date, $1.slot.start, $1.fellow, $1.membersOnly ? 1 : 0)
        }
        return o
    }
}

/// The states of one family of calendar events (talks, or defenses) over
/// the runs that issued them, oldest first: the rules of ``IssuedCalendars``.
struct IssuedEvents<Row: Sendable>: Sendable {
    enum State: Sendable {
        case held(Row, Int)
        case cancelled(Row, Int)
    }

    var states: [String: State] = [:]
    var highest: [String: Int] = [:]

    /// Each run's events as (UID, row, revision issued), oldest run first.
    init(_ runs: [[(id: String, row: Row, sequence: Int)]]) {
        for run in runs {
            var present: [String: (row: Row, sequence: Int)] = [:]
            for e in run where present[e.id] == nil { present[e.id] = (e.row, e.sequence) }
            for (id, state) in states where present[id] == nil {
                if case .held(let row, let q) = state {
                    let next = (highest[id] ?? q) + 1
                    highest[id] = next
                    states[id] = .cancelled(row, next)
                }
            }
            for (id, e) in present {
                states[id] = .held(e.row, e.sequence)
                highest[id] = max(highest[id] ?? e.sequence, e.sequence)
            }
        }
    }

    /// The revision an event scheduled now is published with: its last
    /// issued revision when it is held `unchanged`, else above every
    /// revision issued; `nil` when it was never issued.
    func revision(_ id: String, own: Int, unchanged: (Row) -> Bool) -> Int? {
        guard let state = states[id], let m = highest[id] else { return nil }
        if case .held(let row, let q) = state, unchanged(row) { return q }
        return max(own, m + 1)
    }

    /// The row an event was last held with, if it is held now.
    func lastIssued(_ id: String) -> Row? {
        if case .held(let row, _) = states[id] { return row }
        return nil
    }

    /// Every event issued and not in `scheduled`, to publish cancelled, with
    /// its revision: a cancellation carried as it was, or a held event
    /// cancelled one above its highest revision (unless held before `today`).
    func cancellations(except scheduled: Set<String>, today: CalendarDate?, date: (Row) -> CalendarDate?)
        -> [(String, Row, Int)]
    {
        states.keys.sorted().filter { !scheduled.contains($0) }.compactMap { id in
            switch states[id]! {
            case .held(let row, let q):
                if let today, let day = date(row), day < today { return nil }
                return (id, row, (highest[id] ?? q) + 1)
            case .cancelled(let row, let q): return (id, row, q)
            }
        }
    }
}
