import Domain

/// The CSV outputs' text: `CSVWriter`'s quoting, with cells that a
/// spreadsheet would run as a formula neutralised (`SpreadsheetSafety`).
public enum CSVText {
    public static func field(_ raw: String) -> String { CSVWriter.field(SpreadsheetSafety.neutralize(raw)) }

    public static func render(header: [String], rows: [[String]]) -> String {
        CSVWriter.render(header: header, rows: rows, cell: SpreadsheetSafety.neutralize)
    }
}
