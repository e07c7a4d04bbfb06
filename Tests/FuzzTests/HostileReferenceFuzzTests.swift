import Domain
import Foundation
import ProgramOffice
import TestSupport
import Testing

/// Issue 26's fuzz kinds beyond the scenario mutations: seeded paths a
/// what-if names (`base`, `from`, symbolic links) and seeded edits of a
/// history made with SQLite directly.
@Suite struct HostileReferenceFuzzTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/demo")
    let fm = FileManager.default

    /// `root/program` (the demo, with `what-if/`, an inside CSV and links) and `root/secret/` beside it.
    func layout() throws -> (root: URL, program: URL, whatIfs: URL) {
        let root = Scratch.path("paths")
        let program = root.appendingPathComponent("program")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.demo, to: program)
        try? fm.removeItem(at: program.appendingPathComponent("out"))
        let secret = root.appendingPathComponent("secret")
        try fm.createDirectory(at: secret, withIntermediateDirectories: true)
        let fellows = try String(contentsOf: program.appendingPathComponent("fellows.csv"), encoding: .utf8)
        let header = String(fellows.split(separator: "\n")[0])
        let row = "f900,SECRET NAME,clinical,citizen,new,,,clinical-nlp,73000,0"
        for folder in [secret, program.appendingPathComponent("what-if")] {
            try Data((header + "\n" + row + "\n").utf8).write(to: folder.appendingPathComponent("more.csv"))
        }
        // The secret folder also looks like a scenario, so a base there would read.
        for file in try fm.contentsOfDirectory(atPath: program.path)
        where file.hasSuffix(".csv") || file.hasSuffix(".toml") {
            try? fm.copyItem(at: program.appendingPathComponent(file), to: secret.appendingPathComponent(file))
        }
        try Data((header + "\n" + row + "\n").utf8).write(to: secret.appendingPathComponent("fellows.csv"))
        let whatIfs = program.appendingPathComponent("what-if")
        try fm.createSymbolicLink(
            at: whatIfs.appendingPathComponent("out.csv"), withDestinationURL: secret.appendingPathComponent("more.csv")
        )
        try fm.createSymbolicLink(at: whatIfs.appendingPathComponent("outdir"), withDestinationURL: secret)
        try fm.createSymbolicLink(
            at: whatIfs.appendingPathComponent("in.csv"), withDestinationURL: whatIfs.appendingPathComponent("more.csv")
        )
        return (root, program, whatIfs)
    }

    /// Whether `path` (relative to `folder`), fully resolved, lies inside `program`: the test's own oracle.
    func inside(_ path: String, from folder: URL, _ program: URL) -> Bool {
        let url = URL(fileURLWithPath: path, relativeTo: folder)
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        let root = program.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved == root || resolved.hasPrefix(root + "/")
    }

    static let segments = [
        "..", ".", "what-if", "secret", "program", "more.csv", "out.csv", "in.csv", "outdir", "fellows.csv"
    ]

    @Test func seededPathsNeverReachOutsideTheProgram() throws {
        let (root, program, whatIfs) = try layout()
        var rng = SeededRandom(seed: 26)
        var endings: [String: Int] = [:]
        for k in 0..<120 {
            var parts: [String] = []
            for _ in 0..<(1 + rng.int(below: 4)) { parts.append(Self.segments[rng.int(below: Self.segments.count)]) }
            var path = parts.joined(separator: "/")
            if rng.chance(0.15) { path = root.path + "/" + path }
            let asBase = k % 2 == 0
            let text =
                asBase
                ? "base = \"\(path)\"\n"
                : "base = \"..\"\n[[change]]\naction = \"add\"\nfile = \"fellows\"\nfrom = \"\(path)\"\n"
            let file = whatIfs.appendingPathComponent("fuzz-\(k).toml")
            try Data(text.utf8).write(to: file)
            let allowed = inside(path, from: whatIfs, program)
            do {
                let opened = try Office().open(file.path)
                #expect(allowed, "case \(k) (\(asBase ? "base" : "from") = \(path)) was read though it leads outside")
                #expect(!opened.scenario.fellows.contains { $0.name.contains("SECRET") } || allowed)
                endings["read", default: 0] += 1
            } catch {
                let shown = error.problems.map(\.description).joined(separator: "\n") + error.message
                #expect(!shown.contains("SECRET"), "case \(k): \(shown)")
                if !allowed {
                    #expect(
                        shown.contains("outside the program's folder") || shown.contains("symbolic link"),
                        "case \(k) \(path): \(shown)")
                }
                endings["refused", default: 0] += 1
            }
        }
        #expect(endings["read", default: 0] > 0 && endings["refused", default: 0] > 0, "\(endings)")
    }

    /// Columns an edit may change, by table, with a change SQLite makes to its first row of a run.
    static let edits: [(table: String, set: String)] = [
        ("placement", "lab = 'lab99'"), ("placement", "rank = rank + 1"), ("placement", "status = 'unplaced'"),
        ("placement", "fellow_name = 'Forged'"), ("funding", "cents = cents + 1"), ("funding", "source = 'x'"),
        ("talk", "room = 'Elsewhere'"), ("talk", "date = '2030-01-01'"), ("talk", "sequence = sequence + 1"),
        ("name", "name = 'Forged'"), ("run", "status = 'optimal?'"), ("run", "objective = objective + 1"),
        ("run", "published_at = NULL"), ("run", "publish_note = 'edited'"), ("run", "settings = 'x'"),
        ("run", "input_hash = '0'")
    ]

    @Test func seededHistoryEditsAreNamed() throws {
        var rng = SeededRandom(seed: 2626)
        let office = Office()
        let program = try office.open(Self.demo.path)
        let template = Scratch.path("history").appendingPathExtension("sqlite").path
        var request = RunRequest()
        request.history = template
        for _ in 0..<2 {
            request.output = Scratch.path("out").path
            _ = try office.run(program, request)
        }
        _ = try office.publish(1, note: "committee", replace: false, history: template)
        for k in 0..<24 {
            let (table, set) = Self.edits[rng.int(below: Self.edits.count)]
            let run = Int64(1 + rng.int(below: 2))
            let path = Scratch.path("edited").appendingPathExtension("sqlite").path
            try fm.copyItem(atPath: template, toPath: path)
            let key = table == "run" ? "id" : "run_id"
            let order = table == "run" ? "id" : (table == "name" ? "kind, id" : "position")
            try SQLiteEdit.execute(
                "DROP TRIGGER published_run_is_final; UPDATE \(table) SET \(set) WHERE rowid = "
                    + "(SELECT rowid FROM \(table) WHERE \(key) = \(run) ORDER BY \(order) LIMIT 1)",
                in: path)
            let changed = try SQLiteEdit.value("SELECT changes()", in: path)
            _ = changed
            #expect(throws: OfficeError.self, "case \(k): \(table) \(set) on run \(run)") {
                _ = try office.runs(history: path)
            }
            do { _ = try office.runs(history: path) } catch {
                #expect(error.code == .historyTampered, "case \(k): \(error)")
            }
        }
    }
}
