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
    /// Times are written in UTC, converted from the program's time zone, so
    /// no `VTIMEZONE` is needed. UIDs name the talk (fellow, kind, number), so
    /// a talk keeps its UID when rescheduled. `DTSTAMP` is the schedule's
    /// reference date (`--today`, else the first session's date) so identical
    /// inputs give identical files. `SEQUENCE` is the talk's revision
    /// (`ScheduledTalk.sequence`): 0 at first, one more per re-plan that
    /// moves it, and one more again when a re-plan cancels it.
    public static func calendars(_ o: ScheduleOutcome, scenario: Scenario, today: CalendarDate? = nil) -> [String:
        String]
    {
        let zone =
            TimeZone(identifier: scenario.settings.seminars.timezone) ?? TimeZone(identifier: "America/New_York")!
        let domain = slug(scenario.settings.name) + (scenario.settings.intake.map { "-" + slug($0) } ?? "")
        let reference = today ?? o.talks.map(\.session.date).min() ?? CalendarDate(year: 2000, month: 1, day: 1)
        let stamp = ICalendar.utcStamp(
            instant(reference, TimeOfDay(hour: 0, minute: 0), in: TimeZone(identifier: "UTC")!))

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
            return [
                "BEGIN:VEVENT",
                "UID:\(t.id)@\(domain).fellowmatch",
                "DTSTAMP:\(stamp)",
                "SEQUENCE:\(s.sequence)",
                "DTSTART:\(ICalendar.utcStamp(instant(s.session.date, s.session.start, in: zone)))",
                "DTEND:\(ICalendar.utcStamp(instant(s.session.date, s.session.end, in: zone)))",
                "SUMMARY:\(ICalendar.escape(summary))",
                "DESCRIPTION:\(ICalendar.escape(description))"
            ] + (s.session.room.isEmpty ? [] : ["LOCATION:\(ICalendar.escape(s.session.room))"]) + [
                "CATEGORIES:\(categories)",
                "END:VEVENT"
            ]
        }
        /// A talk no longer given: the same UID with a higher SEQUENCE and STATUS:CANCELLED.
        func cancellation(_ c: CancelledTalk) -> [String] {
            let t = c.talk
            let kindTitle = Wording.talkTitle(t.kind)
            return [
                "BEGIN:VEVENT",
                "UID:\(t.id)@\(domain).fellowmatch",
                "DTSTAMP:\(stamp)",
                "SEQUENCE:\(c.sequence)",
                "STATUS:CANCELLED",
                "DTSTART:\(ICalendar.utcStamp(instant(c.session.date, c.session.start, in: zone)))",
                "DTEND:\(ICalendar.utcStamp(instant(c.session.date, c.session.end, in: zone)))",
                "SUMMARY:\(ICalendar.escape("Cancelled: \(kindTitle): \(t.fellowName)"))",
                "END:VEVENT"
            ]
        }
        func calendar(_ name: String, _ talks: [ScheduledTalk], cancelled: [CancelledTalk] = [], mentor: Bool = false)
            -> String
        {
            ICalendar.render(
                [
                    "BEGIN:VCALENDAR",
                    "VERSION:2.0",
                    "PRODID:-//FellowMatch//Seminar schedule//EN",
                    "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH",
                    "X-WR-CALNAME:\(ICalendar.escape(name))",
                    "X-WR-TIMEZONE:\(zone.identifier)"
                ] + talks.flatMap { event($0, mentor: mentor) } + cancelled.flatMap(cancellation) + ["END:VCALENDAR"])
        }
        var files: [String: String] = [:]
        let title = scenario.settings.name + (scenario.settings.intake.map { " \($0)" } ?? "")
        files["calendar/program.ics"] = calendar("\(title) seminars", o.talks, cancelled: o.cancelled)
        let fellowNames = Dictionary(
            (o.talks.map(\.talk) + o.cancelled.map(\.talk)).map { ($0.fellow, $0.fellowName) },
            uniquingKeysWith: { a, _ in a })
        let talksOf = Dictionary(grouping: o.talks, by: \.talk.fellow),
            cancelledOf = Dictionary(grouping: o.cancelled, by: \.talk.fellow)
        let attended = Dictionary(grouping: o.talks, by: \.talk.mentor)
        let attendedCancelled = Dictionary(grouping: o.cancelled, by: \.talk.mentor)
        let presenters = Set(talksOf.keys).union(cancelledOf.keys).filter { !$0.isEmpty }
        let attendees = Set(attended.keys).union(attendedCancelled.keys).filter { !$0.isEmpty }
        let names = calendarNames(o)
        for fellow in presenters {
            files["calendar/\(names["fellow"]?[fellow] ?? fellow).ics"] = calendar(
                "\(title) seminars: \(fellowNames[fellow] ?? fellow)", talksOf[fellow] ?? [],
                cancelled: cancelledOf[fellow] ?? [])
        }
        let mentorNames = Dictionary(
            (o.talks.map(\.talk) + o.cancelled.map(\.talk)).map { ($0.mentor, $0.mentorName) },
            uniquingKeysWith: { a, _ in a })
        for mentor in attendees {
            files["calendar/\(names["mentor"]?[mentor] ?? mentor).ics"] = calendar(
                "\(title) seminars: \(mentorNames[mentor] ?? mentor)", attended[mentor] ?? [],
                cancelled: attendedCancelled[mentor] ?? [], mentor: true)
        }
        return files
    }

    /// The personal calendars' file names (without `.ics`) by kind and id,
    /// given to every fellow and mentor of a talk, scheduled or cancelled,
    /// whether or not they get a calendar: so a name never depends on who
    /// else gets one, and the letters find each person's calendar.
    public static func calendarNames(_ o: ScheduleOutcome) -> [String: [String: String]] {
        let talks = o.talks.map(\.talk) + o.cancelled.map(\.talk)
        return CalendarFileNames.names(
            fellows: talks.map(\.fellow).filter { !$0.isEmpty }, mentors: talks.map(\.mentor).filter { !$0.isEmpty })
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
