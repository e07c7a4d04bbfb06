import Domain
import Foundation
import SeminarSolver

/// `schedule.csv` and `calendar/`: who presents when. They carry ids, names,
/// labs, rooms and times only: never availability reasons, citizenship or
/// funding, which are personal data.
public enum ScheduleFiles {
    public static let header = OutputColumns.Schedule.all

    /// The format's eight columns, then `fellow_name`, `mentor_name`, `lab`,
    /// `lab_name` and `sequence` (the calendar revision a re-plan continues from).
    public static func scheduleCSV(_ o: ScheduleOutcome) -> String {
        CSVText.render(
            header: header,
            rows: o.talks.map { s in
                [
                    s.session.id, "\(s.session.date)", "\(s.session.start)", "\(s.session.end)", s.session.room,
                    s.talk.fellow, s.talk.kind,
                    s.talk.mentor, s.talk.fellowName, s.talk.mentorName, s.talk.lab, s.talk.labName, "\(s.sequence)"
                ]
            })
    }

    /// `program.ics` with every talk, one calendar per presenting fellow, and
    /// one per mentor with every talk of their fellows: those of a kind that
    /// needs them in the room are marked "you attend" (SUMMARY, and the
    /// category `ATTEND`), the others "your fellow" (category `YOUR FELLOW`).
    ///
    /// With `defenses` (and the `committees` they were scheduled for), each
    /// thesis defense is in `program.ics`, in its fellow's calendar and in the
    /// calendar of every member of its committee (a mentor's calendar, or a
    /// faculty member's own), worded for the calendar's owner
    /// (``CommitteeWording/defenseSummary(_:seat:own:)``); its UID is
    /// `FELLOW-defense`, its `SEQUENCE` the defense's revision, and
    /// `defenses.cancelled` are published as cancelled events (a member who
    /// left a committee gets the defense cancelled in their calendar only).
    /// A defense event names its fellow, the owner's role, the room and, in
    /// the fellow's own calendar, their committee: never a conflict, an
    /// absence or its reason.
    ///
    /// Times are written in UTC, converted from the program's time zone, so
    /// no `VTIMEZONE` is needed. UIDs name the talk (fellow, kind, number), so
    /// a talk keeps its UID when rescheduled. `DTSTAMP` is the schedule's
    /// reference date (`--today`, else the first session's date, else the
    /// first defense's) so identical inputs give identical files. `SEQUENCE`
    /// is the talk's revision (`ScheduledTalk.sequence`): 0 at first, one
    /// more per re-plan that moves it, and one more again when a re-plan cancels it.
    public static func calendars(
        _ o: ScheduleOutcome?, scenario: Scenario, today: CalendarDate? = nil, committees: CommitteeOutcome? = nil,
        defenses: DefenseOutcome? = nil
    ) -> [String: String] {
        let zone =
            TimeZone(identifier: scenario.settings.seminars.timezone) ?? TimeZone(identifier: "America/New_York")!
        let domain = slug(scenario.settings.name) + (scenario.settings.intake.map { "-" + slug($0) } ?? "")
        let talks = o?.talks ?? [], cancelledTalks = o?.cancelled ?? []
        let held = defenses?.defenses ?? [], cancelledDefenses = defenses?.cancelled ?? []
        let reference =
            today ?? talks.map(\.session.date).min() ?? held.map(\.slot.date).min()
            ?? CalendarDate(year: 2000, month: 1, day: 1)
        let stamp = ICalendar.utcStamp(
            instant(reference, TimeOfDay(hour: 0, minute: 0), in: TimeZone(identifier: "UTC")!))
        // A session's times, converted once: a talk is in up to three calendars.
        var stamps: [LocalTime: String] = [:]
        func utc(_ date: CalendarDate, _ time: TimeOfDay) -> String {
            let key = LocalTime(date: date, time: time)
            if let known = stamps[key] { return known }
            let stamp = ICalendar.utcStamp(instant(date, time, in: zone))
            stamps[key] = stamp
            return stamp
        }
        func times(_ date: CalendarDate, _ start: TimeOfDay, _ end: TimeOfDay) -> [String] {
            ["DTSTART:" + utc(date, start), "DTEND:" + utc(date, end)]
        }
        /// One VEVENT: a held event (`description`, `room`, `categories`) or,
        /// with `cancelled`, a cancellation (summary only), in this line order.
        func vevent(
            uid: String, sequence: Int, _ date: CalendarDate, _ start: TimeOfDay, _ end: TimeOfDay, summary: String,
            description: String? = nil, room: String = "", categories: String? = nil, cancelled: Bool = false
        ) -> [String] {
            ["BEGIN:VEVENT", "UID:\(uid)@\(domain).fellowmatch", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)"]
                + (cancelled ? ["STATUS:CANCELLED"] : []) + times(date, start, end)
                + ["SUMMARY:\(ICalendar.escape(summary))"]
                + (description.map { ["DESCRIPTION:\(ICalendar.escape($0))"] } ?? [])
                + (room.isEmpty ? [] : ["LOCATION:\(ICalendar.escape(room))"])
                + (categories.map { ["CATEGORIES:\($0)"] } ?? []) + ["END:VEVENT"]
        }

        /// A talk; in its mentor's own calendar (`mentor`), marked as theirs to attend or their fellow's.
        func event(_ s: ScheduledTalk, mentor: Bool) -> [String] {
            let t = s.talk
            let kindTitle = Wording.talkTitle(t.kind)
            var description = "\(kindTitle) by \(t.fellowName) (\(t.labName)). Mentor: \(t.mentorName)"
            description += t.mentorRequired ? " (attends)." : "."
            var summary = "\(kindTitle): \(t.fellowName)"
            var categories = ICalendar.escape(t.kind)
            if mentor {
                summary += t.mentorRequired ? " (you attend)" : " (your fellow)"
                description +=
                    t.mentorRequired
                    ? " You are expected to attend: \(t.fellowName) is your fellow and this talk needs their mentor."
                    : " \(t.fellowName) is your fellow; attending is welcome but not required."
                categories += "," + (t.mentorRequired ? "ATTEND" : "YOUR FELLOW")
            }
            return vevent(
                uid: t.id, sequence: s.sequence, s.session.date, s.session.start, s.session.end, summary: summary,
                description: description, room: s.session.room, categories: categories)
        }
        /// A talk no longer given: the same UID with a higher SEQUENCE and STATUS:CANCELLED.
        func cancellation(_ c: CancelledTalk) -> [String] {
            let t = c.talk
            let kindTitle = Wording.talkTitle(t.kind)
            return vevent(
                uid: t.id, sequence: c.sequence, c.session.date, c.session.start, c.session.end,
                summary: "Cancelled: \(kindTitle): \(t.fellowName)", cancelled: true)
        }
        let shown = Directory(scenario)
        let seatsOf = Dictionary(
            (committees?.committees ?? []).map { ($0.fellow, $0.seats) }, uniquingKeysWith: { a, _ in a })
        /// A defense, worded for the calendar's owner: a member (`seat`), the fellow (`own`), or everyone.
        func defenseEvent(_ d: DefenseOutcome.Defense, seat: CommitteeOutcome.Seat?, own: Bool) -> [String] {
            let name = shown.fellowName(d.fellow)
            let seats = seatsOf[d.fellow] ?? []
            return vevent(
                uid: PreviousDefense.uid(d.fellow), sequence: d.sequence, d.slot.date, d.slot.start, d.slot.end,
                summary: CommitteeWording.defenseSummary(name, seat: seat, own: own),
                description: CommitteeWording.defenseDescription(
                    name, seat: seat, own: own, committee: seats, scenario),
                room: d.slot.room, categories: CommitteeWording.defenseCategories(seat: seat, own: own))
        }
        /// A defense no longer held as issued: the same UID, STATUS:CANCELLED.
        func defenseCancellation(_ c: PreviousDefense) -> [String] {
            let name = shown.fellowName(c.fellow)
            return vevent(
                uid: PreviousDefense.uid(c.fellow), sequence: c.sequence, c.slot.date, c.slot.start, c.slot.end,
                summary: CommitteeWording.defenseCancelled(name, membersOnly: c.membersOnly), cancelled: true)
        }
        let zoneID = zone.identifier
        @Sendable func calendar(_ name: String, _ events: [String]) -> String {
            ICalendar.render(
                [
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//FellowMatch//Seminar schedule//EN",
                    "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH",
                    "X-WR-CALNAME:\(ICalendar.escape(name))",
                    "X-WR-TIMEZONE:\(zoneID)"
                ] + events + ["END:VCALENDAR"])
        }
        let title = scenario.settings.name + (scenario.settings.intake.map { " \($0)" } ?? "")
        var files: [String: String] = [:]
        // Each talk's event as everyone but its mentor sees it, made once for program.ics and its fellow.
        let shared = talks.map { event($0, mentor: false) }
        files["calendar/program.ics"] = calendar(
            "\(title) seminars",
            shared.flatMap { $0 } + cancelledTalks.flatMap(cancellation)
                + held.flatMap { defenseEvent($0, seat: nil, own: false) }
                + cancelledDefenses.filter { !$0.membersOnly }.flatMap(defenseCancellation))

        // Each person's events, by (kind, id): talks, cancelled talks, defenses, cancelled defenses.
        struct Person: Hashable { var kind: String, id: String }
        var events: [Person: [String]] = [:]
        var seminar: Set<Person> = []
        func add(_ p: Person, _ lines: [String], talk: Bool = false) {
            guard !p.id.isEmpty else { return }
            events[p, default: []] += lines
            if talk { seminar.insert(p) }
        }
        let mentors = Set(scenario.mentors.map(\.id))
        func member(_ id: String) -> Person { Person(kind: mentors.contains(id) ? "mentor" : "faculty", id: id) }
        for (t, lines) in zip(talks, shared) { add(Person(kind: "fellow", id: t.talk.fellow), lines, talk: true) }
        for c in cancelledTalks { add(Person(kind: "fellow", id: c.talk.fellow), cancellation(c), talk: true) }
        for t in talks { add(Person(kind: "mentor", id: t.talk.mentor), event(t, mentor: true), talk: true) }
        for c in cancelledTalks { add(Person(kind: "mentor", id: c.talk.mentor), cancellation(c), talk: true) }
        for d in held {
            add(Person(kind: "fellow", id: d.fellow), defenseEvent(d, seat: nil, own: true))
            for seat in seatsOf[d.fellow] ?? [] where seat.member != d.fellow {
                add(member(seat.member), defenseEvent(d, seat: seat, own: false))
            }
        }
        for c in cancelledDefenses {
            if !c.membersOnly { add(Person(kind: "fellow", id: c.fellow), defenseCancellation(c)) }
            for seat in c.seats where seat.member != c.fellow { add(member(seat.member), defenseCancellation(c)) }
        }
        let names = calendarNames(o, committees: committees, defenses: defenses, scenario: scenario)
        let fellowNames = Dictionary(
            (talks.map(\.talk) + cancelledTalks.map(\.talk)).map { ($0.fellow, $0.fellowName) },
            uniquingKeysWith: { a, _ in a })
        let mentorNames = Dictionary(
            (talks.map(\.talk) + cancelledTalks.map(\.talk)).map { ($0.mentor, $0.mentorName) },
            uniquingKeysWith: { a, _ in a })
        let personal = events.map { (person, lines) in
            let shownName =
                person.kind == "fellow"
                ? fellowNames[person.id] ?? shown.fellowName(person.id)
                : mentorNames[person.id] ?? CommitteeWording.memberName(person.id, scenario)
            let file = names[person.kind]?[person.id] ?? person.id
            let label = seminar.contains(person) ? "seminars" : CommitteeWording.defensesCalendar
            return (file: "calendar/\(file).ics", name: "\(title) \(label): \(shownName)", lines: lines)
        }
        // Each calendar on its own, shared among the cores.
        let texts = ParallelWork.map(personal) { calendar($0.name, $0.lines) }
        for (p, text) in zip(personal, texts) { files[p.file] = text }
        return files
    }

