import Foundation

/// An instant's date and time of day in UTC, by arithmetic: a run's
/// calendars and e-mail drafts stamp tens of thousands of instants, and a
/// Foundation calendar costs microseconds each.
///
/// The instant is cut to whole seconds (toward the past, as Foundation's
/// calendar does), split into days since 1970-01-01 and the seconds of the
/// day, and the days turned into a Gregorian date by H. Hinnant's
/// `civil_from_days`: with z = days + 719,468 (days since 0000-03-01),
/// era = ⌊z ÷ 146,097⌋ (400-year eras), day of era d = z − 146,097·era,
/// year of era y = ⌊(d − ⌊d/1,460⌋ + ⌊d/36,524⌋ − ⌊d/146,096⌋) ÷ 365⌋,
/// day of year (from March) n = d − (365y + ⌊y/4⌋ − ⌊y/100⌋), month from
/// March m = ⌊(5n + 2) ÷ 153⌋, day n − ⌊(153m + 2) ÷ 5⌋ + 1, month m + 3
/// (less 12 past December), year 400·era + y (plus 1 in January and
/// February).
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
        (year, month, day) = Self.civil(days: days)
    }

    /// The Gregorian date `days` after 1970-01-01 (see the type's comment).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let d = z - era * 146_097
        let y = (d - d / 1460 + d / 36_524 - d / 146_096) / 365
        let n = d - (365 * y + y / 4 - y / 100)
        let m = (5 * n + 2) / 153
        let month = m < 10 ? m + 3 : m - 9
        return (y + era * 400 + (month <= 2 ? 1 : 0), month, n - (153 * m + 2) / 5 + 1)
    }
}
