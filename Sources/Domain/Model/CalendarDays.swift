/// Calendar dates as days counted from 1970-01-01 and back, in the
/// proleptic Gregorian calendar, by H. Hinnant's algorithms (one pair of
/// functions for every reader and writer of day counts: Excel's serial
/// dates, UTC instants).
///
/// Days to a date (`civil_from_days`): with z = days + 719,468 (days since
/// 0000-03-01), era = ⌊z ÷ 146,097⌋ (400-year eras), day of era
/// d = z − 146,097·era, year of era y = ⌊(d − ⌊d/1,460⌋ + ⌊d/36,524⌋ −
/// ⌊d/146,096⌋) ÷ 365⌋, day of year (from March) n = d − (365y + ⌊y/4⌋ −
/// ⌊y/100⌋), month from March m = ⌊(5n + 2) ÷ 153⌋; the day is
/// n − ⌊(153m + 2) ÷ 5⌋ + 1, the month m + 3 (less 12 past December), the
/// year 400·era + y (plus 1 in January and February).
///
/// A date to days (`days_from_civil`) is the same steps backwards.
extension CalendarDate {
    /// The date `days` after 1970-01-01 (before it when negative).
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let d = z - era * 146_097
        let y = (d - d / 1460 + d / 36_524 - d / 146_096) / 365
        let n = d - (365 * y + y / 4 - y / 100)
        let m = (5 * n + 2) / 153
        let month = m < 10 ? m + 3 : m - 9
        self.init(year: y + era * 400 + (month <= 2 ? 1 : 0), month: month, day: n - (153 * m + 2) / 5 + 1)
    }

    /// Days from 1970-01-01 to this date (negative before it).
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
