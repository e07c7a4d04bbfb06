import Domain
import Foundation
import PlacementSolver
import ProgramOffice
import RunHistory
import TestSupport
import Testing

/// A small program written to disk: `labs` labs of one place and one mentor
/// each, and fellows who each rank every lab in order.
struct SmallProgram {
    var labs = 2
    var fellows = 2
    var allowUnplaced = false
    var timeLimit: Double?

    var scenario: Scenario {
        var settings = ScenarioSettings(name: "small")
        settings.intake = "2026-27"
        settings.allowUnplaced = allowUnplaced
        settings.timeLimit = timeLimit
        let labIDs = (1...labs).map { "lab\($0)" }
        return Scenario(
            settings: settings,
            fellows: (1...fellows).map {
                Fellow(id: "f\($0)", track: "clinical", citizenship: .citizen, interests: ["a"], cost: 1_000)
            },
            labs: labIDs.map { Lab(id: $0, areas: ["a"], capacity: 1) },
            mentors: labIDs.map { Mentor(id: "m-\($0)", lab: $0, capacity: 1) },
            funding: [FundingSource(id: "pool", budget: 1_000_000)],
            preferences: (1...fellows).flatMap { f in
                labIDs.enumerated().map { Preference(fellow: "f\(f)", lab: $0.element, rank: $0.offset + 1) }
            })
    }

    /// Writes the program into a fresh folder and returns its path.
    func write() throws -> String {
        let folder = Scratch.path("program")
        try ScenarioWriter.write(scenario, to: folder)
        return folder.path
    }
}

@Suite struct OpeningTests {
    @Test func aFolderAndAWhatIfAreToldApartOnce() throws {
        let folder = try SmallProgram().write()
        let whatIf = (folder as NSString).appendingPathComponent("what-if/more.toml")
        #expect(ProgramLocation(path: folder) == .folder(folder))
        #expect(ProgramLocation(path: whatIf) == .whatIf(whatIf))
        #expect(ProgramLocation(path: folder).defaultOutput == folder + "/out")
        #expect(ProgramLocation(path: whatIf).defaultOutput == folder + "/what-if/out-more")
        #expect(ProgramLocation(path: whatIf).scenarioFolder == folder + "/what-if/..")
    }

    @Test func theInputHashIsFNV1aOfTheFilesTheReaderUsed() throws {
        let folder = try SmallProgram().write()
        let office = Office()
        let first = try office.open(folder)
        #expect(first.inputHash == Self.fnv1a(folder: folder))
        // A file the format does not know is not an input.
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.csv"))
        #expect(try office.open(folder).inputHash == first.inputHash)
        // One more byte in an input changes it.
        let fellows = URL(fileURLWithPath: folder + "/fellows.csv")
        try (try Data(contentsOf: fellows) + Data("\n".utf8)).write(to: fellows)
        #expect(try office.open(folder).inputHash != first.inputHash)
    }

    @Test func badInputIsOneErrorWithEveryProblemLocated() throws {
        let folder = try SmallProgram().write()
        let labs = URL(fileURLWithPath: folder + "/labs.csv")
        let text = try String(contentsOf: labs, encoding: .utf8)
        try text.replacingOccurrences(of: ",1\n", with: ",many\n").write(to: labs, atomically: true, encoding: .utf8)
        do {
            _ = try Office().open(folder)
            Issue.record("bad capacities were accepted")
        } catch {
            #expect(error.code == .badInput)
            #expect(error.errorCount == 2)
            #expect(error.message == "2 problems in \(folder)")
            #expect(error.problems.allSatisfy { $0.file == folder + "/labs.csv" && $0.column == "capacity" })
        }
    }

    /// FNV-1a 64 written out again from its definition, over the known
    /// files present, in name order: name, NUL, bytes, NUL.
    static func fnv1a(folder: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        let known = ["scenario.toml"] + ScenarioReader.knownColumns.keys
        for name in known.sorted() {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            for byte in Array(name.utf8) + [0] + Array(data) + [0] { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        }
        return String(format: "%016llx", hash)
    }
}

@Suite struct RunUseCaseTests {
    func request(_ folder: String, history: String? = nil) -> RunRequest {
        var r = RunRequest()
        r.output = Scratch.path("out").path
        r.history = history
        return r
    }

