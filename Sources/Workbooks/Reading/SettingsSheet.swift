import Domain

/// The `scenario` sheet as `scenario.toml`: one `key, value` row per
/// setting, dotted keys for tables (`objective.kind`, `tracks.imaging.max_new`).
///
/// Values: a number cell is a number, a TRUE/FALSE cell (or the text `true`,
/// `false`) a boolean, a date cell a date text; text starting with `[` or `{`
/// is written as it stands (a TOML list or inline table, such as
/// `seminars.talks`); any other text is a string.
struct SettingsSheet {
    var toml: String
    /// TOML line → sheet row.
    var rows: [Int: Int]

    init(_ sheet: SheetCells, date1904: Bool) {
        var byRow: [Int: [Int: SheetCell.Value]] = [:]
        for cell in sheet.cells where cell.column <= 2 { byRow[cell.row, default: [:]][cell.column] = cell.value }
        var topLevel: [(String, String, Int)] = []
        var tables: [String: [(String, String, Int)]] = [:]
        var tableOrder: [String] = []
        for r in byRow.keys.sorted() {
            guard case .text(let rawKey)? = byRow[r]![1] else { continue }
            let key = rawKey.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty, key.lowercased() != "key", let value = byRow[r]![2] else { continue }
            let literal = Self.literal(value, date1904: date1904)
            guard let dot = key.lastIndex(of: ".") else {
                topLevel.append((key, literal, r))
                continue
            }
            let table = String(key[..<dot])
            if tables[table] == nil { tableOrder.append(table) }
            tables[table, default: []].append((String(key[key.index(after: dot)...]), literal, r))
        }
        var lines: [String] = []
        var rows: [Int: Int] = [:]
        func add(_ line: String, row: Int) {
            lines.append(line)
            rows[lines.count] = row
        }
        for (k, v, r) in topLevel { add("\(k) = \(v)", row: r) }
        for table in tableOrder {
            let entries = tables[table]!
            add("[\(table)]", row: entries[0].2)
            for (k, v, r) in entries { add("\(k) = \(v)", row: r) }
        }
        toml = lines.joined(separator: "\n") + "\n"
        self.rows = rows
    }

    static func literal(_ v: SheetCell.Value, date1904: Bool) -> String {
        switch v {
        case .boolean(let b): return b ? "true" : "false"
        case .number(_, .number): return SheetTable.text(v, date1904: date1904)
        case .text(let t):
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") { return trimmed }
            if ["true", "false"].contains(trimmed.lowercased()) { return trimmed.lowercased() }
            return ScenarioWriter.quoted(t)
        default: return ScenarioWriter.quoted(SheetTable.text(v, date1904: date1904))
        }
    }
}
