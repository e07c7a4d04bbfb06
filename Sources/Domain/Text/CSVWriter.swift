/// CSV text as FellowMatch writes it, inputs and outputs alike: RFC 4180
/// quoting (a field with a comma, quote or line break, or leading or
/// trailing spaces, is quoted, quotes doubled), LF line ends.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || s.hasPrefix(" ") || s.hasSuffix(" ") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// A header and rows; `cell` prepares each cell before quoting (outputs
    /// pass ``SpreadsheetSafety/neutralize(_:)``).
    public static func render(header: [String], rows: [[String]], cell: (String) -> String = { $0 }) -> String {
        ([header] + rows).map { $0.map { field(cell($0)) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
