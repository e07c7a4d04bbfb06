import Foundation
import Testing

/// One hostile edit of a demo file and what the message must say.
struct HostileEdit: Sendable, CustomTestStringConvertible {
    var kind: String
    var file: String
    var edit: @Sendable (Data) -> Data
    var expected: String
    var testDescription: String { kind }

    static func text(_ kind: String, _ file: String, _ expected: String, _ f: @escaping @Sendable (String) -> String)
        -> HostileEdit
    {
        HostileEdit(
            kind: kind, file: file, edit: { Data(f(String(decoding: $0, as: UTF8.self)).utf8) }, expected: expected)
    }

    static func replacing(_ kind: String, _ file: String, _ old: String, _ new: String, _ expected: String)
        -> HostileEdit
    {
        text(kind, file, expected) { $0.replacingOccurrences(of: old, with: new) }
    }

    static let all: [HostileEdit] = [
        // toml++ aborted on these (signal 6).
        text(
            "toml [ then newline", "scenario.toml", "scenario.toml:1: -: is not valid TOML: a table header needs a name"
        ) { "[\n" + $0 },
        text("toml [[", "scenario.toml", "scenario.toml:1: -: is not valid TOML") { "[[\n" + $0 },
        text("toml [[[", "scenario.toml", "scenario.toml:1: -: is not valid TOML") { "[[[\n" + $0 },
        text("toml [#", "scenario.toml", "scenario.toml:1: -: is not valid TOML") { "[#\n" + $0 },
        text("toml [# after CRLF lines", "scenario.toml", "scenario.toml:2: -: is not valid TOML") { _ in "\r\n[#\r\n"
        },
        text("toml [.]", "scenario.toml", "scenario.toml:1: -: is not valid TOML") { "[.]\n" + $0 },
        // Numbers beyond any range trapped.
        .replacing(
            "money 2^63", "funding.csv", ",1100000,", ",9223372036854775808,",
            "funding.csv:2: budget: 9223372036854775808 is more than the largest amount"),
        .replacing(
            "money 1e19", "funding.csv", ",1100000,", ",1e19,",
            "funding.csv:2: budget: 1e19 is more than the largest amount"),
        .replacing("budget 1e17", "funding.csv", ",1100000,", ",100000000000000000,", "funding.csv:2: budget:"),
        .replacing(
            "rank Int.max", "preferences.csv", "f001,lab01,1", "f001,lab01,9223372036854775807",
            "preferences.csv:2: rank: 9223372036854775807 is outside the allowed range"),
        .replacing(
            "mentor_weight 1e300", "scenario.toml", "mentor_weight = 0.2", "mentor_weight = 1e300",
            "objective.mentor_weight: must be a number from 0 to 1000"),
        // Runaway input.
        .replacing(
            "a billion talks", "scenario.toml", "{ status = \"new\", kind = \"wip\", count = 1 }",
            "{ kind = \"wip\", count = 1000000000 }",
            "seminars.talks: count must be a whole number from 1 to 10"),
        text("1,000 talks entries", "scenario.toml", "seminars.talks: has 1002 entries") {
            $0.replacingOccurrences(
                of: "  { status = \"new\", kind = \"wip\", count = 1 },\n",
                with: String(repeating: "  { status = \"new\", kind = \"wip\", count = 1 },\n", count: 1000))
        },
        text("5,000 track tables", "scenario.toml", "tracks: 5002 [tracks.NAME] tables; at most 100") {
            $0 + (0..<5000).map { "[tracks.t\($0)]\nmax_new = 3\n" }.joined()
        },
        .replacing(
            "a 2 MB scenario name", "scenario.toml", "name = \"",
            "name = \"" + String(repeating: "N", count: 2_000_000), "name: is 2000033 characters long"),
        .replacing(
            "a 300-character id", "labs.csv", "lab01,", String(repeating: "x", count: 300) + ",",
            "labs.csv:2: id: the id is 300 characters long"),
        // Silent misreadings.
        HostileEdit(
            kind: "NUL byte in scenario.toml", file: "scenario.toml",
            edit: { d in d.prefix(200) + Data([0]) + d.dropFirst(200) },
            expected: "scenario.toml:3: -: contains a NUL byte"),
        HostileEdit(
            kind: "UTF-16 without BOM", file: "scenario.toml",
            edit: { d in Data(String(decoding: d, as: UTF8.self).data(using: .utf16LittleEndian)!) },
            expected: "scenario.toml:1: -: contains a NUL byte"),
        .replacing(
            "year 0000", "sessions.csv", "s01,2026-", "s01,0000-",
            "sessions.csv:2: date: year 0000 is outside 1900–2999"),
        .replacing(
            "escape in a cell", "labs.csv", "Lab", "La\u{1B}[2Jb",
            "labs.csv:2: name: contains a control character (U+001B)"),
        .replacing(
            "escape in the scenario name", "scenario.toml", "name = \"", "name = \"\\u001b[2J",
            "scenario.toml:4: name: contains a control character")
    ]
}

