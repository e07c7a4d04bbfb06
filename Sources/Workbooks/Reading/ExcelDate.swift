/// Excel's date serial numbers as calendar dates and times, in UTC (Excel
/// dates have no time zone).
///
/// The 1900 system counts days from 1899-12-30 for serials from 61 on; serial
/// 60 is 29 February 1900, a day that never was (Lotus 1-2-3's bug, which
/// Excel keeps), and serials 1–59 count from 1899-12-31. The 1904 system
/// (`<workbookPr date1904="1"/>`) counts days from 1904-01-01.
enum ExcelDate {
    /// `YYYY-MM-DD` of the serial's day; `nil` for serial 60 in the 1900
    /// system, or outside years 1900–9999.
    static func date(_ serial: Double, date1904: Bool) -> String? {
        let day = Int(serial.rounded(.down))
        let days: Int
        if date1904 {
            days = day + daysFrom1970(1904, 1, 1)
        } else {
            guard day != 60, day >= 1 else { return nil }
            days = day + daysFrom1970(1899, 12, day < 60 ? 31 : 30)
        }
        let (y, m, d) = civil(days)
        guard (1900...9999).contains(y) else { return nil }
        return "\(y)-\(twoDigits(m))-\(twoDigits(d))"
    }

    /// `HH:MM` of the serial's fraction of a day, to the nearest minute.
    static func time(_ serial: Double) -> String {
        let minutes = Int(((serial - serial.rounded(.down)) * 1440).rounded()) % 1440
        return "\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }

    /// `7` → `07` (0–99; without `String(format:)`, which a sheet of dates
    /// spent a third of its reading in).
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysFrom1970(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count from 1970-01-01.
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
