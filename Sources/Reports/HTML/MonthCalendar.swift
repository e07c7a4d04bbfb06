import Domain
import SeminarSolver

/// The seminar schedule as month grids (Monday to Sunday), each day with its
/// talks, for the report: written directly (as ``TableRows``) rather than
/// through the template engine, whose dictionary contexts cost more than
/// the rest of the report at a consortium's scale (a cell per day, a line
/// per talk). The markup is the one the template had; every text is escaped
/// as swift-mustache escapes it.
enum MonthCalendar {
    static let weekHeader =
        "<table><thead><tr><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th><th>Fri</th><th>Sat</th><th>Sun</th></tr></thead><tbody>\n"

    /// Every month from the first talk's to the last talk's, one `<div class="month">` each.
    static func html(_ s: ScheduleOutcome, names: Directory) -> String {
        guard let first = s.talks.map(\.session.date).min(), let last = s.talks.map(\.session.date).max() else {
            return ""
        }
        let byDay = Dictionary(grouping: s.talks, by: \.session.date)
        var html = ""
        var (year, month) = (first.year, first.month)
        while (year, month) <= (last.year, last.month) {
            let start = DateText.weekday(CalendarDate(year: year, month: month, day: 1))
            let days = DateText.days(inMonth: month, year: year)
            var cells: [String] = Array(repeating: "<td></td>", count: start)
            var talkCount = 0
            for day in 1...days {
                let talks = (byDay[CalendarDate(year: year, month: month, day: day)] ?? []).sorted {
                    ($0.session.start, $0.talk.fellow) < ($1.session.start, $1.talk.fellow)
                }
                talkCount += talks.count
                var cell = "<td class=\"\(talks.isEmpty ? "" : "talks")\"><div class=\"day\">\(day)</div>"
                for t in talks { cell += talk(t, names: names) }
                cells.append(cell + "</td>")
            }
            while cells.count % 7 != 0 { cells.append("<td></td>") }
            html += "<div class=\"month\"><h3>\(TableRows.escape(DateText.month(year: year, month: month))) "
            html += "<span class=\"id\">(\(talkCount) talks)</span></h3>\n" + weekHeader
            for week in stride(from: 0, to: cells.count, by: 7) {
                html += "<tr>" + cells[week..<(week + 7)].joined() + "</tr>\n"
            }
            html += "</tbody></table></div>\n"
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return html
    }

    /// One talk in a day's cell: time, fellow, kind, the mentor when they attend, the room.
    static func talk(_ t: ScheduledTalk, names: Directory) -> String {
        "<div class=\"talk\">\(TableRows.escape("\(t.session.start)")) <strong>"
            + TableRows.escape(names.fellowName(t.talk.fellow)) + "</strong> <span class=\"kind\">"
            + TableRows.escape(Wording.talkTitle(t.talk.kind)) + "</span>"
            + (t.talk.mentorRequired ? ", " + TableRows.escape(names.mentorName(t.talk.mentor)) + " attends" : "")
            + " <span class=\"room\">· " + TableRows.escape(t.session.room) + "</span></div>"
    }
}