    /// The personal calendars' file names (without `.ics`) by kind and id,
    /// given to every fellow and mentor of a talk, scheduled or cancelled,
    /// and every fellow and member of a defense (`faculty` for members who
    /// are not mentors), whether or not they get a calendar: so a name never
    /// depends on who else gets one, and the letters find each person's calendar.
    public static func calendarNames(
        _ o: ScheduleOutcome?, committees: CommitteeOutcome? = nil, defenses: DefenseOutcome? = nil,
        scenario: Scenario? = nil
    ) -> [String: [String: String]] {
        let talks = (o?.talks.map(\.talk) ?? []) + (o?.cancelled.map(\.talk) ?? [])
        let seatsOf = Dictionary(
            (committees?.committees ?? []).map { ($0.fellow, $0.seats) }, uniquingKeysWith: { a, _ in a })
        let defenseFellows = (defenses?.defenses.map(\.fellow) ?? []) + (defenses?.cancelled.map(\.fellow) ?? [])
        let members =
            (defenses?.defenses ?? []).flatMap { (seatsOf[$0.fellow] ?? []).map(\.member) }
            + (defenses?.cancelled ?? []).flatMap { $0.seats.map(\.member) }
        let mentorIDs = Set(scenario?.mentors.map(\.id) ?? [])
        return CalendarFileNames.names(
            fellows: (talks.map(\.fellow) + defenseFellows).filter { !$0.isEmpty },
            mentors: (talks.map(\.mentor) + members.filter(mentorIDs.contains)).filter { !$0.isEmpty },
            faculty: members.filter { !mentorIDs.contains($0) && !$0.isEmpty })
    }

    /// A date and time of day in the program's zone (a key for its UTC stamp).
    private struct LocalTime: Hashable {
        var date: CalendarDate
        var time: TimeOfDay
    }

    /// The instant of a local date and time in `zone`.
    static func instant(_ d: CalendarDate, _ t: TimeOfDay, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: d.year, month: d.month, day: d.day, hour: t.hour, minute: t.minute)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    static func slug(_ s: String) -> String {
        let mapped = s.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}
