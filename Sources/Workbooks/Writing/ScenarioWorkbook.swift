import CSV
import Domain
import Foundation

/// A scenario's files written as one workbook (the reverse of
/// ``WorkbookReader``): a sheet per CSV file, row 1 its header, ids and
/// other words as text, plain numbers as numbers; a `scenario` sheet of
/// `key, value` rows for `scenario.toml`; a `README` sheet saying how.
public enum ScenarioWorkbook {
    /// Columns that hold ids or words, written as text even when they look
    /// like numbers (`0012` stays `0012`).
    static let textColumns: Set<String> = [
        "id", "name", "fellow", "lab", "mentor", "member", "person", "session", "source", "track", "citizenship",
        "status",
        "interests", "areas", "institution", "rule", "reason", "room", "kinds", "date", "start", "end", "withdrawn_on",
        "email"
    ]

    /// Writes `texts` (file name → text, as a scenario folder holds them) to `path`.
    public static func write(_ texts: [String: String], to path: String) throws(WorkbookWriteError) {
        let file = try XLSXFile(path: path)
        try readme(file)
        if let toml = texts["scenario.toml"] { try settings(toml, file) }
        for name in ScenarioReader.knownColumns.keys.sorted(by: ScenarioWorkbook.inFormatOrder) {
            guard let text = texts[name] else { continue }
            try table(text, sheet: String(name.dropLast(4)), file)
        }
        try file.close()
    }

    static func inFormatOrder(_ a: String, _ b: String) -> Bool {
        let order = [
            "fellows.csv", "labs.csv", "mentors.csv", "funding.csv", "preferences.csv", "mentor_preferences.csv",
            "costs.csv", "rules.csv", "sessions.csv", "availability.csv"
        ]
        return (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
    }

    static func readme(_ file: XLSXFile) throws(WorkbookWriteError) {
        let sheet = try file.sheet("README")
        let lines = [
            "A FellowMatch scenario as one workbook (docs/scenario-format.md says what every column means).",
            "Each sheet is one file of a scenario folder: fellows, labs, mentors, funding, preferences, and the optional",
            "mentor_preferences, costs, rules, sessions and availability. Row 1 holds the column names; one row per record.",
            "The scenario sheet holds scenario.toml as key, value rows; dotted keys name tables (objective.kind).",
            "Keep ids as text. Leave no blank row inside a table, and merge no cells. This sheet is not read."
        ]
        for (r, line) in lines.enumerated() { try sheet.write(.text(line), row: r, column: 0) }
    }

    /// `scenario.toml` as `key, value` rows.
    static func settings(_ toml: String, _ file: XLSXFile) throws(WorkbookWriteError) {
        let sheet = try file.sheet("scenario")
        try sheet.header(["key", "value"], widths: [28, 60])
        var table = ""
        var row = 1
        for raw in toml.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                table = line.dropFirst().dropLast().replacingOccurrences(of: "\"", with: "")
                continue
            }
            guard let eq = line.range(of: " = ") else { continue }
            let key = String(line[..<eq.lowerBound]), value = String(line[eq.upperBound...])
            try sheet.write(.text(table.isEmpty ? key : "\(table).\(key)"), row: row, column: 0)
            try sheet.write(literal(value), row: row, column: 1)
            row += 1
        }
    }

    /// A TOML value as a cell: a string as its text, a number as a number,
    /// a boolean as TRUE/FALSE, a list or inline table as its TOML text.
    static func literal(_ value: String) -> CellValue {
        if value == "true" || value == "false" { return .boolean(value == "true") }
        if let x = Double(value) { return .number(x) }
        guard value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 else { return .text(value) }
        return .text(unescaped(String(value.dropFirst().dropLast())))
    }

    /// A basic TOML string's escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX`) resolved.
    static func unescaped(_ s: String) -> String {
        var out = ""
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\\", let e = it.next() else {
                out.unicodeScalars.append(c)
                continue
            }
            switch e {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "u", "U":
                var hex = ""
                for _ in 0..<(e == "u" ? 4 : 8) { if let h = it.next() { hex.unicodeScalars.append(h) } }
                if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { out.unicodeScalars.append(scalar) }
            default: out.unicodeScalars.append(e)
            }
        }
        return out
    }

    /// A CSV file as a sheet.
    static func table(_ text: String, sheet name: String, _ file: XLSXFile) throws(WorkbookWriteError) {
        try prepared(text, sheet: name)?.write(to: file)
    }

    /// A CSV file's sheet, ready to write (`nil` for a file without a header):
    /// ids and words as text, plain numbers as numbers.
    static func prepared(_ text: String, sheet name: String) throws(WorkbookWriteError) -> WorkbookTable? {
        prepared(records: try rows(text, name: name), sheet: name)
    }

    /// Records' sheet (the header first), ready to write.
    static func prepared(records rows: [[String]], sheet name: String) -> WorkbookTable? {
        guard let header = rows.first else { return nil }
        let asText = header.map { textColumns.contains($0) }
        let cells = rows.dropFirst().map { row in
            row.prefix(header.count).enumerated().map { c, cell -> CellValue in
                if cell.isEmpty { return .empty }
                guard !asText[c], cell.utf8.allSatisfy(isNumberByte), let x = Double(cell), x.isFinite else {
                    return .text(cell)
                }
                return .number(x)
            }
        }
        return WorkbookTable(sheet: name, header: header, widths: widths(rows), rows: cells)
    }

    /// The bytes a plain number is written with: digits, `.`, `-`, `+`, `e` and `E`.
    static func isNumberByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || b == 0x2E || b == 0x2D || b == 0x2B || b == 0x65 || b == 0x45
    }

    /// A CSV text's records (the header first).
    static func rows(_ text: String, name: String) throws(WorkbookWriteError) -> [[String]] {
        let reader: CSVReader
        do { reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text) } catch {
            throw WorkbookWriteError("\(name).csv cannot be read: \(error)")
        }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// Each column's widest text among the first 200 rows.
    static func widths(_ rows: [[String]]) -> [Int] {
        (rows.first ?? []).indices.map { c in rows.prefix(200).map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
    }
}
