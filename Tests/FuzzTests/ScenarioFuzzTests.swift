import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import ProgramOffice
import Reports
import SeminarSolver
import TestSupport
import Testing

/// Seeded mutations of the demo scenario (issue 15's fuzz suite), each run
/// in-process through the office's run use case, as `fellowmatch run` does:
/// the files are written to a folder, opened, placed, scheduled, explained
/// and written. Every case must end as the contract says:
/// a placement that obeys every rule (exit 0), no placement with a
/// diagnosis in summary.json (exit 1), or bad input naming a scenario file
/// with nothing written (exit 2).
@Suite struct ScenarioFuzzTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/demo")
    static let files = [
        "scenario.toml", "fellows.csv", "labs.csv", "mentors.csv", "funding.csv", "preferences.csv",
        "mentor_preferences.csv", "costs.csv", "rules.csv", "sessions.csv", "availability.csv"
    ]
    static let batches = 10
    static let casesPerBatch = 60

    @Test(.tags(.slow), .enabled(if: SlowTests.enabled), arguments: 0..<batches)
    func mutatedDemoEndsAsTheContractSays(batch: Int) throws {
        let original = try Dictionary(
            uniqueKeysWithValues: Self.files.map { ($0, try Data(contentsOf: Self.demo.appendingPathComponent($0))) })
        var kinds: Set<String> = []
        var endings: [Int32: Int] = [:]
        for k in 0..<Self.casesPerBatch {
            var rng = SeededRandom(seed: UInt64(batch * 1_000 + k + 1))
            var files = original
            var applied: [String] = []
            for _ in 0..<(1 + rng.int(below: 2)) {
                let m = Mutation.everyKind[rng.int(below: Mutation.everyKind.count)]
                m.apply(&files, &rng)
                applied.append(m.name)
                kinds.insert(m.name)
            }
            let exit = try check(
                files, label: "batch \(batch) case \(k): \(applied.joined(separator: ", "))")
            endings[exit, default: 0] += 1
        }
        #expect(kinds.count >= 30, "only \(kinds.count) kinds of mutation ran")
        // The mutations reach the solver, not only the reader.
        #expect(
            endings[0, default: 0] >= Self.casesPerBatch / 10 && endings[2, default: 0] >= Self.casesPerBatch / 10,
            "\(endings)")
    }

    /// Runs one case through the office, as `fellowmatch run` does; returns
    /// the exit status `run` would give.
    func check(_ files: [String: Data], label: String) throws -> Int32 {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("fm-fuzz-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        for (name, data) in files {
            try data.write(to: dir.appendingPathComponent(name))
        }
        let out = dir.appendingPathComponent("out")
        let office = Office()
        let program: OpenedProgram
        do {
            program = try office.open(dir.path)
        } catch {
            // Exit 2: every error names a scenario file and a line; nothing is written.
            #expect(error.code == .badInput && error.errorCount > 0, "\(label): rejected without an error")
            for issue in error.problems where issue.severity == .error {
                let file = (issue.file as NSString).lastPathComponent
                #expect(Self.files.contains(file) && issue.line >= 1, "\(label): \(issue)")
            }
            #expect(!fm.fileExists(atPath: out.path))
            return 2
        }
        var request = RunRequest()
        request.output = out.path
        request.solve = SolveLimits(timeLimit: 20)  // a bound on each solve, so no case can run away
        let result = try office.run(program, request)
        let outcome = result.outcome
        if outcome.hasPlacement {
            #expect(
                PlacementRulesCheck.violations(outcome, program.scenario).isEmpty,
                "\(label): \(PlacementRulesCheck.violations(outcome, program.scenario))")
        } else {
            #expect(outcome.status == .infeasible || outcome.status == .timeLimitNoSolution, "\(label)")
        }
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            as? [String: Any]
        #expect(summary?["status"] != nil, "\(label)")
        if outcome.status == .infeasible { #expect(summary?["diagnosis"] != nil, "\(label)") }
        #expect(
            fm.fileExists(atPath: out.appendingPathComponent("placements.csv").path) == outcome.hasPlacement, "\(label)"
        )
        try expectSafeOutputs(out, label: label)
        switch result.verdict {
        case .solved: return 0
        case .noPlacement, .noSchedule, .incomplete: return 1
        }
    }
}

