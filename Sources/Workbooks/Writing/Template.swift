import Domain
import Foundation

/// An empty scenario workbook to fill in: every sheet with its header row
/// (the format's columns, required ones first as the format lists them),
/// ids formatted as text, money as currency, dates as dates, dropdowns for
/// citizenship, status, rule and track and for references to labs, mentors
/// and fellows (ranges on the other sheets, never inline lists), a
/// `scenario` sheet with the usual settings, and a README sheet that says
/// how (it also holds the dropdowns' fixed lists).
public enum Template {
    /// Rows the dropdowns and formats cover.
    static let rows = 2_000

    public static func write(to path: String) throws(WorkbookWriteError) {
        let file = try XLSXFile(path: path)
        try readme(file)
        let settings = try file.sheet("scenario")
        try settings.header(["key", "value"], widths: [28, 40])
        let defaults: [(String, CellValue)] = [
            ("name", .text("Our fellowship")), ("intake", .text("2026-27")), ("objective.kind", .text("total-rank")),
            ("placement.allow_unplaced", .boolean(false))
        ]
        for (r, entry) in defaults.enumerated() {
            try settings.write(.text(entry.0), row: r + 1, column: 0)
            try settings.write(entry.1, row: r + 1, column: 1)
        }
        for name in ScenarioReader.knownColumns.keys.sorted(by: ScenarioWorkbook.inFormatOrder) {
            try table(String(name.dropLast(4)), columns: ScenarioReader.knownColumns[name]!, file)
        }
        try file.close()
    }

    /// The README sheet: how to fill in the workbook, and in columns D–G the
    /// lists the dropdowns offer.
    static func readme(_ file: XLSXFile) throws(WorkbookWriteError) {
        let sheet = try file.sheet("README")
        let lines = [
            "An empty FellowMatch scenario: fill in one row per record on each sheet (docs/scenario-format.md).",
            "Required sheets: fellows, labs, mentors, funding, preferences, and the scenario sheet of settings.",
            "Ids are text: keep them short, without spaces. Money in dollars a year. Dates as dates.",
            "Leave no blank row inside a table and merge no cells. This sheet is not read.",
            "Then check it with FellowMatch, and run it."
        ]
        for (r, line) in lines.enumerated() { try sheet.write(.text(line), row: r, column: 0) }
        for (c, list) in lists.enumerated() {
            try sheet.write(.text(list.name), row: 0, column: 3 + c)
            for (r, value) in list.values.enumerated() { try sheet.write(.text(value), row: r + 1, column: 3 + c) }
        }
    }

    /// The fixed lists, in README's columns D, E, F, G.
    static let lists: [(name: String, values: [String])] = [
        ("citizenship", Citizenship.allCases.map(\.rawValue)), ("status", FellowStatus.allCases.map(\.rawValue)),
        ("rule", PlacementRule.Kind.allCases.map(\.rawValue)),
        ("track", ["clinical", "population-health", "imaging", "bioinformatics"])
    ]

    /// Where a column's dropdown takes its values, if it has one.
    static func source(of column: String, in sheet: String) -> String? {
        if let k = lists.firstIndex(where: { $0.name == column }) {
            let letter = CellReference.letters(4 + k)
            return "=README!$\(letter)$2:$\(letter)$\(lists[k].values.count + 1)"
        }
        switch column {
        case "lab" where sheet != "labs": return "=labs!$A$2:$A$\(rows)"
        case "mentor" where sheet != "mentors": return "=mentors!$A$2:$A$\(rows)"
        case "fellow": return "=fellows!$A$2:$A$\(rows)"
        default: return nil
        }
    }

    static func table(_ name: String, columns: [String], _ file: XLSXFile) throws(WorkbookWriteError) {
        let sheet = try file.sheet(name)
        try sheet.header(columns, widths: columns.map { max($0.count, 12) })
        for (c, column) in columns.enumerated() {
            let kind: CellValue =
                ResultsWorkbook.moneyColumns.contains(column)
                ? .money(0) : ResultsWorkbook.dateColumns.contains(column) ? .date("") : .text("")
            sheet.format(column: c, as: kind, width: max(column.count, 12) + 2)
            if let range = source(of: column, in: name) { sheet.dropdown(column: c, rows: rows, from: range) }
        }
    }
}
