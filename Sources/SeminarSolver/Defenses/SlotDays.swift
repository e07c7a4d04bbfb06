import Domain

/// The days of the defense slots, numbered, and who is away on which of
/// them (availability.csv's rows with a date), so that a slot's openness to
/// a committee is a look-up by day instead of a search per slot and person.
struct SlotDays {
    /// Each slot's day, numbered in the slots' order.
    let day: [Int]
    /// How many days the slots hold.
    let count: Int
    /// Every dated absence, by person (dates without a slot included).
    let awayDates: [String: Set<CalendarDate>]
    /// The numbered days each person is away on.
    private let awayDays: [String: [Int]]

    init(_ slots: [DefenseSlot], availability: [Unavailability]) {
        var numbering = Numbering<CalendarDate>()
        day = slots.map { numbering.number($0.date) }
        count = numbering.count
        var dates: [String: Set<CalendarDate>] = [:]
        for a in availability { if let d = a.date { dates[a.person, default: []].insert(d) } }
        awayDates = dates
        awayDays = dates.mapValues { $0.compactMap { numbering[$0] } }
    }

    /// Per numbered day, whether any of `people` is away on it.
    func away(_ people: [String]) -> [Bool] {
        var away = [Bool](repeating: false, count: count)
        for person in people { for d in awayDays[person] ?? [] { away[d] = true } }
        return away
    }
}
