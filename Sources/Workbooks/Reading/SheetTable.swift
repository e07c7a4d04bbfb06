import Domain

/// One sheet read as the CSV file it stands for: the text the scenario
/// reader reads, and where each of its lines and columns is in the sheet, so
/// that every problem is shown at its cell.
struct SheetTable {
    var text: String
    /// CSV line (1 = header) → sheet row.
    var rows: [Int: Int]
    /// Column name → column letters.
    var columns: [String: String]
    /// Problems of the sheet itself (merged cells, errors, formulas without a value).
    var issues: [ScenarioIssue]

    /// Builds the CSV text of `cells`; `file` names the CSV file it stands for
    /// (issues are made for it and located later).
    init(_ sheet: SheetCells, file: String, date1904: Bool) {
        var byRow: [Int: [Int: SheetCell.Value]] = [:]
        for cell in sheet.cells where !Self.isBlank(cell.value) {
            byRow[cell.row, default: [:]][cell.column] = cell.value
        }
        let order = byRow.keys.sorted()
        var found: [ScenarioIssue] = []
        issues = []
        rows = [:]
        columns = [:]
        guard let headerRow = order.first else {
            text = ""
            return
        }
        let header = byRow[headerRow]!
        let headerColumns = header.keys.sorted()
        var names: [Int: String] = [:]
        for c in headerColumns {
            let name = Self.text(header[c]!, date1904: date1904).trimmingCharacters(in: .whitespacesAndNewlines)
            names[c] = name
            columns[name] = CellReference.letters(c)
        }
        var lines = [headerColumns.map { Self.quoted(names[$0]!) }.joined(separator: ",")]
        rows[1] = headerRow
        var previous = headerRow
        var reportedGap = false
        for r in order.dropFirst() {
            let values = byRow[r]!
            if r > previous + 1 && !reportedGap {
                reportedGap = true
                found.append(
                    ScenarioIssue(
                        file: file, line: lines.count + 1, column: "-",
                        message: "data below the blank row \(previous + 1)",
                        hint: "remove the blank row, or move what is below it to another sheet"))
            }
            previous = r
            for c in values.keys.sorted() where names[c] == nil || names[c]!.isEmpty {
                found.append(
                    ScenarioIssue(
                        file: file, line: lines.count + 1, column: "-",
                        message: "a value in column \(CellReference.letters(c)), which has no header",
                        hint: "give the column a header from the format, or clear it"))
            }
            let cells = headerColumns.map { c -> String in
                guard let v = values[c] else { return "" }
                if let problem = Self.problem(v) {
                    found.append(
                        ScenarioIssue(
                            file: file, line: lines.count + 1, column: names[c]!, message: problem.0, hint: problem.1))
                    return ""
                }
                return Self.quoted(Self.text(v, date1904: date1904))
            }
            lines.append(cells.joined(separator: ","))
            rows[lines.count] = r
        }
        text = lines.joined(separator: "\n") + "\n"
        issues = found
    }

    static func isBlank(_ v: SheetCell.Value) -> Bool {
        if case .text(let t) = v { return t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return false
    }

    /// A cell that holds no usable value: why, and what to do.
    static func problem(_ v: SheetCell.Value) -> (String, String)? {
        switch v {
        case .error(let e): return ("the cell holds the error \(e)", "fix the formula or type the value")
        case .formulaWithoutValue(let f):
            return (
                "the cell holds a formula (=\(f)) whose result was never saved",
                "open the workbook in Excel or LibreOffice and save it, or type the value"
            )
        default: return nil
        }
    }

    /// A value as CSV cell text: dates as `YYYY-MM-DD`, times as `HH:MM`,
    /// whole numbers without a decimal point, booleans as `true`/`false`.
    static func text(_ v: SheetCell.Value, date1904: Bool) -> String {
        switch v {
        case .text(let t): return t
        case .boolean(let b): return b ? "true" : "false"
        case .error, .formulaWithoutValue: return ""
        case .number(let x, let kind):
            switch kind {
            case .date: return ExcelDate.date(x, date1904: date1904) ?? number(x)
            case .time: return ExcelDate.time(x)
            case .dateTime: return (ExcelDate.date(x, date1904: date1904) ?? number(x)) + " " + ExcelDate.time(x)
            case .number: return number(x)
            }
        }
    }

    /// `82000`, `0.2`: whole numbers without a decimal point, others as the
    /// shortest text that reads back to the same number.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    static func quoted(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
