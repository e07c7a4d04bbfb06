/// A room at a time in which one thesis defense can be held (a row of the
/// optional defense_slots.csv).
public struct DefenseSlot: Sendable, Hashable {
    public var date: CalendarDate
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var room: String
    public var line: Int

    public init(date: CalendarDate, start: TimeOfDay, end: TimeOfDay, room: String = "", line: Int = 0) {
        self.date = date
        self.start = start
        self.end = end
        self.room = room
        self.line = line
    }

    /// Whether the two slots share some time on the same day.
    public func overlaps(_ other: DefenseSlot) -> Bool {
        date == other.date && start < other.end && other.start < end
    }
}
