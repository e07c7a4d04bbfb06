import Domain

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
            days = day + CalendarDate(year: 1904, month: 1, day: 1).daysSince1970
        } else {
            guard day != 60, day >= 1 else { return nil }
            days = day + CalendarDate(year: 1899, month: 12, day: day < 60 ? 31 : 30).daysSince1970
        }
        let date = CalendarDate(daysSince1970: days)
        guard (1900...9999).contains(date.year) else { return nil }
        return "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))"
    }

    /// `HH:MM` of the serial's fraction of a day, to the nearest minute.
    static func time(_ serial: Double) -> String {
        let minutes = Int(((serial - serial.rounded(.down)) * 1440).rounded()) % 1440
        return "\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }

    /// `7` → `07` (0–99; without `String(format:)`, which a sheet of dates
    /// spent a third of its reading in).
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
