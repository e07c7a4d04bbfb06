/// A date as spreadsheets write it.
///
/// - `2026-09-09` (ISO 8601, also `2026/9/9`): always read.
/// - `9.9.2026`, `09.09.2026`: the day first (dotted dates are European).
/// - `9/10/2026`, `09-10-2026`: the month first in the US, the day first in
///   most other places. With `[input] date_order` (``DateOrder``) set, read
///   in that order only. Without it, read when only one order gives a date
///   (`9/13/2026`, `13/9/2026`) or both give the same (`9/9/2026`);
///   otherwise an error saying how to set the order.
/// - A two-digit year (`9/9/26`) is an error: the century is never guessed.
///
/// Every date's year must be in ``InputLimits/years``.
enum DateCell {
    enum Reading: Equatable {
        case date(CalendarDate)
        /// Both orders give a date and they differ: (month first, day first).
        case ambiguous(CalendarDate, CalendarDate)
        case shortYear
        case invalid
    }

    static func read(_ text: String, order: DateOrder?) -> Reading {
        if let d = CalendarDate(text) { return .date(d) }
        for mark in ["-", "/", "."] as [Character] {
            let parts = text.split(separator: mark, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                parts.allSatisfy({ $0.count <= 4 })
            else { continue }
            let n = parts.compactMap { Int($0) }
            if parts[0].count == 4 { return made(n[0], n[1], n[2]).map { .date($0) } ?? .invalid }
            guard parts[2].count == 4 else { return parts[2].count <= 2 ? .shortYear : .invalid }
            guard parts[0].count <= 2 && parts[1].count <= 2 else { return .invalid }
            let dayFirst = made(n[2], n[1], n[0])
            if mark == "." { return dayFirst.map { .date($0) } ?? .invalid }
            let monthFirst = made(n[2], n[0], n[1])
            if let order { return (order == .monthFirst ? monthFirst : dayFirst).map { .date($0) } ?? .invalid }
            switch (monthFirst, dayFirst) {
            case (let m?, nil): return .date(m)
            case (nil, let d?): return .date(d)
            case (let m?, let d?): return m == d ? .date(m) : .ambiguous(m, d)
            default: return .invalid
            }
        }
        return .invalid
    }

    /// The date if it exists and its year is in range.
    static func made(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate? {
        guard InputLimits.years.contains(y), (1...12).contains(m), d >= 1, d <= CalendarDate.days(inMonth: m, year: y)
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

extension ScenarioBuilder {
    /// The date in `column` of `r` (``DateCell``); `nil` when empty or not a
    /// date (reported in `found`; an ambiguous date once per file and column,
    /// at the end of the build, with a count of the others).
    mutating func date(_ r: RowReader, _ column: String, _ found: inout [ScenarioIssue], required: Bool = false)
        -> CalendarDate?
    {
        guard let text = required ? r.required(column, &found, hint: "write the date, e.g. 2026-09-15") : r.text(column)
        else { return nil }
        return date(text, r, column, &found)
    }

    /// `text` read as a date of `column` in row `r`.
    mutating func date(_ text: String, _ r: RowReader, _ column: String, _ found: inout [ScenarioIssue])
        -> CalendarDate?
    {
        switch DateCell.read(text, order: scenario.settings.dateOrder) {
        case .date(let d): return d
        case .ambiguous(let m, let d):
            let key = "\(r.table.file)\u{1}\(column)"
            if let first = ambiguousDates[key] {
                ambiguousDates[key] = (first.issue, first.more + 1)
            } else {
                ambiguousDates[key] = (
                    r.issue(
                        column,
                        "\"\(text)\" could be \(DateText.long(m)) (month first) or \(DateText.long(d)) (day first)",
                        hint: "say which in scenario.toml: [input] date_order = \"month-first\" (US) or \"day-first\""),
                    0
                )
            }
        case .shortYear:
            found.append(
                r.issue(column, "\"\(text)\" has a two-digit year", hint: "write the year in full, e.g. 2026-09-15"))
        case .invalid:
            let order = scenario.settings.dateOrder.map { " in \($0.rawValue) order ([input] date_order)" } ?? ""
            found.append(
                r.issue(
                    column, CalendarDate.problem(with: text) + order,
                    hint: "write YYYY-MM-DD, e.g. 2026-09-15"))
        }
        return nil
    }

    /// The ambiguous dates, one issue per file and column.
    mutating func reportAmbiguousDates() {
        for (_, entry) in ambiguousDates.sorted(by: { $0.value.issue < $1.value.issue }) {
            var issue = entry.issue
            if entry.more > 0 {
                issue.hint! += "; \(entry.more) more date\(entry.more == 1 ? " is" : "s are") ambiguous in this column"
            }
            issues.append(issue)
        }
    }
}
