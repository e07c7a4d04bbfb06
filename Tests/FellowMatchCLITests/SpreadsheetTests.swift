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
            .split(whereSeparator: \.isNewline).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
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

    /// The findings printed on standard output ("Warning: ..." and "Problem: ..."), each joined into one line.
    var findings: [String] {
        var out: [String] = []
        var inFinding = false
        for line in stdout.split(separator: "\n").map(String.init) {
            if line.hasPrefix("Warning: ") || line.hasPrefix("Problem: ") {
                out.append(line)
                inFinding = true
            } else if inFinding && line.hasPrefix("  ") {
                out[out.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                inFinding = false
            }
        }
        return out
    }

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
                "fellows.csv:1: -: warning: the column \"notes\" is not read (ignored) (the columns read here are id, name, track, citizenship, status, lab, mentor, interests, cost, external_funding, withdrawn_on, experience, start_on, email, defend_by; rename a column that was meant as one of them)"
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

/// A demo copy saved as a US or a European spreadsheet program saves it.
enum Spreadsheet {
    /// Headers capitalised with spaces, money as `$73,000`, session dates as
    /// `9/10/2026` and times as `12:00 PM`.
    static func us(_ dir: URL) throws {
        try Sheet.edit(dir, "fellows.csv") {
            $0.header = $0.header.map { $0.replacingOccurrences(of: "_", with: " ").capitalized }
            $0.map("Cost") {
                "$" + Int($0)!.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
            }
        }
        try Sheet.edit(dir, "sessions.csv") {
            $0.map("date") { iso in
                let p = iso.split(separator: "-").map { Int($0)! }
                return "\(p[1])/\(p[2])/\(p[0])"
            }
            for column in ["start", "end"] {
                $0.map(column) { hhmm in
                    let p = hhmm.split(separator: ":").map { Int($0)! }
                    return "\((p[0] + 11) % 12 + 1):\(p[1] < 10 ? "0" : "")\(p[1]) \(p[0] >= 12 ? "PM" : "AM")"
                }
            }
        }
    }

    /// Every CSV file semicolon-separated, dates as `10.9.2026`, money as `73 000`.
    static func european(_ dir: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
        for file in files {
            var sheet = try Sheet(dir, file)
            if sheet.header.contains("date") {
                sheet.map("date", when: { !$0[1].isEmpty }) { iso in
                    let p = iso.split(separator: "-").map { Int($0)! }
                    return "\(p[2]).\(p[1]).\(p[0])"
                }
            }
            if file == "fellows.csv" { sheet.map("cost") { "\($0.dropLast(3)) \($0.suffix(3))" } }
            try sheet.save(dir, file, separator: ";")
        }
    }

    static func placements(_ dir: URL) throws -> String {
        let r = try CLI.run(["run", dir.path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOf: dir.appendingPathComponent("out/placements.csv"), encoding: .utf8)
    }
}

@Suite struct SpreadsheetFormCLITests {
    @Test func aUSSpreadsheetsIntakeIsReadToTheSamePlacements() throws {
        let dir = try CLI.demoCopy()
        try Spreadsheet.us(dir)
        try Data(
            (try String(contentsOf: dir.appendingPathComponent("scenario.toml"), encoding: .utf8)
                + "\n[input]\ndate_order = \"month-first\"\n").utf8
        ).write(to: dir.appendingPathComponent("scenario.toml"))
        let c = try Checked(dir)
        #expect(c.status == 0 && c.problems.isEmpty, "\(c.problems)")
        #expect(try Spreadsheet.placements(dir) == Spreadsheet.placements(try CLI.demoCopy()))
    }

    @Test func anAmbiguousDateIsOneErrorSayingHowToSetTheOrder() throws {
        let dir = try CLI.demoCopy()
        try Spreadsheet.us(dir)
        let c = try Checked(dir)
        #expect(c.status == 2)
        #expect(
            c.problems == [
                "sessions.csv:2: date: \"9/10/2026\" could be Thu 10 Sep 2026 (month first) or Fri 9 Oct 2026 (day first) (say which in scenario.toml: [input] date_order = \"month-first\" (US) or \"day-first\"; 14 more dates are ambiguous in this column)"
            ])
    }

    @Test func aEuropeanSpreadsheetsIntakeIsReadToTheSamePlacements() throws {
        let dir = try CLI.demoCopy()
        try Spreadsheet.european(dir)
        let c = try Checked(dir)
        #expect(c.status == 0 && c.problems.isEmpty, "\(c.problems)")
        #expect(try Spreadsheet.placements(dir) == Spreadsheet.placements(try CLI.demoCopy()))
    }

    @Test func aWindows1252FileIsReadWithAWarningQuotingItsFirstAccentedLine() throws {
        let dir = try CLI.demoCopy()
        var fellows = try Sheet(dir, "fellows.csv")
        fellows.map("name") { $0.allSatisfy(\.isASCII) ? $0 : "Name" }
        fellows.set("f001", "name", "Renée Côté")
        try fellows.save(dir, "fellows.csv", encoding: .windowsCP1252)
        let c = try Checked(dir)
        #expect(c.status == 0)
        #expect(
            c.problems == [
                "fellows.csv:2: -: warning: is not UTF-8; read as Windows-1252 (Excel's \"CSV (Comma delimited)\"), so this line reads \"f001,Renée Côté,clinical,citizen,new,,,clinical-nlp;sepsis,7…\" (if the letters are wrong, save the file as CSV UTF-8; saving it so also silences this)"
            ])
    }

    @Test func aFileThatCannotBeSplitIsOneErrorAndItsIdsRaiseNoOthers() throws {
        let dir = try CLI.demoCopy()
        try Sheet.edit(dir, "sessions.csv") { $0.set("s03", "room", "Room \"B\" 12") }
        var text = try String(contentsOf: dir.appendingPathComponent("sessions.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Room \"\"B\"\" 12\"", with: "Room \"B\" 12")
        try Data(text.utf8).write(to: dir.appendingPathComponent("sessions.csv"))
        let line = try Sheet(dir, "sessions.csv").line("s03")
        let c = try Checked(dir)
        #expect(c.status == 2)
        #expect(
            c.problems == [
                "sessions.csv:\(line): -: a double quote inside an unquoted field (enclose the whole field in double quotes and double any quote inside it)"
            ])
    }

    @Test func aFileThatCannotBeDecodedIsOneErrorAtItsLineAndItsIdsRaiseNoOthers() throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("fellows.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { Data($0.utf8) }
        lines[4] += Data([0x81])  // a byte no Windows encoding defines, on line 5
        try Data(lines.joined(separator: Data([0x0A]))).write(to: url)
        let c = try Checked(dir)
        #expect(c.status == 2)
        #expect(
            c.problems == [
                "fellows.csv:5: -: is not UTF-8 text (first on this line) (save it as CSV UTF-8 from your spreadsheet program)"
            ])
    }

    @Test func aSessionWithABadDateStillCountsForReferencesToIt() throws {
        let dir = try CLI.demoCopy()
        let availability = try Sheet(dir, "availability.csv")
        let referenced = try #require(availability.rows.map { $0[2] }.first { !$0.isEmpty })
        var line = 0
        try Sheet.edit(dir, "sessions.csv") {
            $0.set(referenced, "date", "2026-13-01")
            line = $0.line(referenced)
        }
        let c = try Checked(dir)
        #expect(c.status == 2)
        #expect(
            c.problems == [
                "sessions.csv:\(line): date: \"2026-13-01\" is not a date (write YYYY-MM-DD, e.g. 2026-09-15)"
            ])
    }
}

