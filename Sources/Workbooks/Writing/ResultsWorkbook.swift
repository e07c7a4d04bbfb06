import Domain
import Foundation

/// `results.xlsx`: a run's results for people who read Excel — a summary
/// sheet, then placements, funding, budgets, appointments (where the run has
/// them) and the schedule, with names, money as numbers in currency format,
/// dates as dates, frozen header rows and fitted widths — and the inputs
/// copied in (`input fellows`, …), so the workbook stands on its own.
public enum ResultsWorkbook {
    /// The result sheets, by the CSV output each copies, in order.
    static let results: [(sheet: String, file: String)] = [
        ("placements", "placements.csv"), ("funding", "funding.csv"), ("budgets", "budgets.csv"),
        ("appointments", "appointments.csv"), ("schedule", "schedule.csv"), ("committees", "committees.csv"),
        ("defenses", "defenses.csv")
    ]
    /// Columns that hold dollars.
    static let moneyColumns: Set<String> = [
        "amount", "budget", "used", "left", "cost", "external_funding", "need", "stipend", "paid"
    ]
    /// Columns that hold dates.
    static let dateColumns: Set<String> = ["date", "start_on", "withdrawn_on", "defend_by"]

    /// The workbook's bytes.
    ///
    /// - Parameters:
    ///   - summary: `(what, value)` lines for the summary sheet, in words.
    ///   - outputs: the run's CSV outputs by file name.
    ///   - inputs: the scenario's files by name (as `ScenarioWriter` writes them).
    public static func data(summary: [(String, CellValue)], outputs: [String: String], inputs: [String: String])
        throws(WorkbookWriteError) -> Data
    {
        try data(summary: summary, outputs: outputs, inputTables: inputTables(inputs))
    }

    /// The sheets of the inputs copied in (`input fellows`, …), in the
    /// format's order, from the files as `ScenarioWriter` writes them.
    public static func inputTables(_ inputs: [String: String]) -> [WorkbookTable] {
        var tables: [WorkbookTable] = []
        for name in ScenarioReader.knownColumns.keys.sorted(by: ScenarioWorkbook.inFormatOrder) {
            guard let text = inputs[name],
                let table = ScenarioWorkbook.prepared(
                    records: CSVRecords.parse(text), sheet: "input " + String(name.dropLast(4)))
            else { continue }
            tables.append(table)
        }
        return tables
    }

    /// The workbook's bytes, with the inputs' sheets made already (``inputTables(_:)``).
    public static func data(summary: [(String, CellValue)], outputs: [String: String], inputTables: [WorkbookTable])
        throws(WorkbookWriteError) -> Data
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fellowmatch-results-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: path) }
        let file = try XLSXFile(path: path.path)
        let sheet = try file.sheet("summary")
        try sheet.header(["what", "value"], widths: [34, 40])
        for (r, line) in summary.enumerated() {
            try sheet.write(.text(line.0), row: r + 1, column: 0)
            try sheet.write(line.1, row: r + 1, column: 1)
        }
        for (name, csv) in results {
            guard let text = outputs[csv] else { continue }
            try table(text, sheet: name, file)
        }
        for table in inputTables { try table.write(to: file) }
        try file.close()
        guard let data = FileManager.default.contents(atPath: path.path) else {
            throw WorkbookWriteError("results.xlsx could not be read back")
        }
        return data
    }

    /// A result's CSV text as a sheet, money and dates as such.
    static func table(_ text: String, sheet name: String, _ file: XLSXFile) throws(WorkbookWriteError) {
        let rows = CSVRecords.parse(text)
        guard let header = rows.first else { return }
        let sheet = try file.sheet(name)
        try sheet.header(header, widths: ScenarioWorkbook.widths(rows))
        for (r, row) in rows.dropFirst().enumerated() {
            for (c, cell) in row.enumerated() where c < header.count && !cell.isEmpty {
                try sheet.write(value(cell, column: header[c]), row: r + 1, column: c)
            }
        }
    }

    static func value(_ cell: String, column: String) -> CellValue {
        if moneyColumns.contains(column), let x = Double(cell), x.isFinite { return .money(x) }
        if dateColumns.contains(column), cell.count == 10 { return .date(cell) }
        if ["rank", "sequence", "months", "slot"].contains(column), let x = Double(cell), x.isFinite {
            return .number(x)
        }
        return .text(cell)
    }
}
