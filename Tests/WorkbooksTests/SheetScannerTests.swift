import Foundation
import Testing

@testable import Workbooks

/// The sheet scanner against a part worked out by hand: references given,
/// lower-case, out of order and absent; shared, inline (rich runs and an
/// escaped line break), numeric, boolean, error and formula cells; a merged
/// range; data below a blank row and beyond the header.
@Suite struct SheetScannerTests {
    let part = """
        <worksheet><sheetData>\
        <row r="1"><c r="B1" t="s"><v>1</v></c><c r="a1" t="s"><v>0</v></c></row>\
        <row r="3"><c r="A3"><v>82000</v></c><c r="B3"><v>0.2</v></c><c r="C3"><v>1E3</v></c>\
        <c r="D3"><v>n/a</v></c></row>\
        <row><c t="inlineStr"><is><r><t>Ana </t></r><r><t>B_x000A_</t></r></is></c><c t="b"><v>1</v></c>\
        <c t="e"><v>#N/A</v></c><c><f>1+1</f></c></row>\
        </sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>
        """

    func cells() throws -> SheetCells {
        let styles = try #require(CellStyles.read(nil))
        return try #require(SheetCells.read(Data(part.utf8), strings: ["id", "name"], styles: styles))
    }

    @Test func cellsAreReadWhereAndAsTheyAre() throws {
        let sheet = try cells()
        let got = sheet.cells.map { "\($0.row),\($0.column)" }
        #expect(got == ["1,2", "1,1", "3,1", "3,2", "3,3", "3,4", "4,1", "4,2", "4,3", "4,4"])
        #expect(
            sheet.cells.map(\.value) == [
                .text("name"), .text("id"), .number(82000, .number), .number(0.2, .number), .number(1000, .number),
                .text("n/a"), .text("Ana B\n"), .boolean(true), .error("#N/A"), .formulaWithoutValue("1+1")
            ])
        #expect(sheet.merged == ["A1:B1"] && !sheet.tooLarge)
    }

    @Test func theTableIsTheCSVTheSheetStandsFor() throws {
        let table = SheetTable(try cells(), file: "fellows.csv", date1904: false)
        #expect(table.text == "id,name\n82000,0.2\n\"Ana B\n\",true\n")
        #expect(table.rows == [1: 1, 2: 3, 3: 4])
        #expect(table.columns == ["id": "A", "name": "B"])
        #expect(
            table.issues.map { "\($0.line) \($0.message)" } == [
                "2 data below the blank row 2", "2 a value in column C, which has no header",
                "2 a value in column D, which has no header", "3 a value in column C, which has no header",
                "3 a value in column D, which has no header"
            ])
    }

    /// Of two cells at one place the later counts, as Excel keeps the last.
    @Test func theLaterOfTwoCellsAtOnePlaceCounts() {
        let cells = [
            SheetCell(row: 1, column: 1, value: .text("id")), SheetCell(row: 2, column: 1, value: .text("a")),
            SheetCell(row: 2, column: 1, value: .text("b"))
        ]
        let table = SheetTable(SheetCells(cells: cells), file: "labs.csv", date1904: false)
        #expect(table.text == "id\nb\n")
    }
}

/// Damaged parts (cut short anywhere, a byte changed anywhere) are read or
/// refused, never a crash: the scanner works on raw bytes.
@Suite struct DamagedPartTests {
    func part(_ path: String) throws -> Data {
        let package = try WorkbookPackage(fixtures.appendingPathComponent("demo-libreoffice.xlsx"), name: "demo")
        return try #require(try package.part(path))
    }

    @Test func aPartCutShortOrChangedIsReadOrRefused() throws {
        let sheet = try part("xl/worksheets/sheet2.xml")
        let strings = try part("xl/sharedStrings.xml")
        let styles = try #require(CellStyles.read(nil))
        #expect(SheetCells.read(sheet, strings: [], styles: styles) != nil)
        #expect(SharedStrings.read(strings)?.isEmpty == false)
        for cut in stride(from: 0, to: sheet.count, by: 37) {
            _ = SheetCells.read(sheet.prefix(cut), strings: [], styles: styles)
        }
        for cut in stride(from: 0, to: strings.count, by: 37) { _ = SharedStrings.read(strings.prefix(cut)) }
        var seed: UInt64 = 2026
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var damaged = sheet
            let at = Int((seed >> 33) % UInt64(damaged.count))
            damaged[at] =
                [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), 0xC3, 0][
                    Int(seed % 6)]
            _ = SheetCells.read(damaged, strings: ["a"], styles: styles)
        }
    }
}
