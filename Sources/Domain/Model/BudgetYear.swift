/// The budget year a scenario's money is for: twelve months from
/// `[program] year_start` (default July 1 of the intake's year).
///
/// A fellow's months are the months of the budget year in which they are in
/// the program on at least one day, from `start_on` (or the year's start) to
/// `withdrawn_on` (or the year's end): a started month counts whole. Their
/// need is `round(max(0, cost − external_funding) × months / 12)` to whole
/// dollars, halves up.
public struct BudgetYear: Sendable, Hashable {
    public var start: CalendarDate

    public init(start: CalendarDate) { self.start = start }

    /// The budget year of the settings: `year_start`, else July 1 of the
    /// intake label's leading four-digit year; `nil` when neither is known.
    public init?(_ settings: ScenarioSettings) {
        if let start = settings.yearStart {
            self.start = start
            return
        }
        guard let label = settings.intake, label.count >= 4, let year = Int(label.prefix(4)),
            InputLimits.years.contains(year)
        else { return nil }
        start = CalendarDate(year: year, month: 7, day: 1)
    }

    /// Month of the budget year a date falls in: 0 for the first month, 11
    /// for the last; below 0 before the year, above 11 after it.
    public func monthIndex(_ d: CalendarDate) -> Int {
        (d.year - start.year) * 12 + (d.month - start.month) - (d.day < start.day ? 1 : 0)
    }

    /// Months of the year in which a fellow who starts on `from` and leaves
    /// on `to` is in the program (0 to 12).
    public func months(from: CalendarDate?, to: CalendarDate?) -> Int {
        let first = max(0, from.map(monthIndex) ?? 0)
        let last = min(11, to.map(monthIndex) ?? 11)
        return max(0, last - first + 1)
    }

    /// `amount × months / 12` in whole dollars, halves up.
    public static func share(_ amount: Int, months: Int) -> Int { (amount * months + 6) / 12 }
}

extension Scenario {
    /// The fellow's months in the budget year (12 without a budget year).
    public func months(of fellow: Fellow) -> Int {
        guard let year = BudgetYear(settings) else { return 12 }
        return year.months(from: fellow.startOn, to: fellow.withdrawnOn)
    }

    /// Dollars of each source (by id) spent on withdrawn fellows' months before
    /// they left: what the kept match paid them (`previous`), times the months
    /// they were in the program over the months it paid for. A withdrawn fellow
    /// without `withdrawn_on`, or whom the kept match did not pay, spent nothing.
    public func spentByWithdrawn(_ previous: [PreviousPlacement]) -> [String: Int] {
        let before = Dictionary(previous.map { ($0.fellow, $0) }, uniquingKeysWith: { a, _ in a })
        var spent: [String: Int] = [:]
        for w in withdrawn where w.withdrawnOn != nil {
            guard let paid = before[w.id]?.funding, !paid.isEmpty else { continue }
            var stayed = w
            stayed.withdrawnOn = nil
            let full = months(of: stayed), used = months(of: w)
            guard full > 0 else { continue }
            for share in paid {
                spent[share.source, default: 0] += (share.cents * used / full + 99) / 100
            }
        }
        return spent
    }

    /// The scenario with `spent` dollars taken from the sources' budgets (never below 0).
    public func spending(_ spent: [String: Int]) -> Scenario {
        var s = self
        for i in s.funding.indices { s.funding[i].budget = max(0, s.funding[i].budget - (spent[s.funding[i].id] ?? 0)) }
        return s
    }
}