/// Each planted change that used to pass without a word now gives a warning
/// in `check` naming it, and nothing else new.
@Suite struct SilentChangeTests {
    static let demoFindings: [String] = { (try? Checked(try CLI.demoCopy()).findings) ?? [] }()

    func check(_ edit: (URL) throws -> Void) throws -> (problems: [String], findings: [String]) {
        let dir = try CLI.demoCopy()
        try edit(dir)
        let c = try Checked(dir)
        #expect(c.status == 0, "\(c.stdout)")
        return (c.problems, c.findings.filter { !Self.demoFindings.contains($0) })
    }

    @Test func runAndTheReportListTheLabsAnInterestTypoCosts() throws {
        let dir = try CLI.demoCopy()
        try Sheet.edit(dir, "fellows.csv") { $0.set("f001", "interests", "clinical nlp;sepsis") }
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 0)
        let expected =
            "Priya Raman (f001) cannot go to 2 labs they ranked: rank 2: Machine Learning for Health Lab (lab09)"
        #expect(r.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("Warning: " + expected), "\(r.stdout)")
        let report = try String(contentsOf: dir.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(report.contains(expected))
        #expect(r.stderr.contains("fellows.csv:2: interests: warning: \"clinical nlp\" appears nowhere else"))
    }

    @Test func anUnknownOptionalColumnIsNamed() throws {
        let r = try check {
            try Sheet.edit($0, "labs.csv") { $0.add(column: "Website") { "https://lab\($0).example" } }
        }
        #expect(
            r.problems == [
                "labs.csv:1: -: warning: the column \"Website\" is not read (ignored) (the columns read here are id, name, institution, areas, capacity; rename a column that was meant as one of them)"
            ])
        #expect(r.findings.isEmpty, "\(r.findings)")
    }

    @Test func anInterestTypoIsNamedWithTheLabsItCosts() throws {
        var line = 0
        let r = try check { dir in
            try Sheet.edit(dir, "fellows.csv") {
                $0.set("f001", "interests", "clinical nlp;sepsis")
                line = $0.line("f001")
            }
        }
        #expect(
            r.problems == [
                "fellows.csv:\(line): interests: warning: \"clinical nlp\" appears nowhere else; did you mean clinical-nlp (used 8 times)? (areas and interests match only when spelled alike (rule 3); correct it, or ignore this if it is a different area)"
            ])
        // lab09 is funded for clinical-nlp among others, and not for sepsis: f001 loses it (rule 3).
        #expect(
            r.findings.count == 1
                && r.findings[0].hasPrefix(
                    "Warning: Priya Raman (f001) cannot go to 2 labs they ranked: rank 2: Machine Learning for Health Lab (lab09) is funded for imaging-ai, clinical-nlp, causal-inference, none of Priya Raman (f001)'s interests (clinical nlp, sepsis)"
                ), "\(r.findings)")
    }

    @Test func aRankedLabWithCapacityZeroIsNamed() throws {
        let r = try check { dir in
            try Sheet.edit(dir, "labs.csv") { $0.rows.append(["lab13", "Closed Lab", "X", "clinical-nlp", "0"]) }
            try Sheet.edit(dir, "mentors.csv") { $0.rows.append(["m99", "Dr. X", "lab13", "clinical-nlp", "1", ""]) }
            try Sheet.edit(dir, "preferences.csv") { $0.rows.append(["f001", "lab13", "4"]) }
        }
        #expect(r.problems.isEmpty, "\(r.problems)")
        #expect(
            r.findings == [
                "Warning: Priya Raman (f001) cannot go to 2 labs they ranked: rank 3: Patient Safety Informatics Lab (lab11) is funded for patient-safety, decision-support, none of Priya Raman (f001)'s interests (clinical-nlp, sepsis) (rule 3 in docs/scenario-format.md); rank 4: Closed Lab (lab13) has capacity 0 in labs.csv (rule 4 in docs/scenario-format.md)."
            ])
    }

    @Test func anAbsenceOnADateWithNoSessionIsNamed() throws {
        let r = try check {
            try Sheet.edit($0, "availability.csv") {
                $0.map("date", when: { $0[1] == "2026-10-01" }) { _ in "2026-10-02" }
            }
        }
        #expect(
            r.problems == [
                "availability.csv:2: date: warning: no session is held on Fri 2 Oct 2026, so this absence blocks nothing (check the date; the nearest session is on Thu 1 Oct 2026)"
            ])
        #expect(r.findings.isEmpty)
    }

    @Test func aTrackSpelledDifferentlyIsNamed() throws {
        var line = 0
        let r = try check { dir in
            try Sheet.edit(dir, "fellows.csv") {
                $0.set("f003", "track", "Population Health")
                line = $0.line("f003")
            }
        }
        #expect(
            r.problems == [
                "fellows.csv:\(line): track: warning: track \"Population Health\" (1 fellow) is close to \"population-health\" (6 fellows) (did you mean population-health? tracks match only when spelled alike)"
            ])
        #expect(r.findings.isEmpty)
    }
}
