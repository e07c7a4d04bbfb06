/// Dates as people read them, without Foundation's locale: "Thu 17 Sep 2026".
public enum DateText {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"
    ]
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Thu 17 Sep 2026".
    public static func long(_ d: CalendarDate) -> String {
        "\(weekdays[weekday(d)]) \(d.day) \(months[d.month - 1].prefix(3)) \(d.year)"
    }

    /// "September 2026".
    public static func month(year: Int, month: Int) -> String { "\(months[month - 1]) \(year)" }

    /// 0 = Monday … 6 = Sunday (proleptic Gregorian; Sakamoto's method).
    public static func weekday(_ d: CalendarDate) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = d.month < 3 ? d.year - 1 : d.year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7
        return (sunday0 + 6) % 7
    }

    /// Days in a month.
    public static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
