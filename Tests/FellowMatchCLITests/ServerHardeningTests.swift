import Foundation
import TestSupport
import Testing

/// Issue 26: nothing read, written or trusted that should not be. Each test
/// is one finding of the security probe, through the real binary.
@Suite struct ProgramFolderTests {
    let fm = FileManager.default

    /// A secret outside the program's folder, whose first line must never be shown.
    func secret() throws -> URL {
        let dir = CLI.temporary("elsewhere")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("shadow")
        try Data("root:SECRET-HASH:19000:0:99999:7:::\n".utf8).write(to: file)
        return file
    }

    func whatIf(in dir: URL, _ text: String) throws -> URL {
        let file = dir.appendingPathComponent("what-if/probe.toml")
        try Data(text.utf8).write(to: file)
        return file
    }

    func add(from: String) -> String {
        "base = \"..\"\n[[change]]\naction = \"add\"\nfile = \"fellows\"\nfrom = \"\(from)\"\n"
    }

    @Test func aFromOutsideTheProgramIsRefusedAndNeverEchoed() throws {
        let dir = try CLI.demoCopy()
        let shadow = try secret()
        for from in [shadow.path, "../../" + shadow.deletingLastPathComponent().lastPathComponent + "/shadow"] {
            let r = try CLI.run(["check", try whatIf(in: dir, add(from: from)).path])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("is outside the program's folder"), "\(r.stderr)")
            #expect(!r.stderr.contains("SECRET") && !r.stdout.contains("SECRET"))
        }
    }

    @Test func aFromThatIsASymlinkLeadingOutIsRefused() throws {
        let dir = try CLI.demoCopy()
        let link = dir.appendingPathComponent("what-if/more.csv")
        try fm.createSymbolicLink(at: link, withDestinationURL: try secret())
        let r = try CLI.run(["check", try whatIf(in: dir, add(from: "more.csv")).path])
        #expect(r.status == 2 && r.stderr.contains("outside the program's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("SECRET"))
    }

    @Test func aBaseOutsideTheProgramIsRefused() throws {
        let dir = try CLI.demoCopy()
        let other = try CLI.demoCopy()
        for base in ["../..", other.path, "/etc"] {
            let r = try CLI.run(["check", try whatIf(in: dir, "base = \"\(base)\"\n").path])
            #expect(r.status == 2, "\(base): \(r.stderr)")
            #expect(r.stderr.contains("base: ") && r.stderr.contains("outside the program's folder"), "\(r.stderr)")
        }
        // The program's own folder, named by `..`, is allowed.
        #expect(try CLI.run(["check", try whatIf(in: dir, "base = \"..\"\n").path]).status == 0)
    }

    @Test func aScenarioFileLinkedFromOutsideIsNotRead() throws {
        let dir = try CLI.demoCopy()
        let costs = dir.appendingPathComponent("costs.csv")
        try fm.removeItem(at: costs)
        try fm.createSymbolicLink(at: costs, withDestinationURL: try secret())
        let r = try CLI.run(["check", dir.path])
        #expect(r.status == 2 && r.stderr.contains("costs.csv:1: -: is a symbolic link that leads outside"))
        #expect(!r.stderr.contains("SECRET"))
    }
}

/// The output folder knows what it wrote (`manifest.json`) and removes nothing else.
@Suite struct OutputManifestTests {
    let fm = FileManager.default

