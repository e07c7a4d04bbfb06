import Domain
import SeminarSolver

/// The seminar schedule as month grids (Monday to Sunday), each day with its
/// talks, for the report.
enum MonthCalendar {
    static func months(_ s: ScheduleOutcome, names: Directory) -> [[String: Any]] {
        guard let first = s.talks.map(\.session.date).min(), let last = s.talks.map(\.session.date).max() else {
            return []
        }
        let byDay = Dictionary(grouping: s.talks, by: \.session.date)
        var months: [[String: Any]] = []
        var (year, month) = (first.year, first.month)
        while (year, month) <= (last.year, last.month) {
            let start = DateText.weekday(CalendarDate(year: year, month: month, day: 1))
            let days = DateText.days(inMonth: month, year: year)
            var cells: [[String: Any]] = Array(repeating: ["empty": true], count: start)
            var talkCount = 0
            for day in 1...days {
                let talks = (byDay[CalendarDate(year: year, month: month, day: day)] ?? []).sorted {
                    ($0.session.start, $0.talk.fellow) < ($1.session.start, $1.talk.fellow)
                }
                talkCount += talks.count
                cells.append([
                    "empty": false, "day": day, "hasTalks": !talks.isEmpty,
                    "talks": talks.map { t in
                        [
                            "time": "\(t.session.start)", "fellow": names.fellowName(t.talk.fellow),
                            "kind": Wording.talkTitle(t.talk.kind),
                            "room": t.session.room, "mentor": names.mentorName(t.talk.mentor),
                            "mentorAttends": t.talk.mentorRequired
                        ] as [String: Any]
                    }
                ])
            }
            while cells.count % 7 != 0 { cells.append(["empty": true]) }
            let weeks = stride(from: 0, to: cells.count, by: 7).map { ["days": Array(cells[$0..<($0 + 7)])] }
            months.append(["title": DateText.month(year: year, month: month), "weeks": weeks, "talkCount": talkCount])
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }
}
