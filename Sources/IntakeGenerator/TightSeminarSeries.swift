import Domain

/// A second shape of seminar series, unlike ``SeminarSeries`` on purpose, so
/// the scheduler is measured and tested on more than one generator's habits:
///
/// - **Tight**: every session holds one talk (capacity 1 everywhere), and
///   there are barely more sessions than talks (`slack`: 1 % more by
///   default, at least one), so almost every seat is used.
/// - **Talks per fellow vary**: a new fellow gives one `wip` talk; a
///   continuing fellow gives `continuingWip` `wip` talks (1 or 2, drawn from
///   the seed) and then their `thesis` talk, with their mentor present.
/// - **Thesis talks bunched in spring**: `thesis` sessions are held only from
///   March to June (the last 14 of 40 weeks); `wip` sessions from September
///   to May (the first 36 weeks); a tenth of the spring sessions take either.
/// - **Single-room and parallel sessions**: each week's sessions are cut into
///   slots (weekday and hour); a slot is one room in about two of five
///   cases, otherwise two rooms or more at the same time.
/// - **Clustered absences**: about a third of the fellows are away for a
///   block of 2 to 6 consecutive weeks (parental leave, field work) and a
///   quarter of the mentors for 1 to 4 weeks (sabbatical); everyone may
///   also miss one or two single dates.
///
/// Talks are counted as if every fellow were placed, so a series stays
/// tight after placement. The same seed and fellows give the same series.
public struct TightSeminarSeries: Sendable {
    public var seed: UInt64
    /// Sessions beyond one per talk, as a share of the talks (0.01: 1 % more).
    public var slack: Double

    public init(seed: UInt64 = 2026, slack: Double = 0.01) {
        self.seed = seed
        self.slack = slack
    }

    static let weeks = 40
    static let firstDay = CalendarDate(year: 2026, month: 9, day: 7)  // a Monday
    /// Weeks 26... (from 2027-03-08): the spring, when thesis talks are held.
    static let springWeek = 26
    /// Weeks 0..<36 (to mid-May): when wip talks are held.
    static let wipWeeks = 36
    static let hours = [12, 15, 17]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri"]

    /// Replaces the scenario's talks, sessions and absences with a tight series.
    public func add(to s: inout Scenario) {
        var rng = SeededRandom(seed: seed &* 0x9E37_79B9 &+ UInt64(s.fellows.count))
        let continuingWip = rng.int(1...2)
        s.settings.seminars.talks = [
            TalkRequirement(status: .new, kind: "wip"),
            TalkRequirement(status: .continuing, kind: "wip", count: continuingWip),
            TalkRequirement(status: .continuing, kind: "thesis")
        ]
        s.settings.seminars.mentorRequired = ["thesis"]
        let continuing = s.continuingFellows.count
        let wip = s.newFellows.count + continuingWip * continuing
        func withSlack(_ n: Int) -> Int { n == 0 ? 0 : n + max(1, Int((Double(n) * slack).rounded(.up))) }
        let springWeeks = Array(Self.springWeek..<Self.weeks)
        var sessions = sessionsOf(kind: "wip", count: withSlack(wip), weeks: Array(0..<Self.wipWeeks), rng: &rng)
        sessions += sessionsOf(kind: "thesis", count: withSlack(continuing), weeks: springWeeks, rng: &rng)
        s.sessions = sessions
        s.availability = absences(s, sessions: sessions, rng: &rng)
    }

    /// `count` sessions of one kind over `weeks`, cut into slots of one or
    /// more rooms; each week's slots take distinct weekdays and hours.
    func sessionsOf(kind: String, count: Int, weeks: [Int], rng: inout SeededRandom) -> [SeminarSession] {
        guard count > 0 else { return [] }
        var perWeek = [Int](repeating: count / weeks.count, count: weeks.count)
        for k in rng.sample(Array(perWeek.indices), count % weeks.count) { perWeek[k] += 1 }
        var out: [SeminarSession] = []
        for (k, w) in weeks.enumerated() where perWeek[k] > 0 {
            let slots = (0..<5).flatMap { day in Self.hours.map { (day, $0) } }
            let widest = max(2, (perWeek[k] + slots.count - 1) / slots.count * 2)
            var left = perWeek[k]
            for (day, hour) in rng.sample(slots, slots.count) where left > 0 {
                let rooms = min(left, rng.chance(0.4) ? 1 : rng.int(2...widest))
                let date = Self.firstDay.adding(days: 7 * w + day)
                for r in 0..<rooms {
                    let any = kind == "thesis" && rng.chance(0.1)
                    out.append(
                        SeminarSession(
                            id: "\(kind)-w\(w + 1)-\(Self.weekdays[day])\(hour)-r\(r + 1)",
                            date: date, start: TimeOfDay(hour: hour, minute: 0),
                            end: TimeOfDay(hour: hour + 1, minute: 0), room: "Room \(r + 1)", capacity: 1,
                            kinds: any ? [] : [kind]))
                }
                left -= rooms
            }
            // More sessions than slots can take at the widest: the rest in the last slot's rooms.
            if left > 0, let last = out.last {
                let first = out.filter { $0.date == last.date && $0.start == last.start }.count
                for r in 0..<left {
                    out.append(
                        SeminarSession(
                            id: "\(last.id.split(separator: "-r").first!)-r\(first + r + 1)", date: last.date,
                            start: last.start, end: last.end, room: "Room \(first + r + 1)", capacity: 1,
                            kinds: last.kinds))
                }
            }
        }
        return out
    }

    /// Blocks of weeks away for some fellows and mentors, and a few single dates for anyone.
    func absences(_ s: Scenario, sessions: [SeminarSession], rng: inout SeededRandom) -> [Unavailability] {
        let dates = Set(sessions.map(\.date)).sorted()
        func datesIn(weeks: Range<Int>) -> [CalendarDate] {
            let from = Self.firstDay.adding(days: 7 * weeks.lowerBound)
            let to = Self.firstDay.adding(days: 7 * weeks.upperBound)
            return dates.filter { $0 >= from && $0 < to }
        }
        var away: [Unavailability] = []
        func add(_ person: String, blockChance: Double, blockWeeks: ClosedRange<Int>, why: [String]) {
            if rng.chance(blockChance) {
                let length = rng.int(blockWeeks)
                let start = rng.int(0...(Self.weeks - length))
                let reason = rng.pick(why)
                for d in datesIn(weeks: start..<(start + length)) {
                    away.append(Unavailability(person: person, date: d, reason: reason))
                }
            }
            for d in rng.sample(dates, rng.int(0...2)).sorted() {
                away.append(Unavailability(person: person, date: d, reason: "conference"))
            }
        }
        for f in s.fellows {
            add(f.id, blockChance: 0.33, blockWeeks: 2...6, why: ["parental leave", "field work", "clinical rotation"])
        }
        for m in s.mentors { add(m.id, blockChance: 0.25, blockWeeks: 1...4, why: ["sabbatical", "field work"]) }
        // One row per person and date.
        var seen: Set<String> = []
        return away.filter { seen.insert("\($0.person)\u{1}\($0.date!)").inserted }
    }
}
