import Domain
import Foundation
import GLPKBackend
import Modeling
import PlacementSolver
import Reports
import Testing

/// Mutations a coordinator's spreadsheet makes (issue 25): forms it saves
/// (which must read to the same result) and planted silent mistakes (which
/// must be named). None may change the result without a warning.
extension Mutation {
    /// Edits one column of one named file, in every row (`nil` leaves a cell as it is).
    static func column(
        _ name: String, _ file: String, _ column: String, _ value: @escaping @Sendable (String) -> String?
    ) -> Mutation {
        Mutation(name: name) { files, _ in
            guard let data = files[file] else { return }
            var rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            guard let c = rows.first?.firstIndex(of: column) else { return }
            for i in rows.indices.dropFirst() where c < rows[i].count { rows[i][c] = value(rows[i][c]) ?? rows[i][c] }
            files[file] = Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").utf8)
        }
    }

    /// One cell of the row whose first cell is `id`.
    static func set(_ name: String, _ file: String, _ id: String, _ column: String, _ value: String) -> Mutation {
        Mutation(name: name) { files, _ in
            guard let data = files[file] else { return }
            var rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            guard let c = rows.first?.firstIndex(of: column) else { return }
            for i in rows.indices.dropFirst() where rows[i].first == id && c < rows[i].count { rows[i][c] = value }
            files[file] = Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").utf8)
        }
    }

    static func isoParts(_ v: String) -> [Int]? {
        let p = v.split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? p : nil
    }

    static let spreadsheet: [Mutation] = [
        Mutation(name: "capitalised headers") { files, rng in
            let file = csvFiles[rng.int(below: csvFiles.count)]
            guard let text = files[file].map({ String(decoding: $0, as: UTF8.self) }),
                let nl = text.firstIndex(of: "\n")
            else { return }
            let header = text[..<nl].split(separator: ",").map {
                $0.replacingOccurrences(of: "_", with: " ").capitalized
            }
            files[file] = Data((header.joined(separator: ",") + text[nl...]).utf8)
        },
        column("dollar money", "fellows.csv", "cost") { v in
            Int(v).map { "\"$\($0 / 1000),\(String(format: "%03d", $0 % 1000))\"" }
        },
        column("day-first dotted dates", "sessions.csv", "date") { v in isoParts(v).map { "\($0[2]).\($0[1]).\($0[0])" }
        },
        Mutation(name: "US dates") { files, rng in
            column("US dates", "availability.csv", "date") { v in isoParts(v).map { "\($0[1])/\($0[2])/\($0[0])" } }
                .apply(&files, &rng)
            // As the message for 10/1/2026 asks: say the order once.
            files["scenario.toml"]?.append(Data("\n[input]\ndate_order = \"month-first\"\n".utf8))
        },
        column("PM times", "sessions.csv", "start") { v in
            v == "12:00" ? "12:00 PM" : nil
        },
        Mutation(name: "semicolons") { files, rng in
            let file = csvFiles[rng.int(below: csvFiles.count)]
            guard let data = files[file] else { return }
            let rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.contains(";") ? "\"\($0)\"" : String($0)
                }
            }
            files[file] = Data((rows.map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n").utf8)
        },
        Mutation(name: "Windows-1252") { files, _ in
            let file = "fellows.csv"  // the file with accented names
            guard let data = files[file] else { return }
            let text = String(decoding: data, as: UTF8.self)
            files[file] =
                text.data(using: .windowsCP1252) ?? text.data(using: .windowsCP1252, allowLossyConversion: true)
        },
        Mutation(name: "absence range") { files, _ in
            guard let data = files["availability.csv"] else { return }
            files["availability.csv"] = data + Data("f001,2026-10-01..2026-10-03,away\n".utf8)
        },
        // Planted silent mistakes.
        Mutation(name: "unknown optional column") { files, _ in
            guard let data = files["fellows.csv"] else { return }
            files["fellows.csv"] = Data(
                String(decoding: data, as: UTF8.self).replacingOccurrences(
                    of: "external_funding", with: "outside money"
                )
                .utf8)
        },
        Mutation(name: "typo header") { files, _ in
            guard let data = files["fellows.csv"] else { return }
            files["fellows.csv"] = Data(
                String(decoding: data, as: UTF8.self).replacingOccurrences(
                    of: "external_funding", with: "externl_funding"
                )
                .utf8)
        },
        set("area typo", "fellows.csv", "f002", "interests", "decision support;patient-safety"),
        set("track spelling", "fellows.csv", "f003", "track", "Population Health"),
        set("capacity 0", "labs.csv", "lab11", "capacity", "0"),
        set("absence on no session", "availability.csv", "f001", "date", "2026-10-02"),
        set("lab name for id", "preferences.csv", "f001", "lab", "Clinical NLP Lab")
    ]
}