    @Test func aFeasibleProgramIsSolvedAndWrittenWhole() throws {
        let folder = try SmallProgram().write()
        let office = Office()
        let result = try office.run(try office.open(folder), request(folder))
        #expect(result.verdict == .solved)
        // Two fellows, two labs of one place, both ranked 1, 2: one first, one second choice.
        #expect(result.outcome.placements.compactMap(\.rank).sorted() == [1, 2])
        for name in ["placements.csv", "summary.json", "report.html", "funding.csv", "budgets.csv"] {
            #expect(FileManager.default.fileExists(atPath: result.output + "/" + name), "\(name)")
        }
        #expect(result.recorded == nil)
    }

    @Test func threeFellowsForTwoPlacesHaveNoPlacementAndADiagnosis() throws {
        let folder = try SmallProgram(fellows: 3).write()
        let office = Office()
        let result = try office.run(try office.open(folder), request(folder))
        #expect(result.verdict == .noPlacement)
        #expect(result.outcome.diagnosis != nil)
        #expect(!FileManager.default.fileExists(atPath: result.output + "/placements.csv"))
        #expect(FileManager.default.fileExists(atPath: result.output + "/summary.json"))
    }

    /// The folder is checked beside the solve, which a refusal stops; the refusal is what the run throws.
    @Test func anOutputFolderHoldingAUsersFileIsRefusedAndLeftAsItIs() throws {
        let folder = try SmallProgram().write()
        let office = Office()
        var r = request(folder)
        let out = try #require(r.output)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/holidays.ics"))
        r.output = out
        #expect(throws: OfficeError.self) { try office.run(try office.open(folder), r) }
        do { _ = try office.run(try office.open(folder), r) } catch { #expect(error.code == .outputRefused) }
        #expect(try String(contentsOfFile: out + "/holidays.ics", encoding: .utf8) == "mine")
    }

    @Test func aRecordedAndPublishedRunIsTheNextRunsStartingPoint() throws {
        let folder = try SmallProgram().write()
        let history = Scratch.path("history").path + ".sqlite"
        let office = Office(solver: Office().solver, now: { "2026-12-01T10:00:00Z" })
        let program = try office.open(folder)
        let first = try office.run(program, request(folder, history: history))
        let id = try #require(first.recorded)
        let recorded = try office.recordedRun(id, history: history)
        #expect(recorded.inputHash == program.inputHash)
        #expect(
            recorded.settings
                == "objective=total-rank; mentor_weight=0.0; allow_unplaced=false; tie_break=mentors-then-lottery; seed=0"
        )
        #expect(recorded.recordedAt == "2026-12-01T10:00:00Z")
        _ = try office.publish(id, note: "agreed", replace: false, history: history)
        let again = try office.run(program, request(folder, history: history))
        #expect(again.official?.id == id)
        #expect(again.keptEarlierPlacements)
        #expect(again.outcome.moves.isEmpty)
        // Each report says which run it shows, when, and that it is a draft.
        let report = String(decoding: first.files["report.html"] ?? Data(), as: UTF8.self)
        #expect(report.contains("Draft: run \(id), recorded 2026-12-01 10:00 UTC; the official match once published."))
        #expect(report.contains("<title>small, 2026-27 intake (run \(id), draft)</title>"))
        let second = String(decoding: again.files["report.html"] ?? Data(), as: UTF8.self)
        #expect(second.contains("a re-match of the official match (run \(id))"))
        var fresh = request(folder, history: history)
        fresh.fresh = true
        #expect(try office.run(program, fresh).official == nil)
    }

    /// A re-plan into the folder of a run with the shareable variant keeps it.
    @Test func aRerunKeepsTheShareableVariantOfTheFolderItReplaces() throws {
        let folder = try SmallProgram().write()
        let office = Office()
        var first = request(folder)
        first.publicVariant = true
        let out = try #require(first.output)
        _ = try office.run(try office.open(folder), first)
        var again = request(folder)
        again.output = out
        let second = try office.run(try office.open(folder), again)
        #expect(second.files["report-public.html"] != nil)
        #expect(FileManager.default.fileExists(atPath: out + "/report-public.html"))
    }

