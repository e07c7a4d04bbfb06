import Foundation
import Testing

/// One file of a demo copy as a spreadsheet holds it: a header and rows of
/// cells, edited and saved the way a spreadsheet program writes CSV.
struct Sheet {
    var header: [String]
    var rows: [[String]]

    /// Reads `file` of `folder` (the demo's files hold no quoted cells).
    init(_ folder: URL, _ file: String) throws {
        let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        header = lines[0]
        rows = Array(lines.dropFirst())
    }

    func index(_ column: String) -> Int { header.firstIndex(of: column)! }

    mutating func rename(_ column: String, to name: String) { header[index(column)] = name }

    mutating func add(column: String, _ value: (Int) -> String) {
        header.append(column)
        for i in rows.indices { rows[i].append(value(i)) }
    }

    /// Changes `column` in every row where `when` holds.
    mutating func map(_ column: String, when: ([String]) -> Bool = { _ in true }, _ f: (String) -> String) {
        let c = index(column)
        for i in rows.indices where when(rows[i]) { rows[i][c] = f(rows[i][c]) }
    }

    /// The row whose first cell is `id`.
    mutating func set(_ id: String, _ column: String, _ value: String) {
        map(column, when: { $0[0] == id }) { _ in value }
    }

    /// The line (1 = header) of the row whose first cell is `id`.
    func line(_ id: String) -> Int { rows.firstIndex { $0[0] == id }! + 2 }

    /// The CSV text, quoting a cell that holds the separator or a quote, CRLF line ends.
    func text(separator: String = ",") -> String {
        func cell(_ s: String) -> String {
            s.contains(separator) || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows).map { $0.map(cell).joined(separator: separator) + "\r\n" }.joined()
    }

    func save(_ folder: URL, _ file: String, separator: String = ",", encoding: String.Encoding = .utf8) throws {
        try text(separator: separator).data(using: encoding)!.write(to: folder.appendingPathComponent(file))
    }

    /// Edits `file` of `folder` in place.
    static func edit(_ folder: URL, _ file: String, _ change: (inout Sheet) -> Void) throws {
        var sheet = try Sheet(folder, file)
        change(&sheet)
        try sheet.save(folder, file)
    }
}

/// What `check` printed: its exit status and the problem lines (errors and
/// warnings), each without the folder's path.
struct Checked {
    var status: Int32
    var problems: [String]
    var stdout: String

    init(_ folder: URL, command: String = "check") throws {
        let r = try CLI.run([command, folder.path])
        status = r.status
        stdout = r.stdout
        problems = r.stderr.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix(folder.path + "/") }
            .map { String($0.dropFirst(folder.path.count + 1)) }
    }
}

@Suite struct SpreadsheetTests {
    @Test func aTypedHeaderWithASpaceIsItsColumnAndAnUnknownOneIsNamedOnce() throws {
        let dir = try CLI.demoCopy()
        try Sheet.edit(dir, "fellows.csv") {
            $0.rename("external_funding", to: "External Funding")
            $0.rename("id", to: "ID")
            $0.add(column: "notes") { "note \($0)" }
        }
        let c = try Checked(dir)
        #expect(c.status == 0)
        #expect(
            c.problems == [
                "fellows.csv:1: -: warning: the column \"notes\" is not read (ignored) (the columns read here are id, name, track, citizenship, status, lab, mentor, interests, cost, external_funding, withdrawn_on; rename a column that was meant as one of them)"
            ])
        // Without the fellows' external funding the demo is $41,000 short (rule 5).
        #expect(c.stdout.hasSuffix("No problem found before solving.\n"), "\(c.stdout)")
    }

    @Test func aMistypedHeaderIsOneErrorWithDidYouMean() throws {
        let dir = try CLI.demoCopy()
        try Sheet.edit(dir, "fellows.csv") { $0.rename("external_funding", to: "externl funding") }
        let c = try Checked(dir)
        #expect(c.status == 2)
        #expect(
            c.problems == [
                "fellows.csv:1: externl funding: unknown column \"externl funding\" (did you mean external_funding? rename the header to external_funding)"
            ])
    }
}