    func ranOnce() throws -> (scenario: URL, out: URL) {
        let s = try CLI.demoCopy()
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 0, "\(r.stderr)")
        return (s, s.appendingPathComponent("out"))
    }

    /// SHA-256 as coreutils computes it, independently of FellowMatch, as the manifest writes it.
    func sha256sum(_ file: URL) throws -> String { "sha256:" + (try Coreutils.sha256sum(file)) }

    @Test func theManifestListsEveryFileWrittenWithItsSHA256() throws {
        let (_, out) = try ranOnce()
        let data = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(json["files"] as? [String: String])
        let onDisk = try #require(fm.enumerator(atPath: out.path)).compactMap { $0 as? String }
            .filter { $0 != "calendar" && $0 != "letters" && $0 != "manifest.json" }.sorted()
        #expect(files.keys.sorted() == onDisk)
        for (path, hash) in files { #expect(try sha256sum(out.appendingPathComponent(path)) == hash, "\(path)") }
    }

    @Test(arguments: ["calendar/holidays.ics", "comparison.md", "notes.txt"])
    func aUsersFileWithAnyNameStopsTheRerunAndIsKept(_ name: String) throws {
        let (s, out) = try ranOnce()
        try Data("mine".utf8).write(to: out.appendingPathComponent(name))
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 2 && r.stderr.contains("did not write (\(name))"), "\(r.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) == "mine")
    }

    @Test func aFileChangedSinceItWasWrittenStopsTheRerun() throws {
        let (s, out) = try ranOnce()
        let placements = out.appendingPathComponent("placements.csv")
        try Data((try String(contentsOf: placements, encoding: .utf8) + "my note\n").utf8).write(to: placements)
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 2 && r.stderr.contains("changed since FellowMatch wrote them (placements.csv)"))
        #expect(try String(contentsOf: placements, encoding: .utf8).hasSuffix("my note\n"))
    }

    @Test func theFindersFileIsCarriedOverAndAnUnchangedFolderReplaced() throws {
        let (s, out) = try ranOnce()
        try Data("finder".utf8).write(to: out.appendingPathComponent(".DS_Store"))
        try Data("finder".utf8).write(to: out.appendingPathComponent("calendar/.DS_Store"))
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent(".DS_Store"), encoding: .utf8) == "finder")
        #expect(try String(contentsOf: out.appendingPathComponent("calendar/.DS_Store"), encoding: .utf8) == "finder")
    }

    @Test func aFolderWithoutAManifestIsRefusedEvenWithOnlyRunNames() throws {
        let s = try CLI.demoCopy()
        let out = s.appendingPathComponent("out")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("fellow,lab\n".utf8).write(to: out.appendingPathComponent("placements.csv"))
        let r = try CLI.run(["run", s.path])
        #expect(r.status == 2 && r.stderr.contains("has no manifest.json"), "\(r.stderr)")
        #expect(fm.fileExists(atPath: out.appendingPathComponent("placements.csv").path))
        // An empty folder is written into.
        try fm.removeItem(at: out.appendingPathComponent("placements.csv"))
        #expect(try CLI.run(["run", s.path]).status == 0)
    }
}

/// The history is the program's record: forged, damaged, newer or foreign files are refused.
@Suite struct HistoryTrustTests {
    let fm = FileManager.default

    /// A demo copy with one run recorded and published in its own history.
    func publishedHistory() throws -> (scenario: URL, history: String) {
        let s = try CLI.demoCopy()
        let history = CLI.temporary("history").appendingPathExtension("sqlite").path
        #expect(try CLI.run(["run", s.path, "--history", history]).status == 0)
        #expect(try CLI.run(["publish", "1", "--note", "committee", "--history", history]).status == 0)
        return (s, history)
    }