    @Test func theRunInTheBackgroundGivesTheSameResult() async throws {
        let folder = try SmallProgram().write()
        let office = Office()
        let program = try office.open(folder)
        let here = try office.run(program, request(folder))
        let there = try await office.runInBackground(program, request(folder))
        #expect(here.outcome.placements == there.outcome.placements)
        #expect(here.files["placements.csv"] == there.files["placements.csv"])
    }
}

@Suite struct SolveLimitTests {
    @Test func aLimitIsMoreThanNothingAndAtMostADay() throws {
        #expect(SolveLimits.isValid(1) && SolveLimits.isValid(86_400))
        #expect(!SolveLimits.isValid(0) && !SolveLimits.isValid(86_401) && !SolveLimits.isValid(-1))
    }

    /// Ties mean something only against a placement proved best, so they are
    /// looked for only when no limit applies: the request's, else the scenario's.
    @Test func tiesAreLookedForOnlyWhenNoLimitApplies() throws {
        let office = Office()
        func ties(_ program: SmallProgram, requested: Double?) throws -> [Tie]? {
            var r = RunRequest()
            r.output = Scratch.path("out").path
            r.solve = SolveLimits(timeLimit: requested)
            return try office.run(try office.open(try program.write()), r).ties
        }
        #expect(try ties(SmallProgram(), requested: nil) != nil)
        #expect(try ties(SmallProgram(), requested: 60) == nil)
        #expect(try ties(SmallProgram(timeLimit: 60), requested: nil) == nil)
    }
}

@Suite struct OfficeErrorTests {
    @Test func everyUseCaseSaysWhyInACode() throws {
        let folder = try SmallProgram().write()
        let office = Office()
        let program = try office.open(folder)
        let missing = Scratch.path("no-history").path
        func code(_ work: () throws(OfficeError) -> Void) -> OfficeError.Code? {
            do {
                try work()
                return nil
            } catch { return error.code }
        }
        #expect(code { () throws(OfficeError) in _ = try office.explain(program, .one("nobody")) } == .unknownFellow)
        #expect(code { () throws(OfficeError) in _ = try office.runs(history: missing) } == .noHistory)
        #expect(code { () throws(OfficeError) in _ = try office.apply(program, to: folder) } == .folderExists)
        let history = Scratch.path("history").path + ".sqlite"
        var r = RunRequest()
        r.output = Scratch.path("out").path
        r.history = history
        let id = try #require(try office.run(program, r).recorded)
        #expect(code { () throws(OfficeError) in _ = try office.recordedRun(id + 1, history: history) } == .noSuchRun)
        #expect(
            code { () throws(OfficeError) in
                _ = try office.nextIntake(program, history: history, to: Scratch.path("next").path)
            }
                == .noOfficialMatch)
        _ = try office.publish(id, note: "agreed", replace: false, history: history)
        #expect(
            code { () throws(OfficeError) in _ = try office.publish(id, note: "again", replace: false, history: history)
            } == .alreadyPublished)
    }
}

@Suite struct HistoryLocationTests {
    @Test func theSameHistoryIsFoundFromTheRootTheFolderAndTheScenario() throws {
        // Inside a folder of its own: nothing above it holds a history.
        let root = Scratch.path("box").appendingPathComponent("root")
        let scenarios = root.appendingPathComponent("Scenarios"), demo = scenarios.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: demo, withIntermediateDirectories: true)
        let history = scenarios.appendingPathComponent("fellowmatch-history.sqlite")
        #expect(HistoryLocation.find(from: root.path) != .found(history.path))
        try Data().write(to: history)
        for folder in [root, scenarios, demo] {
            #expect(HistoryLocation.find(from: folder.path) == .found(history.path), "\(folder.path)")
        }
        // A second history below the root: no guess.
        let other = root.appendingPathComponent("Archive")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data().write(to: other.appendingPathComponent("fellowmatch-history.sqlite"))
        guard case .ambiguous(let found) = HistoryLocation.find(from: root.path) else {
            Issue.record("two histories were not reported")
            return
        }
        #expect(found.count == 2)
    }
}
