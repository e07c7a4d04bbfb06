import Foundation
import TestSupport
import Testing

/// End-to-end tests of the real `fellowmatch` binary.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (SwiftPM builds it for this test target).
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("fellowmatch")
    }

    struct Output {
        var status: Int32
        var stdout: String
        /// Standard error with wrapped messages joined again (continuation
        /// lines start with four spaces), so a test can look for a phrase.
        var stderr: String { stderrAsPrinted.replacingOccurrences(of: "\n    ", with: " ") }
        /// Standard error exactly as printed (80 columns).
        var stderrAsPrinted: String
    }

    /// Runs the binary in `folder` (default: the repository). `ownHistory`
    /// false: the history is found as a user's would be (no environment).
    static func run(_ arguments: [String], in folder: URL? = nil, ownHistory: Bool = true) throws -> Output {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = folder ?? root
        // Each run gets a history of its own unless the test names one, so
        // tests never record into (or re-match against) the repository's.
        var environment = ProcessInfo.processInfo.environment
        environment["FELLOWMATCH_HISTORY"] = nil
        if ownHistory && !arguments.contains("--history") {
            environment["FELLOWMATCH_HISTORY"] = temporary("history").appendingPathExtension("sqlite").path
        }
        p.environment = environment
        // Standard error goes to a file, so a command that prints much to both never blocks on a full pipe.
        let out = Pipe()
        let errFile = temporary("stderr")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errFile)
        defer { try? FileManager.default.removeItem(at: errFile) }
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try err.close()
        let e = try Data(contentsOf: errFile)
        return Output(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderrAsPrinted: String(decoding: e, as: UTF8.self))
    }

    /// Starts the binary without waiting and without its output (for runs
    /// at the same time); the environment is the test's own but for
    /// `FELLOWMATCH_HISTORY` (a developer's own history is never written).
    static func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FELLOWMATCH_HISTORY"] = nil
        p.environment = environment
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// A fresh path in the test run's scratch folder (removed when the run ends).
    static func temporary(_ name: String) -> URL { Scratch.path(name) }

    /// A copy of the demo scenario with one file replaced.
    static func demoCopy(replacing file: String? = nil, with text: String = "") throws -> URL {
        let dir = temporary("scenario")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Scenarios/demo"), to: dir)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("out"))
        if let file { try Data(text.utf8).write(to: dir.appendingPathComponent(file)) }
        return dir
    }
}

/// One kind of bad input: the file to replace, its new text, and the location the message must name.
struct BadInput: Sendable, CustomTestStringConvertible {
    var kind: String
    var file: String
    var text: String?
    var expected: String
    var testDescription: String { kind }

    static let all: [BadInput] = [
        BadInput(
            kind: "missing file", file: "mentors.csv", text: nil, expected: "mentors.csv:1: -: the file is missing"),
        BadInput(
            kind: "missing column", file: "labs.csv", text: "id,areas\nlab01,clinical-nlp\n",
            expected: "labs.csv:1: capacity: the column is missing"),
        BadInput(
            kind: "bad number", file: "labs.csv", text: "id,areas,capacity\nlab01,clinical-nlp,x\n",
            expected: "labs.csv:2: capacity:"),
        BadInput(
            kind: "duplicate id", file: "funding.csv",
            text: "id,lab,budget,citizens_only\nnlm-t15,,1100000,true\nnlm-t15,,5,false\n",
            expected: "funding.csv:3: id: duplicate"),
        BadInput(
            kind: "unknown reference", file: "rules.csv", text: "fellow,lab,mentor,rule,reason\nf001,lab99,,lock,x\n",
            expected: "rules.csv:2: lab: unknown lab \"lab99\""),
        BadInput(
            kind: "continuing fellow without a lab", file: "fellows.csv",
            text:
                "id,track,citizenship,status,lab,mentor,interests,cost\nf1,clinical,citizen,continuing,,m01,clinical-nlp,70000\n",
            expected: "fellows.csv:2: lab: a continuing fellow needs their lab"),
        BadInput(
            kind: "mentor of another lab", file: "fellows.csv",
            text:
                "id,track,citizenship,status,lab,mentor,interests,cost\nf1,clinical,citizen,continuing,lab01,m05,clinical-nlp,70000\n",
            expected: "fellows.csv:2: mentor: mentor m05 is in lab lab03, not in lab01"),
        BadInput(
            kind: "negative budget", file: "funding.csv", text: "id,lab,budget\nnlm-t15,,-100\n",
            expected: "funding.csv:2: budget: -100 is negative"),
        BadInput(
            kind: "negative capacity", file: "labs.csv", text: "id,areas,capacity\nlab01,clinical-nlp,-2\n",
            expected: "labs.csv:2: capacity:"),
        BadInput(
            kind: "new fellow without preferences", file: "preferences.csv", text: "fellow,lab,rank\n",
            expected: "fellows.csv:2: id: new fellow f001 has no preferences"),
        BadInput(
            kind: "unknown objective kind", file: "scenario.toml",
            text: "name = \"x\"\n[objective]\nkind = \"fastest\"\n",
            expected: "scenario.toml:3: objective.kind: unknown objective kind \"fastest\""),
        BadInput(
            kind: "malformed quoting", file: "labs.csv", text: "id,areas,capacity\nlab01,\"clinical-nlp\"x,3\n",
            expected: "labs.csv:2: -: text after the closing quote")
    ]
}

