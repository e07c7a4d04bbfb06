/// A sheet's contents ready to write: its name, header, fitted column
/// widths and typed cells (``CellValue/empty`` where a cell is empty).
/// Made apart from the file, so a run can make the sheets of its inputs
/// before its placement is known, and write them after.
public struct WorkbookTable: Sendable, Equatable {
    public var sheet: String
    public var header: [String]
    public var widths: [Int]
    public var rows: [[CellValue]]

    /// Writes the table as a new sheet of `file`: the header frozen, then the rows.
    func write(to file: XLSXFile) throws(WorkbookWriteError) {
        let sheet = try file.sheet(self.sheet)
        try sheet.header(header, widths: widths)
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { try sheet.write(cell, row: r + 1, column: c) }
        }
    }
}
