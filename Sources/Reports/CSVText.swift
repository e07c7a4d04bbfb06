import Domain
import Foundation

/// CSV text as the scenario format writes it: RFC 4180 quoting, LF line ends,
/// and text that a spreadsheet would run as a formula neutralised
/// (`SpreadsheetSafety`).
public enum CSVText {
    public static func field(_ raw: String) -> String {
        let s = SpreadsheetSafety.neutralize(raw)
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix(" ") || s.hasSuffix(" ") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