/// Hostile input and options end cleanly (issue 15): exit 2 naming the file,
/// line and column, nothing written; never a trap or an abort.
@Suite struct HostileInputTests {
    @Test(arguments: HostileEdit.all)
    func hostileEditIsLocatedAndWritesNothing(_ h: HostileEdit) throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent(h.file)
        try h.edit(try Data(contentsOf: url)).write(to: url)
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 2, "\(h.kind): exit \(r.status)\n\(r.stderr.prefix(600))")
        #expect(r.stderr.contains(h.expected), "\(r.stderr.prefix(600))")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        #expect(!r.stderr.contains("\u{1B}"))
        #expect(r.stderr.count < 20_000)
    }

    @Test func aTinyTimeLimitNeverTrapsAndWritesValidJSON() throws {
        let dir = try CLI.demoCopy()
        let r = try CLI.run(["run", dir.path, "--time-limit", "0.001"])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out/summary.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(json?["status"] != nil && json?["rank_profile"] != nil)
    }

    @Test(arguments: [["schedule"], ["compare"], ["run"]])
    func aZeroTimeLimitIsAUsageError(_ command: [String]) throws {
        let dir = try CLI.demoCopy()
        let r = try CLI.run(command + [dir.path, "--time-limit", "0"])
        #expect(r.status == 2 && r.stderr.contains("--time-limit must be more than 0"))
    }

    @Test func aFloodOfBadRowsGivesABoundedList() throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("preferences.csv")
        let rows = String(repeating: "f001,lab01,x\n", count: 50_000)
        try Data((try String(contentsOf: url, encoding: .utf8) + rows).utf8).write(to: url)
        let r = try CLI.run(["check", dir.path])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count < 100, "\(lines.count) lines")
        #expect(r.stderr.contains("more problems in this column"))
        #expect(r.stderr.contains("problems in"))
    }

    @Test func danglingAndLoopingSymlinksToOptionalFilesAreErrors() throws {
        let dir = try CLI.demoCopy()
        let costs = dir.appendingPathComponent("costs.csv")
        try FileManager.default.removeItem(at: costs)
        try FileManager.default.createSymbolicLink(atPath: costs.path, withDestinationPath: "nowhere.csv")
        let r = try CLI.run(["check", dir.path])
        #expect(
            r.status == 2 && r.stderr.contains("costs.csv:1: -: is a symbolic link to something that does not exist"))
        try FileManager.default.removeItem(at: costs)
        try FileManager.default.createSymbolicLink(atPath: costs.path, withDestinationPath: "costs.csv")
        #expect(try CLI.run(["check", dir.path]).stderr.contains("costs.csv:1: -: is a symbolic link"))
    }

    @Test func aMissingColumnIsOneProblemNotACascade() throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("fellows.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let i = lines[0].firstIndex(of: "citizenship")!
        let text = lines.map { row in
            row.enumerated().filter { $0.offset != i }.map { String($0.element) }.joined(separator: ",")
        }.joined(separator: "\n")
        try Data((text + "\n").utf8).write(to: url)
        let r = try CLI.run(["check", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("fellows.csv:1: citizenship: the column is missing"))
        #expect(r.stderr.contains("1 problem in"), "\(r.stderr)")
    }

    @Test func anInvisibleCharacterInACellIsRemovedWithAWarningNamingTheCell() throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("rules.csv")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "lab07,m13,", with: "lab07,m13\u{200B},")
        try Data(text.utf8).write(to: url)
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("rules.csv:2: mentor: warning: an invisible character (U+200B) was removed"))
        let placements = try String(contentsOf: dir.appendingPathComponent("out/placements.csv"), encoding: .utf8)
        #expect(placements.contains("f011,new,lab07,m13,"))
    }

    @Test func aSpreadsheetFormulaInARoomIsNeutralisedInScheduleCSV() throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("sessions.csv")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "Conference Room 403", with: "=cmd|' /C calc'!A0")
        try Data(text.utf8).write(to: url)
        #expect(try CLI.run(["run", dir.path]).status == 0)
        let schedule = try String(contentsOf: dir.appendingPathComponent("out/schedule.csv"), encoding: .utf8)
        #expect(schedule.contains(",'=cmd|' /C calc'!A0,"))
        #expect(!schedule.contains(",=cmd"))
    }

    @Test func anEscapeInTheFolderNameIsShownNotExecuted() throws {
        let base = try CLI.demoCopy()
        let odd = base.deletingLastPathComponent().appendingPathComponent("demo\u{1B}[2J-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: base, to: odd)
        let r = try CLI.run(["run", odd.path])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))
        #expect(r.stdout.contains("\\u{1B}"))
    }

    @Test func aScheduleThatCannotBeMadeSaysSoAtTheTopOfSummaryJSONWithTheRealCause() throws {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("sessions.csv")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: ",2,wip", with: ",0,wip")
        try Data(text.utf8).write(to: url)
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 1)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/summary.json")))
            as? [String: Any]
        #expect(json?["status"] as? String == "infeasible")
        #expect(json?["placement_status"] as? String == "optimal")
        #expect((json?["result"] as? String)?.contains("no seminar schedule") == true)
        let explanation = ((json?["schedule"] as? [String: Any])?["explanation"] as? [String]) ?? []
        #expect(explanation.contains { $0.contains("capacity 0") })
        #expect(!explanation.contains { $0.contains("allows wip talks (add") })
    }

    @Test func whatIfChangeWarningsArePrintedAndCompareNeverSaysWroteAfterAFailure() throws {
        let dir = try CLI.demoCopy()
        let whatIf = dir.appendingPathComponent("what-if/typo.toml")
        try Data(
            "base = \"..\"\n[[change]]\naction = \"modify\"\nfile = \"funding\"\nid = \"nlm-t15\"\nset = { budget = 1000000 }\ncolour = \"red\"\n"
                .utf8
        ).write(to: whatIf)
        let r = try CLI.run(["compare", dir.path, whatIf.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("colour"))
        // An output folder FellowMatch may not replace: no "Wrote".
        let out = dir.appendingPathComponent("what-if/out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("mine.txt"))
        let refused = try CLI.run(["compare", dir.path, whatIf.path])
        #expect(refused.status == 2 && !refused.stdout.contains("Wrote"))
    }

    @Test func cutsIsValidatedAsItsOwnType() throws {
        let dir = try CLI.demoCopy()
        #expect(try CLI.run(["run", dir.path, "--cuts", "gomory,bogus"]).status == 2)
        #expect(try CLI.run(["run", dir.path, "--cuts", "all"]).status == 0)
        #expect(try CLI.run(["compare", dir.path, "--cuts", "none"]).status == 0)
    }
}