    @Test func aPublishedRunEditedWithSQLiteIsNamedAndTheReMatchStops() throws {
        let (s, history) = try publishedHistory()
        try SQLiteEdit.execute(
            "DROP TRIGGER published_run_is_final; UPDATE placement SET lab = 'lab99' WHERE run_id = 1 AND position = 0",
            in: history)
        for command in [["history"], ["history", "show", "1"], ["run", s.path]] {
            let r = try CLI.run(command + ["--history", history])
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("was changed outside FellowMatch"), "\(r.stderr)")
        }
        try SQLiteEdit.execute(
            "CREATE TRIGGER published_run_is_final BEFORE UPDATE OF status ON run BEGIN SELECT 1; END", in: history)
        let r = try CLI.run(["run", s.path, "--history", history])
        #expect(r.status == 2 && r.stderr.contains("run 1 does not match its seal"), "\(r.stderr)")
        #expect(!r.stdout.contains("Wrote"))
    }

    @Test func aDamagedHistoryStopsTheRunThatNeedsItsOfficialMatch() throws {
        let (s, history) = try publishedHistory()
        var data = try #require(fm.contents(atPath: history))
        data.replaceSubrange(0..<16, with: Data(repeating: 0x41, count: 16))
        try data.write(to: URL(fileURLWithPath: history))
        let r = try CLI.run(["run", s.path, "--history", history])
        #expect(r.status == 2 && r.stderr.contains("is damaged"), "\(r.stderr)")
        #expect(r.stderr.contains("restore it from a backup"))
        #expect(fm.contents(atPath: history) == data)
    }

    @Test func anotherProgramsDatabaseGetsNoTables() throws {
        let s = try CLI.demoCopy()
        let other = CLI.temporary("crm").appendingPathExtension("sqlite").path
        try SQLiteEdit.execute("CREATE TABLE customer (id INTEGER)", in: other)
        let before = fm.contents(atPath: other)
        let r = try CLI.run(["run", s.path, "--history", other])
        #expect(r.stderr.contains("not a FellowMatch history"), "\(r.stderr)")
        #expect(fm.contents(atPath: other) == before)
    }

    @Test func publishPrintsTheLatestSealToKeepElsewhere() throws {
        let s = try CLI.demoCopy()
        let history = CLI.temporary("history").appendingPathExtension("sqlite").path
        #expect(try CLI.run(["run", s.path, "--history", history]).status == 0)
        let r = try CLI.run(["publish", "1", "--note", "committee", "--history", history])
        let head = try SQLiteEdit.value("SELECT hash FROM seal ORDER BY position DESC LIMIT 1", in: history)
        #expect(head?.count == 64 && r.stdout.contains("latest seal is \(head ?? "-")"), "\(r.stdout)")
    }

    @Test func aNewerHistoryIsRefused() throws {
        let (s, history) = try publishedHistory()
        try SQLiteEdit.execute("INSERT INTO grdb_migrations VALUES ('v9: from the future')", in: history)
        let r = try CLI.run(["run", s.path, "--history", history])
        #expect(r.status == 2 && r.stderr.contains("written by a newer FellowMatch"), "\(r.stderr)")
    }
}

/// Calendar file names never collide and are safe on every file system.
@Suite struct CalendarNameTests {
    let fm = FileManager.default

    /// The demo with fellow f001 renamed `id` in every file.
    func demo(renamingF001To id: String) throws -> URL {
        let dir = try CLI.demoCopy()
        for file in try fm.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".csv") {
            let url = dir.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "f001", with: id).utf8).write(to: url)
        }
        return dir
    }

    @Test(arguments: [
        ("program", "fellow-program.ics"), (".", "_.ics"), ("..", "__.ics"), (".hidden", "_hidden.ics"),
        ("CON", "fellow-CON.ics"), ("F002", "F002.ics")
    ])
    func anIdThatIsAFileNameGetsItsOwnSafeCalendar(_ id: String, _ expected: String) throws {
        let dir = try demo(renamingF001To: id)
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let calendar = dir.appendingPathComponent("out/calendar")
        let names = try fm.contentsOfDirectory(atPath: calendar.path)
        #expect(!names.contains { $0.hasPrefix(".") }, "\(names)")
        #expect(names.contains(expected), "\(names)")
        // program.ics still holds every talk of schedule.csv (and every thesis defense of defenses.csv).
        func rows(_ file: String) throws -> Int {
            try String(contentsOf: dir.appendingPathComponent("out/\(file)"), encoding: .utf8)
                .split(separator: "\n").count - 1
        }
        let program = try String(contentsOf: calendar.appendingPathComponent("program.ics"), encoding: .utf8)
        #expect(
            program.components(separatedBy: "BEGIN:VEVENT").count - 1 == (try rows("schedule.csv"))
                + (try rows("defenses.csv")))
        // f001 presents: their calendar names them.
        let own = try String(contentsOf: calendar.appendingPathComponent(expected), encoding: .utf8)
        #expect(own.contains("Priya Raman"))
    }
}

/// What the program shows: no BiDi control from scenario.toml, wide names within 80 columns.
@Suite struct ShownTextTests {
    let fm = FileManager.default