@Suite(.serialized) struct CLITests {
    @Test(arguments: BadInput.all)
    func everyKindOfBadInputIsLocatedAndWritesNothing(_ bad: BadInput) throws {
        let scenario = try CLI.demoCopy()
        defer { try? FileManager.default.removeItem(at: scenario) }
        let target = scenario.appendingPathComponent(bad.file)
        if let text = bad.text {
            try Data(text.utf8).write(to: target)
        } else {
            try FileManager.default.removeItem(at: target)
        }
        let out = scenario.appendingPathComponent("out")
        let r = try CLI.run(["run", scenario.path, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(scenario.path + "/" + bad.expected), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    let fm = FileManager.default

    @Test func demoRunWritesPlacementsAndSummary() throws {
        let out = CLI.temporary("out")
        defer { try? fm.removeItem(at: out) }
        let r = try CLI.run(["run", "Scenarios/demo", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("All 16 new fellows placed: 14 at their first choice and 2 at their second."))
        #expect(r.stdout.contains("Proved the best possible placement"))
        #expect(r.stdout.contains("Priya Raman (f001) → Clinical NLP Lab"))
        let csv = try String(contentsOf: out.appendingPathComponent("placements.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("fellow,status,lab,mentor,rank,funding,fellow_name,lab_name,mentor_name\n"))
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as! [String: Any]
        #expect(summary["status"] as? String == "optimal")
        for key in ["objective", "bound", "gap", "solve_seconds", "rank_profile", "unplaced"] {
            #expect(summary[key] != nil, "\(key)")
        }
        // The demo has sessions.csv: the schedule and calendars come with the run.
        #expect(r.stdout.contains("Seminars: 40 talks in 33 sessions"))
        let schedule = try String(contentsOf: out.appendingPathComponent("schedule.csv"), encoding: .utf8)
        #expect(
            schedule.hasPrefix(
                "session,date,start,end,room,fellow,kind,mentor,fellow_name,mentor_name,lab,lab_name,sequence\n"))
        let program = try String(contentsOf: out.appendingPathComponent("calendar/program.ics"), encoding: .utf8)
        #expect(program.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(fm.fileExists(atPath: out.appendingPathComponent("calendar/f001.ics").path))
        let availability = try String(
            contentsOf: CLI.root.appendingPathComponent("Scenarios/demo/availability.csv"), encoding: .utf8)
        let reasons = availability.split(separator: "\n").dropFirst().map { String($0.split(separator: ",").last!) }
        for file in try fm.contentsOfDirectory(atPath: out.appendingPathComponent("calendar").path) {
            let text = try String(contentsOf: out.appendingPathComponent("calendar/\(file)"), encoding: .utf8)
            for reason in reasons { #expect(!text.contains(reason), "\(file) shows \(reason)") }
        }
    }

    @Test func schedulePlansAgainKeepingEarlierTalks() throws {
        let first = CLI.temporary("first"), second = CLI.temporary("second")
        defer {
            try? fm.removeItem(at: first)
            try? fm.removeItem(at: second)
        }
        #expect(try CLI.run(["run", "Scenarios/demo", "--out", first.path]).status == 0)
        let r = try CLI.run([
            "schedule", "Scenarios/demo", "--keep", first.appendingPathComponent("schedule.csv").path,
            "--today", "2026-10-01", "--out", second.path
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Re-plan: 40 talks kept where they were, 0 changes"))
        let a = try Data(contentsOf: first.appendingPathComponent("schedule.csv"))
        let b = try Data(contentsOf: second.appendingPathComponent("schedule.csv"))
        #expect(a == b)
    }

    @Test func sameScenarioTwiceGivesByteIdenticalPlacements() throws {
        let a = CLI.temporary("a"), b = CLI.temporary("b")
        defer {
            try? fm.removeItem(at: a)
            try? fm.removeItem(at: b)
        }
        #expect(try CLI.run(["run", "Scenarios/demo", "--out", a.path]).status == 0)
        #expect(try CLI.run(["run", "Scenarios/demo", "--out", b.path]).status == 0)
        let first = try Data(contentsOf: a.appendingPathComponent("placements.csv"))
        let second = try Data(contentsOf: b.appendingPathComponent("placements.csv"))
        #expect(first == second)
    }

    @Test func badInputExitsTwoWithLocatedMessagesAndWritesNothing() throws {
        let scenario = try CLI.demoCopy(replacing: "labs.csv", with: "id,areas,capacity\nlab01,clinical-nlp,three\n")
        defer { try? fm.removeItem(at: scenario) }
        let out = scenario.appendingPathComponent("out")
        let r = try CLI.run(["run", scenario.path, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("labs.csv:2: capacity: \"three\" is not a whole number"))
        #expect(r.stderr.contains("nothing was solved or written"))
        #expect(!fm.fileExists(atPath: out.path))
    }

    @Test func infeasibleScenarioExitsOneWithDiagnosisAndNoPlacements() throws {
        let scenario = try CLI.demoCopy(
            replacing: "funding.csv", with: "id,lab,budget,citizens_only\nnlm-t15,,500000,true\n")
        defer { try? fm.removeItem(at: scenario) }
        let out = scenario.appendingPathComponent("result")
        let r = try CLI.run(["run", scenario.path, "--out", out.path])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("No placement exists"))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("placements.csv").path))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"diagnosis\""))
        #expect(summary.contains("\"status\" : \"infeasible\""))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["run", "Scenarios/demo", "--bogus"]).status == 2)
        #expect(try CLI.run(["run", "Scenarios/demo", "--time-limit", "-3"]).status == 2)
        #expect(try CLI.run(["run", "/no/such/folder"]).status == 2)
    }

    @Test func outputFolderWithOtherFilesIsNotReplaced() throws {
        let out = CLI.temporary("mine")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: out) }
        try Data("keep me".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let r = try CLI.run(["run", "Scenarios/demo", "--out", out.path])
        #expect(r.status == 2)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test func checkAndExport() throws {
        let check = try CLI.run(["check", "Scenarios/demo"])
        #expect(check.status == 0 && check.stdout.contains("No problem found before solving"))
        let file = CLI.temporary("model").appendingPathExtension("lp")
        defer { try? fm.removeItem(at: file) }
        let export = try CLI.run(["export", "Scenarios/demo", "--format", "lp", "--output", file.path])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("Minimize") && text.contains("assign(f001,lab01,"))
    }

    @Test func compareRunsTheDemoWhatIfsInOneCommandWithin100Columns() throws {
        let out = CLI.temporary("compare")
        defer { try? fm.removeItem(at: out) }
        let whatIfs = try fm.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios/demo/what-if").path)
            .filter { $0.hasSuffix(".toml") }.sorted().map { "Scenarios/demo/what-if/\($0)" }
        #expect(whatIfs.count >= 4)
        let r = try CLI.run(["compare", "Scenarios/demo"] + whatIfs + ["--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        for line in r.stdout.split(separator: "\n") where !line.contains(out.path) {
            #expect(line.count <= 100, "\(line)")
        }
        #expect(r.stdout.contains("grant-cut: NLM T15 loses two slots"))
        #expect(r.stdout.contains("fellows moved vs base"))
        for file in ["comparison.md", "comparison.csv", "comparison.json"] {
            #expect(fm.fileExists(atPath: out.appendingPathComponent(file).path))
        }
    }

    /// The demo's reader-leaves what-if removes Dr. Aisha Rahimi (c03): every committee she sat on
    /// in the base changes, says she is not in the what-if, and no committee keeps her.
    @Test func compareExplainsTheCommitteesAReaderLeaves() throws {
        let base = CLI.temporary("committees-base"), out = CLI.temporary("committees-compare")
        defer { for f in [base, out] { try? fm.removeItem(at: f) } }
        #expect(try CLI.run(["run", "Scenarios/demo", "--out", base.path]).status == 0)
        let rows = try String(contentsOf: base.appendingPathComponent("committees.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let served = Set(rows.filter { $0.count > 1 && $0[1] == "c03" }.map { $0[0] })
        #expect(!served.isEmpty)
        let r = try CLI.run([
            "compare", "Scenarios/demo", "Scenarios/demo/what-if/reader-leaves.toml", "--out", out.path
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(served.count) thesis committee\(served.count == 1 ? " changes" : "s change")"))
        struct Column: Decodable {
            struct Change: Decodable {
                struct Seat: Decodable { var member: String, why: String }
                var fellow: String
                var left: [Seat]
                var joined: [Seat]
            }
            var committee_changes: [Change]?
        }
        let json = try JSONDecoder().decode(
            [Column].self, from: Data(contentsOf: out.appendingPathComponent("comparison.json")))
        let changes = try #require(json.last?.committee_changes)
        #expect(Set(changes.map(\.fellow)) == served)
        for c in changes {
            #expect(c.left.contains { $0.member == "c03" && $0.why == "not in this what-if" })
            #expect(!c.joined.contains { $0.member == "c03" })
        }
    }

    @Test func explainAllAndBinds() throws {
        let explain = try CLI.run(["explain", "Scenarios/demo", "--all"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("(their second choice)"))
        #expect(explain.stdout.contains("- 1st choice, "))
        let binds = try CLI.run(["binds", "Scenarios/demo"])
        #expect(binds.status == 0, "\(binds.stderr)")
        #expect(binds.stdout.contains("limits are used up"))
        #expect(try CLI.run(["explain", "Scenarios/demo", "--fellow", "nobody"]).status == 2)
    }

    @Test func rematchKeepsEarlierPlacements() throws {
        let first = CLI.temporary("m1"), second = CLI.temporary("m2")
        defer {
            try? fm.removeItem(at: first)
            try? fm.removeItem(at: second)
        }
        #expect(try CLI.run(["run", "Scenarios/demo", "--out", first.path]).status == 0)
        let r = try CLI.run([
            "run", "Scenarios/demo", "--keep", first.appendingPathComponent("placements.csv").path, "--out", second.path
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Re-match: nobody moved."))
    }
}

/// Every command's terminal output on the demo fits 80 columns (issue 13).
@Suite struct EightyColumnTests {
    static let commands: [[String]] = [
        ["run", "Scenarios/demo", "--out", "OUT"], ["schedule", "Scenarios/demo", "--out", "OUT"],
        ["check", "Scenarios/demo"],
        ["explain", "Scenarios/demo", "--all"], ["explain", "Scenarios/demo", "--fellow", "f005"],
        ["binds", "Scenarios/demo"],
        [
            "compare", "Scenarios/demo", "Scenarios/demo/what-if/grant-cut.toml",
            "Scenarios/demo/what-if/sabbatical.toml",
            "Scenarios/demo/what-if/three-more.toml", "--out", "OUT"
        ]
    ]

    @Test(arguments: commands)
    func outputFitsEightyColumns(_ command: [String]) throws {
        let out = CLI.temporary("eighty")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLI.run(command.map { $0 == "OUT" ? out.path : $0 })
        #expect(r.status == 0, "\(r.stderr)")
        // Located problems (file:line: column: ...) stay on one line, as compilers print them.
        let lines = (r.stdout + r.stderrAsPrinted).split(separator: "\n").filter {
            !$0.contains(".csv:") && !$0.contains(".toml:")
        }
        let wide = lines.filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(wide.joined(separator: "\n"))")
        #expect(!r.stdout.isEmpty)
    }
}
