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
    ///
    /// The cells are taken in sheet order (sorted by row and column when a
    /// writer put them otherwise; of two at one place the later counts), one
    /// row at a time, each line written straight into the text.
    init(_ sheet: SheetCells, file: String, date1904: Bool) {
        let cells = Self.ordered(sheet.cells.filter { !Self.isBlank($0.value) })
        issues = []
        rows = [:]
        columns = [:]
        guard let first = cells.first else {
            text = ""
            return
        }
        var k = 0
        let header = Self.row(at: &k, in: cells)
        var names = [String?](repeating: nil, count: (header.last?.column ?? 0) + 1)
        var out = ""
        for (n, cell) in header.enumerated() {
            let name = Self.text(cell.value, date1904: date1904).trimmingCharacters(in: .whitespacesAndNewlines)
            names[cell.column] = name
            columns[name] = CellReference.letters(cell.column)
            if n > 0 { out += "," }
            out += Self.quoted(name)
        }
        out += "\n"
        var line = 1
        rows[1] = first.row
        var previous = first.row
        var reportedGap = false
        while k < cells.count {
            let values = Self.row(at: &k, in: cells)
            let r = values.first!.row
            line += 1
            if r > previous + 1 && !reportedGap {
                reportedGap = true
                issues.append(
                    ScenarioIssue(
                        file: file, line: line, column: "-", message: "data below the blank row \(previous + 1)",
                        hint: "remove the blank row, or move what is below it to another sheet"))
            }
            previous = r
            for cell in values where (cell.column < names.count ? names[cell.column] : nil)?.isEmpty ?? true {
                issues.append(
                    ScenarioIssue(
                        file: file, line: line, column: "-",
                        message: "a value in column \(CellReference.letters(cell.column)), which has no header",
                        hint: "give the column a header from the format, or clear it"))
            }
            var v = values.startIndex
            for (n, column) in header.enumerated() {
                if n > 0 { out += "," }
                while v < values.endIndex && values[v].column < column.column { v += 1 }
                guard v < values.endIndex, values[v].column == column.column else { continue }
                if let problem = Self.problem(values[v].value) {
                    issues.append(
                        ScenarioIssue(
                            file: file, line: line, column: names[column.column]!, message: problem.0,
                            hint: problem.1))
                } else {
                    out += Self.quoted(Self.text(values[v].value, date1904: date1904))
                }
            }
            out += "\n"
            rows[line] = r
        }
        text = out
    }

    /// Cells by row and column, one per place (the later of two).
    static func ordered(_ cells: [SheetCell]) -> [SheetCell] {
        let inOrder = zip(cells, cells.dropFirst()).allSatisfy { a, b in
            a.row < b.row || (a.row == b.row && a.column < b.column)
        }
        if inOrder { return cells }
        let sorted = cells.enumerated().sorted { a, b in
            (a.element.row, a.element.column, a.offset) < (b.element.row, b.element.column, b.offset)
        }.map(\.element)
        var unique: [SheetCell] = []
        for cell in sorted {
            if let last = unique.last, last.row == cell.row, last.column == cell.column {
                unique[unique.count - 1] = cell
            } else {
                unique.append(cell)
            }
        }
        return unique
    }

    /// The cells of the row starting at `k`; `k` moves to the next row.
    static func row(at k: inout Int, in cells: [SheetCell]) -> ArraySlice<SheetCell> {
        let start = k
        while k < cells.count && cells[k].row == cells[start].row { k += 1 }
        return cells[start..<k]
    }

    static func isBlank(_ v: SheetCell.Value) -> Bool {
        guard case .text(let t) = v else { return false }
        // Text starting with a visible ASCII character is not blank (most cells).
        if let b = t.utf8.first, b > 0x20 && b < 0x7F { return false }
        return t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
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
        s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