extension ScenarioFuzzTests {
    /// Issue 26's output invariants: every file is in the manifest, no calendar is hidden or
    /// shadows program.ics (which holds every talk), no file carries a BiDi control.
    func expectSafeOutputs(_ out: URL, label: String) throws {
        let fm = FileManager.default
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
            as? [String: Any]
        let listed = Set((manifest?["files"] as? [String: String] ?? [:]).keys)
        let written = Set(
            (fm.enumerator(atPath: out.path)?.allObjects as? [String] ?? []).filter {
                $0 != "calendar" && $0 != "letters" && $0 != "manifest.json"
            })
        #expect(listed == written, "\(label): manifest \(listed.sorted()) vs \(written.sorted())")
        // results.xlsx is compressed (its sheets are the CSV files and the scenario, checked here as text).
        for file in written where !file.hasSuffix(".xlsx") {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(file)), as: UTF8.self)
            #expect(!text.unicodeScalars.contains { $0.properties.isBidiControl }, "\(label): \(file)")
        }
        let calendars = written.filter { $0.hasPrefix("calendar/") }
        #expect(calendars.allSatisfy { !$0.dropFirst(9).hasPrefix(".") && $0.hasSuffix(".ics") }, "\(label)")
        let letters = written.filter { $0.hasPrefix("letters/") }
        #expect(
            letters.allSatisfy { l in
                !l.dropFirst(8).hasPrefix(".") && !l.dropFirst(8).contains("/")
                    && [".html", ".eml", ".csv"].contains { l.hasSuffix($0) }
            }, "\(label)")
        guard let schedule = try? String(contentsOf: out.appendingPathComponent("schedule.csv"), encoding: .utf8),
            let program = try? String(contentsOf: out.appendingPathComponent("calendar/program.ics"), encoding: .utf8)
        else { return }
        let talks = schedule.split(separator: "\n").count - 1
        let events = program.components(separatedBy: "BEGIN:VEVENT").count - 1
        #expect(events >= talks, "\(label): program.ics has \(events) events for \(talks) talks")
    }
}

/// One kind of mutation of a scenario's files.
struct Mutation: Sendable {
    var name: String
    var apply: @Sendable (inout [String: Data], inout SeededRandom) -> Void

    static let csvFiles = [
        "fellows.csv", "labs.csv", "mentors.csv", "funding.csv", "preferences.csv", "mentor_preferences.csv",
        "costs.csv", "rules.csv", "sessions.csv", "availability.csv"
    ]

    /// Replaces one data cell of a random CSV file with what `value` gives.
    static func cell(_ name: String, _ value: @escaping @Sendable (String, inout SeededRandom) -> String) -> Mutation {
        Mutation(name: name) { files, rng in
            editRows(&files, &rng) { rows, rng in
                guard rows.count > 1 else { return }
                let r = 1 + rng.int(below: rows.count - 1)
                guard !rows[r].isEmpty else { return }
                let c = rng.int(below: rows[r].count)
                rows[r][c] = value(rows[r][c], &rng)
            }
        }
    }

    /// Edits the rows (split at commas; the demo quotes no commas) of a random CSV file.
    static func editRows(
        _ files: inout [String: Data], _ rng: inout SeededRandom,
        _ edit: (inout [[String]], inout SeededRandom) -> Void
    ) {
        let file = csvFiles[rng.int(below: csvFiles.count)]
        guard let data = files[file] else { return }
        var rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        edit(&rows, &rng)
        files[file] = Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").utf8)
    }

    static func toml(_ name: String, _ edit: @escaping @Sendable (String, inout SeededRandom) -> String) -> Mutation {
        Mutation(name: name) { files, rng in
            files["scenario.toml"] = Data(
                edit(String(decoding: files["scenario.toml"] ?? Data(), as: UTF8.self), &rng).utf8)
        }
    }