    @Test func aBidiControlInTheScenarioNameReachesNoOutput() throws {
        let dir = try CLI.demoCopy()
        let toml = dir.appendingPathComponent("scenario.toml")
        let text = try String(contentsOf: toml, encoding: .utf8)
        let spoofed = text.replacingOccurrences(of: "name = \"", with: "name = \"Fellows\u{202E}fdp.exe\u{202C} ")
        #expect(spoofed != text)
        try Data(spoofed.utf8).write(to: toml)
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains("scenario.toml:") && r.stderr.contains("name: warning: an invisible character (U+202E"))
        for shown in [r.stdout, r.stderr] { #expect(!shown.unicodeScalars.contains { $0.properties.isBidiControl }) }
        for file in ["report.html", "summary.json", "calendar/program.ics", "calendar/f001.ics"] {
            let data = try #require(fm.contents(atPath: dir.appendingPathComponent("out/\(file)").path))
            let content = String(decoding: data, as: UTF8.self)
            #expect(!content.unicodeScalars.contains { $0.properties.isBidiControl }, "\(file)")
            #expect(content.contains("Fellowsfdp.exe"), "\(file)")
        }
    }

    /// Columns counted independently: CJK ideographs are two, ASCII one.
    func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }

    @Test func wideNamesStayWithinEightyColumns() throws {
        let dir = try CLI.demoCopy()
        let long = String(repeating: "张伟国", count: 12)  // 36 ideographs, 72 columns
        for (file, old) in [
            ("fellows.csv", "Priya Raman"), ("fellows.csv", "Tomasz Wójcik"), ("labs.csv", "Clinical NLP Lab")
        ] {
            let url = dir.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: old, with: long + " " + long).utf8).write(to: url)
        }
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("张伟国"))
        let wide = (r.stdout + r.stderrAsPrinted).split(separator: "\n").filter { columns($0) > 80 }
        #expect(wide.isEmpty, "\(wide.joined(separator: "\n"))")
    }
}

/// Names are text in Markdown outputs, never HTML or markup.
@Suite struct MarkdownOutputTests {
    static let hostile = "<img src=x onerror=alert(1)> *Bob* [link](http://x)"

