import CSV
import Domain
import Testing

@testable import Workbooks

/// The workbook's own reader of FellowMatch's CSV against the general one
/// (the `CSV` package), on random tables as ``CSVWriter`` writes them.
@Suite struct CSVRecordsTests {
    struct Draw {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func cell(_ draw: inout Draw) -> String {
        let pieces = ["a", "Z", "0", "1", ".", " ", ",", "\"", "\n", "\r\n", "é", "中", "🧬", "-", ";", "'"]
        return (0..<draw.below(7)).map { _ in pieces[draw.below(pieces.count)] }.joined()
    }

    static func general(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test func readsWhatTheWriterWroteAsTheGeneralReaderDoes() throws {
        var draw = Draw(state: 4180)
        for round in 0..<400 {
            let columns = 1 + draw.below(6)
            let header = (0..<columns).map { "c\($0)" }
            let rows = (0..<draw.below(12)).map { _ in (0..<columns).map { _ in Self.cell(&draw) } }
            let text = CSVWriter.render(header: header, rows: rows)
            let mine = CSVRecords.parse(text)
            #expect(mine == [header] + rows, "round \(round): \(text.debugDescription)")
            #expect(mine == (try Self.general(text)), "round \(round): \(text.debugDescription)")
        }
    }

    @Test func lineEndsAndALastRecordWithoutOne() {
        #expect(CSVRecords.parse("a,b\r\n1,\"x\"\"y\"\r\n2,") == [["a", "b"], ["1", "x\"y"], ["2", ""]])
        #expect(CSVRecords.parse("") == [])
        #expect(CSVRecords.parse("id\n\"two\nlines\"\n") == [["id"], ["two\nlines"]])
    }
}
