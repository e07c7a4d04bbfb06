import Foundation

/// Which cell styles show a number as a date or a time (`xl/styles.xml`):
/// built-in formats 14–22 and 45–47, and custom formats with d, m, y, h or s
/// outside quotes and brackets. A cell's `s` attribute is an index into
/// `cellXfs`.
struct CellStyles {
    enum Kind { case number, date, time, dateTime }

    private var kinds: [Kind] = []

    func kind(_ style: Int?) -> Kind {
        guard let style, style >= 0, style < kinds.count else { return .number }
        return kinds[style]
    }

    static func read(_ data: Data?) -> CellStyles? {
        var styles = CellStyles()
        guard let data else { return styles }
        var custom: [Int: String] = [:]
        var inCellXfs = false
        var formats: [Int] = []
        let ok = XMLElements.walk(
            data,
            start: { name, attributes in
                switch name {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                        custom[id] = code
                    }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            },
            end: { name, _ in if name == "cellXfs" { inCellXfs = false } })
        guard ok else { return nil }
        styles.kinds = formats.map { kind(of: $0, custom: custom[$0]) }
        return styles
    }

    static func kind(of id: Int, custom code: String?) -> Kind {
        switch id {
        case 14...17: return .date
        case 18...21, 45...47: return .time
        case 22: return .dateTime
        default: break
        }
        guard let code else { return .number }
        var plain = ""
        var inQuotes = false, inBrackets = false
        for ch in code.lowercased() {
            if ch == "\"" {
                inQuotes.toggle()
            } else if ch == "[" {
                inBrackets = true
            } else if ch == "]" {
                inBrackets = false
            } else if !inQuotes && !inBrackets {
                plain.append(ch)
            }
        }
        let hasDate = plain.contains("d") || plain.contains("y") || (plain.contains("m") && !plain.contains("h"))
        let hasTime = plain.contains("h") || plain.contains("s")
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return .number
        }
    }
}
