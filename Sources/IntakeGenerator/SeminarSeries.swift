import Domain

/// The seminar series of a generated intake: weekly sessions over an
/// academic year (September to June, 40 weeks), with parallel rooms as the
/// program grows, and the dates on which people are away.
///
/// - Every fellow gives a `wip` talk and continuing fellows also their
///   `thesis` talk, after it, with their mentor in the room.
/// - Sessions hold two talks; there are about 1.4 talks per session
///   (about 70 % of the seats are used). Autumn sessions take `wip` talks
///   only, spring sessions `thesis` talks only, and a third of the sessions
///   take either.
/// - Each fellow is away on 4 dates and each mentor on 6 (clinical duties,
///   conferences), drawn from the dates on which sessions are held.
enum SeminarSeries {
    static let weeks = 40
    static let firstDay = CalendarDate(year: 2026, month: 9, day: 7)

    static func add(to s: inout Scenario, rng: inout SeededRandom) {
        s.settings.seminars.talks = [TalkRequirement(kind: "wip"), TalkRequirement(status: .continuing, kind: "thesis")]
        let talks = s.newFellows.count + 2 * s.continuingFellows.count
        let sessionCount = max(weeks, (talks * 10 + 13) / 14)
        let rooms = (sessionCount + weeks - 1) / weeks
        var sessions: [SeminarSession] = []
        var dates: [CalendarDate] = []
        for w in 0..<weeks {
            let date = firstDay.adding(days: 7 * w)
            // Only dates with a session: an absence on any other date would block nothing.
            if sessions.count < sessionCount { dates.append(date) }
            for r in 0..<rooms where sessions.count < sessionCount {
                let half = w < weeks / 2
                let kinds = rng.int(0...2) == 0 ? [] : [half ? "wip" : "thesis"]
                sessions.append(
                    SeminarSession(
                        id: "s\(w + 1)-\(r + 1)", date: date, start: TimeOfDay(hour: 12, minute: 0),
                        end: TimeOfDay(hour: 13, minute: 0), room: "Room \(r + 1)", capacity: 2, kinds: kinds))
            }
        }
        s.sessions = sessions
        var away: [Unavailability] = []
        for f in s.fellows {
            for d in rng.sample(dates, 4).sorted() {
                away.append(Unavailability(person: f.id, date: d, reason: "clinical duties"))
            }
        }
        for m in s.mentors {
            for d in rng.sample(dates, 6).sorted() {
                away.append(Unavailability(person: m.id, date: d, reason: "conference"))
            }
        }
        s.availability = away
    }
}
