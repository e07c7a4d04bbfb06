import CXLSXWriter
import Domain
import Foundation

/// A cell's value as a workbook shows it.
public enum CellValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    /// Dollars, shown in currency format.
    case money(Double)
    /// `YYYY-MM-DD`, stored as an Excel date.
    case date(String)
    case boolean(Bool)
    case empty
}

/// One `.xlsx` file written with libxlsxwriter (Debian's 1.1.4, through the
/// system-library module `CXLSXWriter`). Every value is checked here before
/// it reaches C: libxlsxwriter aborts the process on some inputs (long
/// dropdown lists, impossible dates), and the file must never be half
/// written. Used on one thread, from creation to ``close()``.
final class XLSXFile {
    /// Sheet names: at most 31 characters, none of `[]:*?/\`.
    static let sheetNameLength = 31
    /// Characters in one cell.
    static let cellLength = 32_767
    /// Rows of one sheet.
    static let rows = 1_048_576
    /// The creation time every workbook records (2000-01-01T00:00:00Z).
    static let created: time_t = 946_684_800

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private(set) var header, text, money, date: UnsafeMutablePointer<lxw_format>?
    private var closed = false
    let path: String

    init(path: String) throws(WorkbookWriteError) {
        guard let wb = workbook_new(path) else { throw WorkbookWriteError("\(path) could not be created") }
        workbook = wb
        self.path = path
        // A fixed creation time: the same data gives the same bytes.
        var properties = lxw_doc_properties()
        properties.created = Self.created
        workbook_set_properties(wb, &properties)
        header = workbook_add_format(wb)
        format_set_bold(header)
        format_set_bg_color(header, 0xDDEBF7)
        format_set_num_format(header, "@")
        text = workbook_add_format(wb)
        format_set_num_format(text, "@")
        money = workbook_add_format(wb)
        format_set_num_format(money, "$#,##0.00")
        date = workbook_add_format(wb)
        format_set_num_format(date, "yyyy-mm-dd")
    }

    deinit { if !closed { workbook_close(workbook) } }

    /// A new sheet.
    func sheet(_ name: String) throws(WorkbookWriteError) -> XLSXSheet {
        let bad = CharacterSet(charactersIn: "[]:*?/\\")
        guard !name.isEmpty, name.count <= Self.sheetNameLength, name.rangeOfCharacter(from: bad) == nil,
            let ws = workbook_add_worksheet(workbook, name)
        else { throw WorkbookWriteError("the sheet name \"\(name)\" cannot be used") }
        return XLSXSheet(ws, file: self)
    }

    /// Writes the file.
    func close() throws(WorkbookWriteError) {
        closed = true
        let rc = workbook_close(workbook)
        guard rc == LXW_NO_ERROR else {
            throw WorkbookWriteError("\(path) could not be written (\(String(cString: lxw_strerror(rc))))")
        }
    }
}

/// A sheet of an ``XLSXFile``.
struct XLSXSheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    unowned let file: XLSXFile

    init(_ sheet: UnsafeMutablePointer<lxw_worksheet>, file: XLSXFile) {
        self.sheet = sheet
        self.file = file
    }

    /// Writes a value at 0-based `row` and `column`.
    func write(_ value: CellValue, row: Int, column: Int) throws(WorkbookWriteError) {
        guard row < XLSXFile.rows, column < 16_384 else { throw WorkbookWriteError("too many rows or columns") }
        let r = lxw_row_t(row), c = lxw_col_t(column)
        switch value {
        case .empty: return
        case .text(let s):
            guard s.count <= XLSXFile.cellLength else { throw WorkbookWriteError("a text is longer than a cell holds") }
            worksheet_write_string(sheet, r, c, s, file.text)
        case .number(let x) where x.isFinite: worksheet_write_number(sheet, r, c, x, nil)
        case .money(let x) where x.isFinite: worksheet_write_number(sheet, r, c, x, file.money)
        case .number, .money: return
        case .boolean(let b): worksheet_write_boolean(sheet, r, c, b ? 1 : 0, nil)
        case .date(let s):
            guard let d = Self.datetime(s) else {
                worksheet_write_string(sheet, r, c, s, file.text)
                return
            }
            var dt = d
            worksheet_write_datetime(sheet, r, c, &dt, file.date)
        }
    }

    /// A header row at row 0, frozen, with column widths fitted to `widths`.
    func header(_ names: [String], widths: [Int]) throws(WorkbookWriteError) {
        for (c, name) in names.enumerated() {
            guard name.count <= XLSXFile.cellLength else { throw WorkbookWriteError("a header is too long") }
            worksheet_write_string(sheet, 0, lxw_col_t(c), name, file.header)
            let width = Double(min(max(widths.indices.contains(c) ? widths[c] : 8, name.count, 6), 60) + 2)
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width, nil)
        }
        worksheet_freeze_panes(sheet, 1, 0)
    }

    /// Formats a whole column for what it will hold (money, dates, text).
    func format(column: Int, as kind: CellValue, width: Int) {
        let format: UnsafeMutablePointer<lxw_format>?
        switch kind {
        case .money: format = file.money
        case .date: format = file.date
        default: format = file.text
        }
        worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(width), format)
    }

    /// A dropdown on a column's rows 1…`rows` from a range of another sheet
    /// (`=labs!$A$2:$A$1000`): a list formula, never an inline list, which
    /// libxlsxwriter 1.1.4 aborts on past 255 bytes or items.
    func dropdown(column: Int, rows: Int, from range: String) {
        var v = lxw_data_validation()
        v.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
        range.withCString { formula in
            v.value_formula = UnsafeMutablePointer(mutating: formula)
            worksheet_data_validation_range(sheet, 1, lxw_col_t(column), lxw_row_t(rows), lxw_col_t(column), &v)
        }
    }

    /// `YYYY-MM-DD` as libxlsxwriter's date, when it is a real date (the
    /// format's own date reader decides; libxlsxwriter is never handed an
    /// impossible one).
    static func datetime(_ s: String) -> lxw_datetime? {
        guard let d = CalendarDate(s) else { return nil }
        return lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
    }
}

/// Why a workbook could not be written.
public struct WorkbookWriteError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
