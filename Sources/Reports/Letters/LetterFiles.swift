import Domain
import Foundation
import PlacementSolver
import SeminarSolver

/// `letters/`: per ``PlacementLetter``, `NAME.html` (the letter to print)
/// and `NAME.eml` (the e-mail draft, ``MailDraft``, with the person's
/// calendar from `calendar/` attached byte for byte), and `mail-merge.csv`
/// (``MailMerge``). Written whenever the run has a placement, `--public` or
/// not: each letter is addressed to its person alone.
///
/// - NAME follows ``CalendarFileNames``' rules over the people who get a
///   letter (fellows first, then mentors), so `f001.html` is Priya Raman's.
/// - A person without an e-mail address gets both files all the same; their
///   draft has no `To:`, to be filled in before sending.
/// - `From:` is `[program] office_email` with the program's name; without
///   it the drafts have no `From:` and the mail program sending them fills
///   it in (`X-Unsent: 1` opens them as drafts).
/// - The date, in the letter and in `Date:`, is the run's recorded time;
///   without a history, `--today`, else the budget year's first day, else
///   the first seminar's date (midnight UTC): never the clock, so the same
///   input gives the same bytes.
public enum LetterFiles {
    public static func files(
        _ o: PlacementOutcome, scenario s: Scenario, schedule: ScheduleOutcome?, calendars: [String: String],
        stamp: ReportStamp?, today: CalendarDate?, calendarNames given: [String: [String: String]]? = nil
    ) -> [String: Data] {
        let instant = date(scenario: s, schedule: schedule, stamp: stamp, today: today)
        let letters = PlacementLetter.letters(o, scenario: s, schedule: schedule, date: calendarDate(instant))
        guard !letters.isEmpty else { return [:] }
        let names = CalendarFileNames.names(
            fellows: letters.filter { $0.role == .fellow }.map(\.id),
            mentors: letters.filter { $0.role == .mentor }.map(\.id))
        let calendarNames = given ?? schedule.map { ScheduleFiles.calendarNames($0) } ?? [:]
        let reference =
            "Prepared with FellowMatch \(FellowMatchVersion.current) from "
            + (stamp?.run.map { "run \($0) of the run history." } ?? "a run not recorded in the run history.")
        let from = s.settings.officeEmail.map { MailDraft.Mailbox(name: s.settings.name, address: $0) }
        let domain = s.settings.officeEmail.flatMap { $0.split(separator: "@").last.map(String.init) }
        // Each letter on its own: shared among the cores, in the letters' order.
        let written = ParallelWork.map(letters) { letter -> (html: Data, eml: Data, row: MailMerge.Row) in
            let name = names[letter.role.rawValue]?[letter.id] ?? letter.id
            let calendar = calendarNames[letter.role.rawValue]?[letter.id].map { "calendar/\($0).ics" }
                .flatMap { calendars[$0] == nil ? nil : $0 }
            let calendarFile = calendar.map { ($0 as NSString).lastPathComponent }
            var draft = MailDraft(
                from: from, to: letter.email.map { MailDraft.Mailbox(name: letter.name, address: $0) },
                subject: letter.subject, date: instant, idDomain: domain ?? "fellowmatch.invalid",
                body: letter.text(calendarFile: calendarFile))
            if let calendar, let calendarFile, let text = calendars[calendar] {
                draft.attachment = MailDraft.Attachment(
                    fileName: calendarFile, contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                    data: Data(text.utf8))
            }
            return (
                Data(LetterPage.render(letter, reference: reference).utf8), Data(draft.render().utf8),
                MailMerge.Row(
                    letter: letter, letterFile: "letters/\(name).html", emlFile: "letters/\(name).eml",
                    calendarFile: calendar)
            )
        }
        var files: [String: Data] = [:]
        for w in written {
            files[w.row.letterFile] = w.html
            files[w.row.emlFile] = w.eml
        }
        let rows = written.map(\.row)
        files["letters/mail-merge.csv"] = Data(MailMerge.render(rows).utf8)
        return files
    }

    /// The letters' date (see the type's comment).
    static func date(scenario s: Scenario, schedule: ScheduleOutcome?, stamp: ReportStamp?, today: CalendarDate?)
        -> Date
    {
        if let recorded = stamp?.recordedAt, let d = ISO8601DateFormatter().date(from: recorded) { return d }
        let day =
            today ?? BudgetYear(s.settings)?.start ?? schedule?.talks.map(\.session.date).min()
            ?? CalendarDate(year: 2000, month: 1, day: 1)
        let utc = TimeZone(identifier: "UTC")!
        return ScheduleFiles.instant(day, TimeOfDay(hour: 0, minute: 0), in: utc)
    }

    static func calendarDate(_ instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1)
    }
}