@Suite struct SpreadsheetMutationTests {
    static let demo = ScenarioFuzzTests.demo

    /// The placement files of a case, and whether it gave any warning or was refused.
    func outcome(_ files: [String: Data]) throws -> (placements: String?, named: Bool) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("fm-sheet-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
        let read: ScenarioReader.Result
        do { read = try ScenarioReader().read(folder: dir) } catch { return (nil, true) }
        let outcome = try PlacementEngine(solver: GLPKSolver(), options: .deterministic).run(read.scenario)
        let placements = outcome.hasPlacement ? PlacementsFile.render(outcome, scenario: read.scenario) : nil
        return (placements, !read.warnings.isEmpty || !outcome.warnings.isEmpty)
    }

    static let forms = [
        "capitalised headers", "dollar money", "day-first dotted dates", "US dates", "PM times", "semicolons",
        "Windows-1252"
    ]

    @Test(arguments: Mutation.spreadsheet.map(\.name))
    func noSpreadsheetMutationChangesTheResultWithoutAWarning(_ name: String) throws {
        let original = try Dictionary(
            uniqueKeysWithValues: ScenarioFuzzTests.files.map {
                ($0, try Data(contentsOf: Self.demo.appendingPathComponent($0)))
            })
        let base = try outcome(original)
        let demoWarnings = try PlacementEngine(solver: GLPKSolver(), options: .deterministic)
            .run(try ScenarioReader().read(folder: Self.demo).scenario).warnings.map(\.message)
        let m = try #require(Mutation.spreadsheet.first { $0.name == name })
        for seed in 1...4 {
            var files = original
            var rng = SeededRandom(seed: UInt64(seed))
            m.apply(&files, &rng)
            #expect(files != original, "\(name), seed \(seed): changed nothing")
            let fm = FileManager.default
            let dir = fm.temporaryDirectory.appendingPathComponent("fm-sheet-\(UUID().uuidString)")
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? fm.removeItem(at: dir) }
            for (file, data) in files { try data.write(to: dir.appendingPathComponent(file)) }
            let read: ScenarioReader.Result
            do { read = try ScenarioReader().read(folder: dir) } catch {
                // Refused, with the mistake named; a form a spreadsheet saves must never be refused.
                #expect(!Self.forms.contains(name), "\(name), seed \(seed): refused: \(error)")
                continue
            }
            let o = try PlacementEngine(solver: GLPKSolver(), options: .deterministic).run(read.scenario)
            let newWarnings = o.warnings.map(\.message).filter { !demoWarnings.contains($0) }
            let named = !read.warnings.isEmpty || !newWarnings.isEmpty
            #expect(Self.forms.contains(name) || named, "\(name), seed \(seed): a planted mistake gave no warning")
            if !named {
                let placements = o.hasPlacement ? PlacementsFile.render(o, scenario: read.scenario) : nil
                #expect(placements == base.placements, "\(name), seed \(seed): the result changed without a warning")
            }
        }
    }
}
