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
///
/// The part is walked once with ``XMLTokens``: `<row r>`, `<c r s t>` with
/// its `<v>`, `<f>` and inline `<is><t>`, and `<mergeCell ref>`; the cell's
/// value is made from its bytes when the cell ends (a shared string by its
/// index, a whole number without a `String` in between), so that a sheet of
/// half a million cells costs no more than its values.
struct SheetCells {
    var cells: [SheetCell] = []
    var merged: [String] = []
    /// A cell or row past ``WorkbookLimits`` (reading stops there).
    var tooLarge = false

    /// The type a cell's `t` attribute gives it.
    enum CellType {
        case number, shared, inline, formulaText, boolean, error, date

        init(_ tokens: XMLTokens, _ range: Range<Int>?) {
            guard let range else {
                self = .number
                return
            }
            if tokens.equal(range, "s") {
                self = .shared
            } else if tokens.equal(range, "inlineStr") {
                self = .inline
            } else if tokens.equal(range, "str") {
                self = .formulaText
            } else if tokens.equal(range, "b") {
                self = .boolean
            } else if tokens.equal(range, "e") {
                self = .error
            } else if tokens.equal(range, "d") {
                self = .date
            } else {
                self = .number
            }
        }
    }

    /// The cell being read.
    struct Pending {
        var type = CellType.number
        var style = CellStyles.Kind.number
        /// The text of `<v>`, when the cell has one (`hasValue`).
        var value: [UInt8] = []
        var hasValue = false
        var formula: String?
        var inline = ""

        /// A new cell, keeping the buffer of the last one.
        mutating func start(_ type: CellType, _ style: CellStyles.Kind) {
            self.type = type
            self.style = style
            value.removeAll(keepingCapacity: true)
            hasValue = false
            formula = nil
            inline = ""
        }
    }

    static func read(_ data: Data, strings: [String], styles: CellStyles) -> SheetCells? {
        data.withUnsafeBytes { raw in
            var tokens = XMLTokens(raw.bindMemory(to: UInt8.self))
            var sheet = SheetCells()
            var row = 0, column = 0
            var cell = Pending()
            cell.value.reserveCapacity(64)
            while true {
                switch tokens.next() {
                case .start:
                    if tokens.named("c") {
                        column = tokens.attribute("r").flatMap { CellReference.column(tokens.bytes, $0) } ?? column + 1
                        cell.start(CellType(tokens, tokens.attribute("t")), styles.kind(tokens.intAttribute("s")))
                    } else if tokens.named("row") {
                        row = tokens.intAttribute("r") ?? row + 1
                        column = 0
                    } else if tokens.named("mergeCell"), let ref = tokens.attributeString("ref") {
                        sheet.merged.append(ref)
                    }
                case .end:
                    if tokens.named("v") {
                        cell.value.removeAll(keepingCapacity: true)
                        cell.value.append(contentsOf: tokens.text)
                        cell.hasValue = true
                    } else if tokens.named("c") {
                        guard row <= WorkbookLimits.rows, column <= WorkbookLimits.columns else {
                            sheet.tooLarge = true
                            return sheet
                        }
                        if let v = value(cell, strings: strings) {
                            sheet.cells.append(SheetCell(row: row, column: column, value: v))
                        }
                    } else if tokens.named("t") {
                        cell.inline += CellText.unescaped(bytes: tokens.text)
                    } else if tokens.named("f") {
                        cell.formula = tokens.textString
                    }
                case .done: return sheet
                case .broken: return nil
                }
            }
        }
    }

    /// A cell's value by its type; `nil` for an empty cell.
    static func value(_ cell: Pending, strings: [String]) -> SheetCell.Value? {
        if let formula = cell.formula, cell.value.isEmpty, cell.type != .inline {
            return .formulaWithoutValue(formula)
        }
        if cell.type == .inline { return .text(cell.inline) }
        guard cell.hasValue else { return nil }
        let bytes = cell.value
        switch cell.type {
        case .shared:
            guard let i = bytes.withUnsafeBufferPointer({ XMLTokens.integer($0, 0..<$0.count) }), i >= 0,
                i < strings.count
            else { return nil }
            return .text(strings[i])
        case .formulaText: return .text(CellText.unescaped(bytes: bytes))
        case .boolean: return .boolean(bytes.elementsEqual("1".utf8) || bytes.elementsEqual("true".utf8))
        case .error: return .error(String(decoding: bytes, as: UTF8.self))
        case .date: return .text(String(decoding: bytes.prefix(10), as: UTF8.self))
        case .number, .inline:
            guard !bytes.isEmpty else { return nil }
            if let whole = bytes.withUnsafeBufferPointer({ XMLTokens.integer($0, 0..<$0.count) }),
                abs(whole) < 1 << 53
            {
                return .number(Double(whole), cell.style)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let number = Double(text) else { return .text(text) }
            return .number(number, cell.style)
        }
    }
}

/// `A1`-style references.
enum CellReference {
    /// The column number of `C14` (3); `nil` when not a reference.
    static func column(of reference: String) -> Int? {
        Array(reference.utf8).withUnsafeBufferPointer { column($0, 0..<$0.count) }
    }

    /// The column number of the reference in bytes `range` (its leading letters).
    static func column(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var n = 0
        for k in range {
            let a = b[k] & 0xDF  // upper case
            guard a >= 65 && a <= 90, b[k] >= 65 else { break }
            n = n * 26 + Int(a - 64)
            guard n <= 1 << 40 else { return nil }
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
