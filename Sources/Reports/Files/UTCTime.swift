import Domain
import Foundation

/// An instant's date and time of day in UTC, by arithmetic: a run's
/// calendars and e-mail drafts stamp tens of thousands of instants, and a
/// Foundation calendar costs microseconds each.
///
/// The instant is cut to whole seconds (toward the past, as Foundation's
/// calendar does), split into days since 1970-01-01 and the seconds of the
/// day, and the days turned into a date by `CalendarDate(daysSince1970:)`.
///
/// Foundation's Gregorian calendar is Julian before 15 October 1582, so an
/// instant before 1583 (or one too far off to count in seconds) is left to
/// Foundation: the same text either way.
struct UTCTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// The first second of 1583, and a bound far past any year a program names.
    private static let arithmetic: ClosedRange<Double> = -12_212_553_600...253_402_300_799

    init(_ date: Date) {
        let t = date.timeIntervalSince1970
        guard Self.arithmetic.contains(t) else {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
            (hour, minute, second) = (c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            return
        }
        let total = Int(t.rounded(.down))
        var days = total / 86_400, rest = total % 86_400
        if rest < 0 {  // before 1970: days toward the past, the seconds of the day from midnight
            days -= 1
            rest += 86_400
        }
        (hour, minute, second) = (rest / 3600, rest % 3600 / 60, rest % 60)
        let date = CalendarDate(daysSince1970: days)
        (year, month, day) = (date.year, date.month, date.day)
    }
}
