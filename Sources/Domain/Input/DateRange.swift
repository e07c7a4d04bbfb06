extension ScenarioBuilder {
    /// How a range of dates may be written in one cell: `A..B`, `A to B`, or
    /// `A - B`, `A – B` with spaces around the dash.
    static let rangeMarks = ["..", " to ", " – ", " — ", " - "]
    static let rangeMarkBytes = rangeMarks.map { Array($0.utf8) }

    /// The first of ``rangeMarks`` that `text` holds (as Foundation's
    /// `contains` finds it). Sought in bytes first: none of the marks has
    /// another spelling, so a cell without their bytes holds none of them,
    /// and most cells (single dates) are passed without Foundation's search,
    /// which cost more than the rest of the row (80,000 rows at 5,000 fellows).
    static func rangeMark(in text: String) -> String? {
        let bytes = Array(text.utf8)
        for (k, mark) in rangeMarkBytes.enumerated() where bytes.count >= mark.count {
            for i in 0...(bytes.count - mark.count) where bytes[i] == mark[0] {
                // Confirmed by Foundation, which does not find a mark whose last character a combining mark follows.
                if bytes[i..<(i + mark.count)].elementsEqual(mark) {
                    if text.contains(rangeMarks[k]) { return rangeMarks[k] }
                    break
                }
            }
        }
        return nil
    }

    /// The dates of `column` in `r`: one date, or every day of a range
    /// (both ends included, at most ``InputLimits/absenceDays``); `nil` when
    /// empty or wrong (reported in `found`).
    mutating func dates(_ r: RowReader, _ column: String, _ found: inout [ScenarioIssue]) -> [CalendarDate]? {
        guard let text = r.text(column) else { return nil }
        guard let mark = Self.rangeMark(in: text) else {
            return date(text, r, column, &found).map { [$0] }
        }
        let ends = text.components(separatedBy: mark).map { $0.trimmedSpaces() }
        guard ends.count == 2 else {
            found.append(r.issue(column, "\"\(text)\" is not a date or a range of dates", hint: rangeHint))
            return nil
        }
        let before = found.count
        let from = date(ends[0], r, column, &found), to = date(ends[1], r, column, &found)
        guard let from, let to else { return nil }
        guard found.count == before else { return nil }
        guard from <= to else {
            found.append(r.issue(column, "the range ends (\(to)) before it starts (\(from))", hint: rangeHint))
            return nil
        }
        var days = [from]
        while let last = days.last, last < to, days.count <= InputLimits.absenceDays {
            days.append(last.adding(days: 1))
        }
        guard days.count <= InputLimits.absenceDays else {
            found.append(
                r.issue(
                    column, "the range is longer than \(InputLimits.absenceDays) days",
                    hint: "split it into rows of at most a year"))
            return nil
        }
        return days
    }

    var rangeHint: String { "write one date, or a range as 2026-12-21..2027-01-04" }
}
