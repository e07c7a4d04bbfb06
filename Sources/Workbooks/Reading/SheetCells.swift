import Foundation

/// One cell as a sheet stores it, located.
struct SheetCell {
    enum Value: Equatable {
        case text(String)
        case number(Double, CellStyles.Kind)
        case boolean(Bool)
        /// `#N/A`, `#DIV/0!`, …
        case error(String)
        /// A formula whose result was never computed and saved.
        case formulaWithoutValue(String)
    }

    /// 1-based row and column.
    var row: Int
    var column: Int
    var value: Value
}

/// A worksheet part read into cells, with its merged ranges. Row and cell
/// references (`r`) are optional in the format: a running counter stands in.
struct SheetCells {
    var cells: [SheetCell] = []
    var merged: [String] = []
    /// A cell or row past ``WorkbookLimits``.
    var tooLarge = false

    static func read(_ data: Data, strings: [String], styles: CellStyles) -> SheetCells? {
        var sheet = SheetCells()
        var row = 0, column = 0
        var type = "n", style: Int?, value: String?, formula: String?, inline = ""
        let ok = XMLElements.walk(
            data,
            start: { name, a in
                switch name {
                case "row":
                    row = a["r"].flatMap(Int.init) ?? row + 1
                    column = 0
                case "c":
                    column = a["r"].flatMap { CellReference.column(of: $0) } ?? column + 1
                    type = a["t"] ?? "n"
                    style = a["s"].flatMap(Int.init)
                    value = nil
                    formula = nil
                    inline = ""
                case "mergeCell": if let ref = a["ref"] { sheet.merged.append(ref) }
                default: break
                }
            },
            end: { name, text in
                switch name {
                case "v": value = text
                case "f": formula = text
                case "t": inline += CellText.unescaped(text)
                case "c":
                    guard row <= WorkbookLimits.rows, column <= WorkbookLimits.columns else {
                        sheet.tooLarge = true
                        return
                    }
                    let v = Self.value(
                        type: type, value: value, formula: formula, inline: inline, style: styles.kind(style),
                        strings: strings)
                    if let v { sheet.cells.append(SheetCell(row: row, column: column, value: v)) }
                default: break
                }
            })
        return ok ? sheet : nil
    }

    /// A cell's value by its type; `nil` for an empty cell.
    static func value(
        type: String, value: String?, formula: String?, inline: String, style: CellStyles.Kind, strings: [String]
    ) -> SheetCell.Value? {
        if let formula, value?.isEmpty ?? true, type != "inlineStr" { return .formulaWithoutValue(formula) }
        switch type {
        case "s":
            guard let i = value.flatMap(Int.init), i >= 0, i < strings.count else { return nil }
            return .text(strings[i])
        case "inlineStr": return .text(inline)
        case "str": return value.map { .text(CellText.unescaped($0)) }
        case "b": return value.map { .boolean($0 == "1" || $0 == "true") }
        case "e": return value.map { .error($0) }
        case "d": return value.map { .text(String($0.prefix(10))) }
        default:
            guard let value, !value.isEmpty else { return nil }
            guard let number = Double(value) else { return .text(value) }
            return .number(number, style)
        }
    }
}

/// `A1`-style references.
enum CellReference {
    /// The column number of `C14` (3); `nil` when not a reference.
    static func column(of reference: String) -> Int? {
        var n = 0
        for ch in reference.uppercased() {
            guard let a = ch.asciiValue else { return nil }
            if a >= 65 && a <= 90 { n = n * 26 + Int(a - 64) } else { break }
        }
        return n > 0 ? n : nil
    }

    /// The letters of column `n` (1 → A, 27 → AA).
    static func letters(_ n: Int) -> String {
        var n = n, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
