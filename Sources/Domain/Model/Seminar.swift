/// A calendar date, `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, checking the day exists and the year is in
    /// ``InputLimits/years``.
    public init?(_ text: String) {
        // Ten bytes `DDDD-DD-DD` (nearly every date a file holds) read as bytes; anything else as parts.
        let b = Array(text.utf8)
        if b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
            b.indices.allSatisfy({ $0 == 4 || $0 == 7 || (0x30...0x39).contains(b[$0]) })
        {
            func number(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) } }
            let y = number(0..<4), m = number(5..<7), d = number(8..<10)
            guard InputLimits.years.contains(y), (1...12).contains(m), d >= 1,
                d <= CalendarDate.days(inMonth: m, year: y)
            else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), InputLimits.years.contains(y),
            (1...12).contains(m), d >= 1, d <= CalendarDate.days(inMonth: m, year: y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Why `text` is not a date (for a message).
    public static func problem(with text: String) -> String {
        if let y = Int(text.prefix(4)), text.count == 10, !InputLimits.years.contains(y) {
            return "year \(text.prefix(4)) is outside \(InputLimits.years.lowerBound)–\(InputLimits.years.upperBound)"
        }
        return "\"\(text)\" is not a date"
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The date `days` (≥ 0) days later.
    public func adding(days: Int) -> CalendarDate {
        var d = self
        for _ in 0..<max(days, 0) {
            if d.day < Self.days(inMonth: d.month, year: d.year) {
                d.day += 1
            } else if d.month < 12 {
                d.month += 1
                d.day = 1
            } else {
                d.year += 1
                d.month = 1
                d.day = 1
            }
        }
        return d
    }

    public var description: String {
        "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))"
    }
}

/// A time of day, `HH:MM`.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var minutes: Int

    public init(hour: Int, minute: Int) { minutes = hour * 60 + minute }

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        minutes = h * 60 + m
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }
    public var description: String { "\(zeroPadded(hour, 2)):\(zeroPadded(minute, 2))" }
}

/// `v` with leading zeros to `width` digits.
func zeroPadded(_ v: Int, _ width: Int) -> String {
    let digits = "\(v)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A seminar session (a row of sessions.csv).
public struct SeminarSession: Sendable, Hashable, Identifiable {
    public var id: String
    public var date: CalendarDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var room: String
    /// Most talks in the session.
    public var capacity: Int
    /// Talk kinds allowed; empty: any.
    public var kinds: [String]
    public var line: Int

    public init(
        id: String, date: CalendarDate, start: TimeOfDay, end: TimeOfDay, room: String = "", capacity: Int = 1,
        kinds: [String] = [], line: Int = 0
    ) {
        self.id = id
        self.date = date
        self.start = start
        self.end = end
        self.room = room
        self.capacity = capacity
        self.kinds = kinds
        self.line = line
    }

    public func allows(_ kind: String) -> Bool { kinds.isEmpty || kinds.contains(kind) }
}

/// A date or session on which a person cannot attend a seminar. The reason is
/// personal data: it never appears in shared outputs.
public struct Unavailability: Sendable, Hashable {
    public var person: String
    public var date: CalendarDate?
    public var session: String?
    public var reason: String
    public var line: Int

    public init(person: String, date: CalendarDate? = nil, session: String? = nil, reason: String = "", line: Int = 0) {
        self.person = person
        self.date = date
        self.session = session
        self.reason = reason
        self.line = line
    }

    /// Whether this row blocks `session`.
    public func blocks(_ s: SeminarSession) -> Bool {
        (date != nil && date == s.date) || (session != nil && session == s.id)
    }
}