    func demo() throws -> URL {
        let dir = try CLI.demoCopy()
        let url = dir.appendingPathComponent("fellows.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Priya Raman", with: "\"\(Self.hostile)\"").utf8).write(to: url)
        return dir
    }

    func expectInert(_ md: String) {
        #expect(!md.contains("<img") && md.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(md)")
        #expect(!md.contains(" *Bob*") && md.contains("\\*Bob\\*"))
        #expect(!md.contains("[link](http://x)"))
    }

    @Test func explainsMarkdownEscapesNames() throws {
        let dir = try demo()
        let file = CLI.temporary("explain").appendingPathExtension("md")
        let r = try CLI.run(["explain", dir.path, "--fellow", "f001", "--output", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        expectInert(try String(contentsOf: file, encoding: .utf8))
    }

    @Test func comparisonMarkdownEscapesNames() throws {
        let dir = try demo()
        // A what-if that moves f001: their first choice is withdrawn.
        let whatIf = dir.appendingPathComponent("what-if/move.toml")
        try Data(
            ("base = \"..\"\n[[change]]\naction = \"remove\"\nfile = \"preferences\"\n"
                + "match = { fellow = \"f001\", lab = \"lab01\" }\n").utf8
        ).write(to: whatIf)
        let out = CLI.temporary("compare")
        let r = try CLI.run(["compare", dir.path, whatIf.path, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        expectInert(try String(contentsOf: out.appendingPathComponent("comparison.md"), encoding: .utf8))
    }
}

/// Limits: no hang, no crash.
@Suite struct LimitTests {
    @Test(arguments: [1_000_000_000, 10_001, Int.max])
    func generateBeyondItsLimitIsRefusedWithoutACrash(_ fellows: Int) throws {
        let out = CLI.temporary("generated")
        let r = try CLI.run(["generate", "--fellows", "\(fellows)", "--out", out.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("from 1 to 10000 new fellows"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func tenThousandUnknownKeysAreLocatedInSeconds() throws {
        let dir = try CLI.demoCopy()
        let toml = dir.appendingPathComponent("scenario.toml")
        let keys = (0..<10_000).map { "k\($0) = \($0)\n" }.joined()
        try Data((keys + (try String(contentsOf: toml, encoding: .utf8))).utf8).write(to: toml)
        let start = Date()
        let r = try CLI.run(["check", dir.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 30, "\(seconds) s")
        #expect(r.stderr.contains("scenario.toml:10000: k9999: warning: unknown key"), "\(r.stderr.prefix(2000))")
    }

    @Test func aLineOf200000QuotedStringsIsReadInSeconds() throws {
        let dir = try CLI.demoCopy()
        let toml = dir.appendingPathComponent("scenario.toml")
        let line = "padding = [" + Array(repeating: "\"a\"", count: 200_000).joined(separator: ",") + "]\n"
        try Data((line + (try String(contentsOf: toml, encoding: .utf8))).utf8).write(to: toml)
        let start = Date()
        let r = try CLI.run(["check", dir.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 30, "\(seconds) s")
        #expect(r.stderr.contains("padding"), "\(r.stderr)")
    }
}

/// Flags that contradict each other are refused, not silently resolved.
@Suite struct ContradictoryFlagTests {
    @Test func noHistoryWithHistoryIsRefused() throws {
        let dir = try CLI.demoCopy()
        let history = CLI.temporary("history").appendingPathExtension("sqlite")
        let r = try CLI.run(["run", dir.path, "--no-history", "--history", history.path])
        #expect(r.status == 2 && r.stderr.contains("contradict each other"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: history.path))
    }

    @Test func freshWithKeepIsRefused() throws {
        let dir = try CLI.demoCopy()
        #expect(try CLI.run(["run", dir.path, "--out", dir.appendingPathComponent("first").path]).status == 0)
        let kept = dir.appendingPathComponent("first/placements.csv").path
        let r = try CLI.run(["run", dir.path, "--fresh", "--keep", kept])
        #expect(r.status == 2 && r.stderr.contains("cannot also keep"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        let schedule = dir.appendingPathComponent("first/schedule.csv").path
        let s = try CLI.run(["schedule", dir.path, "--fresh", "--keep", schedule])
        #expect(s.status == 2 && s.stderr.contains("cannot also keep"), "\(s.stderr)")
    }
}

/// summary.json carries every input warning the terminal shows.
@Suite struct SummaryWarningTests {
    @Test func everyInputWarningIsInSummaryJSON() throws {
        let dir = try CLI.demoCopy()
        let toml = dir.appendingPathComponent("scenario.toml")
        try Data(("colour = \"red\"\n" + (try String(contentsOf: toml, encoding: .utf8))).utf8).write(to: toml)
        let fellows = dir.appendingPathComponent("fellows.csv")
        let text = try String(contentsOf: fellows, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Priya Raman", with: "Priya\u{200B} Raman").utf8).write(to: fellows)
        let r = try CLI.run(["run", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out/summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [String])
        let printed = r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        #expect(printed.count >= 2, "\(r.stderr)")
        for line in printed {
            #expect(warnings.contains { line.hasSuffix($0) }, "\(line) not in \(warnings)")
        }
    }
}

/// `check` and `run` agree on what is impossible.
@Suite struct CheckRunAgreementTests {
    func demo(allowUnplaced: Bool, trainingGrant: Int) throws -> URL {
        let dir = try CLI.demoCopy()
        for (file, old, new) in [
            ("scenario.toml", "allow_unplaced = false", "allow_unplaced = \(allowUnplaced)"),
            (
                "funding.csv", "nlm-t15,NLM T15 training grant,,1100000,",
                "nlm-t15,NLM T15 training grant,,\(trainingGrant),"
            )
        ] {
            let url = dir.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        return dir
    }

    @Test(arguments: [(true, 300_000), (false, 300_000), (true, 1_100_000), (true, 0)])
    func checkAndRunGiveTheSameVerdict(_ allowUnplaced: Bool, _ grant: Int) throws {
        let dir = try demo(allowUnplaced: allowUnplaced, trainingGrant: grant)
        let check = try CLI.run(["check", dir.path])
        let run = try CLI.run(["run", dir.path, "--no-history"])
        #expect(check.status == run.status, "check \(check.status), run \(run.status)\n\(check.stdout)\n\(run.stdout)")
        #expect([0, 1].contains(run.status))
    }
}