    static func bytes(_ name: String, _ edit: @escaping @Sendable (Data, inout SeededRandom) -> Data) -> Mutation {
        Mutation(name: name) { files, rng in
            let names = files.keys.sorted()
            let file = names[rng.int(below: names.count)]
            files[file] = edit(files[file]!, &rng)
        }
    }

    /// Every kind the fuzz batches draw from: these and a spreadsheet's (``spreadsheet``).
    static var everyKind: [Mutation] { all + spreadsheet }

    static let all: [Mutation] = [
        cell("empty cell") { _, _ in "" },
        cell("word in cell") { _, _ in "three" },
        cell("2^63") { _, _ in "9223372036854775808" },
        cell("negative") { _, _ in "-1" },
        cell("fraction") { _, _ in "1.5" },
        cell("1e308") { _, _ in "1e308" },
        cell("zero") { _, _ in "0" },
        cell("huge capacity") { _, _ in "10000" },
        cell("unknown id") { _, _ in "zz99" },
        cell("zero-width space") { v, _ in v + "\u{200B}" },
        cell("escape character") { v, _ in v + "\u{1B}[2J" },
        cell("stray quote") { v, _ in v + "\"" },
        cell("bad date") { _, _ in "2026-02-30" },
        cell("bad time") { _, _ in "25:00" },
        cell("year 0000") { _, _ in "0000-09-10" },
        cell("long id") { _, _ in String(repeating: "x", count: 300) },
        cell("formula") { _, _ in "=1+1" },
        cell("boolean") { _, rng in rng.chance(0.5) ? "yes" : "maybe" },
        Mutation(name: "extra field") { f, r in
            editRows(&f, &r) { rows, rng in if rows.count > 1 { rows[1 + rng.int(below: rows.count - 1)].append("x") } }
        },
        Mutation(name: "delete row") { f, r in
            editRows(&f, &r) { rows, rng in if rows.count > 1 { rows.remove(at: 1 + rng.int(below: rows.count - 1)) } }
        },
        Mutation(name: "duplicate row") { f, r in
            editRows(&f, &r) { rows, rng in if rows.count > 1 { rows.append(rows[1 + rng.int(below: rows.count - 1)]) }
            }
        },
        Mutation(name: "swap rows") { f, r in
            editRows(&f, &r) { rows, rng in if rows.count > 2 { rows.swapAt(1, 1 + rng.int(below: rows.count - 1)) } }
        },
        Mutation(name: "delete column") { f, r in
            editRows(&f, &r) { rows, rng in
                guard let w = rows.first?.count, w > 0 else { return }
                let c = rng.int(below: w)
                for i in rows.indices where c < rows[i].count { rows[i].remove(at: c) }
            }
        },
        Mutation(name: "upper-case header") { f, r in
            editRows(&f, &r) { rows, rng in
                if let w = rows.first?.count, w > 0 {
                    let c = rng.int(below: w)
                    rows[0][c] = rows[0][c].uppercased()
                }
            }
        },
        Mutation(name: "duplicate header") { f, r in
            editRows(&f, &r) { rows, _ in
                if let h = rows.first?.first {
                    rows[0].append(h)
                    for i in 1..<rows.count { rows[i].append("") }
                }
            }
        },
        Mutation(name: "unknown column") { f, r in
            editRows(&f, &r) { rows, _ in
                rows[0].append("colour")
                for i in rows.indices.dropFirst() { rows[i].append("red") }
            }
        },
        Mutation(name: "only header") { f, r in editRows(&f, &r) { rows, _ in rows = Array(rows.prefix(1)) } },
        Mutation(name: "empty file") { f, r in editRows(&f, &r) { rows, _ in rows = [] } },
        Mutation(name: "remove file") { files, rng in
            files.removeValue(forKey: files.keys.sorted()[rng.int(below: files.count)])
        },
        bytes("byte-order mark") { d, _ in Data([0xEF, 0xBB, 0xBF]) + d },
        bytes("CRLF") { d, _ in
            Data(String(decoding: d, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        },
        bytes("UTF-16") { d, _ in String(decoding: d, as: UTF8.self).data(using: .utf16LittleEndian) ?? d },
        bytes("NUL byte") { d, rng in
            let k = rng.int(below: max(1, d.count))
            return d.prefix(k) + Data([0]) + d.dropFirst(k)
        },
        bytes("Latin-1 byte") { d, _ in d + Data([0xE9, 0x0A]) },
        bytes("truncated") { d, rng in d.prefix(rng.int(below: max(1, d.count))) },
        toml("toml bare [") { t, _ in "[\n" + t },
        toml("toml drop a line") { t, rng in
            var lines = t.split(separator: "\n", omittingEmptySubsequences: false)
            if !lines.isEmpty { lines.remove(at: rng.int(below: lines.count)) }
            return lines.joined(separator: "\n")
        },
        toml("toml string for number") { t, _ in
            t.replacingOccurrences(of: "mentor_weight = 0.2", with: "mentor_weight = \"0.2\"")
        },
        toml("toml 1e300") { t, _ in t.replacingOccurrences(of: "mentor_weight = 0.2", with: "mentor_weight = 1e300") },
        toml("toml duplicate key") { t, _ in
            t.replacingOccurrences(of: "allow_unplaced = false", with: "allow_unplaced = false\nallow_unplaced = true")
        },
        toml("toml garbage") { t, rng in
            let junk = ["[[", "]", "{", "=", "\"", "'''", "#", "[.]", "x ="]
            return t + "\n" + junk[rng.int(below: junk.count)] + junk[rng.int(below: junk.count)] + "\n"
        },
        toml("toml objective kind") { t, rng in
            let kinds = ["rank-maximal", "generous", "score", "fastest"]
            return t.replacingOccurrences(
                of: "kind = \"total-rank\"", with: "kind = \"\(kinds[rng.int(below: kinds.count)])\"")
        },
        toml("toml allow unplaced") { t, _ in
            t.replacingOccurrences(of: "allow_unplaced = false", with: "allow_unplaced = true")
        },
        toml("toml time limit") { t, rng in
            t + "\n[solver]\ntime_limit = \(["0", "-1", "1e9", "5"][rng.int(below: 4)])\n"
        },
        toml("toml talk count") { t, rng in
            t.replacingOccurrences(
                of: "kind = \"wip\", count = 1 }",
                with: "kind = \"wip\", count = \(["0", "1000000000", "2"][rng.int(below: 3)]) }")
        },
        toml("toml track limits") { t, rng in
            t.replacingOccurrences(
                of: "max_new = 4", with: "max_new = \(["0", "-3", "1", "99999999999"][rng.int(below: 4)])")
        },
        // Issue 26: ids that are file names, BiDi and wide characters, hostile TOML sizes.
        Mutation(name: "id that is a file name") { files, rng in
            let names = ["program", ".", "..", ".hidden", "CON", "a/b", "F002", "nul", "f001.ics", "calendar"]
            let id = names[rng.int(below: names.count)]
            for file in csvFiles {
                guard let data = files[file] else { continue }
                files[file] = Data(
                    String(decoding: data, as: UTF8.self).replacingOccurrences(of: "f001", with: id).utf8)
            }
        },
        cell("bidi control") { v, _ in "\u{202E}" + v + "\u{202C}" },
        cell("wide characters") { v, _ in v + "张伟国张伟国张伟国张伟国张伟国" },
        toml("toml bidi name") { t, _ in t.replacingOccurrences(of: "name = \"", with: "name = \"\u{202E}gpj.exe ") },
        toml("toml wide name") { t, _ in t.replacingOccurrences(of: "name = \"", with: "name = \"张伟国张伟国张伟国张伟国张伟国 ") },
        toml("toml 20,000 quoted strings") { t, _ in
            "padding = [" + Array(repeating: "\"a\"", count: 20_000).joined(separator: ",") + "]\n" + t
        },
        toml("toml 1 MB string") { t, _ in "padding = \"" + String(repeating: "x", count: 1_000_000) + "\"\n" + t },
        toml("toml 10,000 keys") { t, _ in (0..<10_000).map { "k\($0) = \($0)\n" }.joined() + t }
    ]
}

extension SeededRandom {
    mutating func int(below n: Int) -> Int { n <= 1 ? 0 : int(0...(n - 1)) }
}
