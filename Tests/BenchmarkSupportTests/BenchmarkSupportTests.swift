import BenchmarkSupport
import Domain
import Foundation
import GLPKBackend
import IntakeGenerator
import ORLibrary
import PlacementSolver
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// The OR-Library files kept in the repository (Tests/Data/gap).
let gapFolder = GAPLibrary.defaultFolder(repositoryRoot: repositoryRoot)

@Suite struct IntakeGeneratorTests {
    @Test func sameSeedGivesTheSameFiles() {
        let a = ScenarioWriter.files(for: IntakeGenerator(newFellows: 40, seed: 7).scenario())
        let b = ScenarioWriter.files(for: IntakeGenerator(newFellows: 40, seed: 7).scenario())
        let c = ScenarioWriter.files(for: IntakeGenerator(newFellows: 40, seed: 8).scenario())
        #expect(a == b)
        #expect(a != c)
    }

    @Test func generatedIntakesHaveTheRealisticShape() throws {
        let s = IntakeGenerator(newFellows: 60).scenario()
        #expect(s.newFellows.count == 60)
        #expect(s.continuingFellows.count > 20)
        #expect(Set(s.fellows.map(\.track)) == ["clinical", "population-health", "imaging", "bioinformatics"])
        let ranked = Dictionary(grouping: s.preferences, by: \.fellow).values.map(\.count)
        #expect(ranked.allSatisfy { (3...8).contains($0) })
        #expect(s.funding.contains { $0.citizensOnly && $0.lab == nil })
        #expect(s.funding.contains { $0.lab != nil && !$0.areas.isEmpty })
        #expect(s.fellows.contains { $0.citizenship == .other && $0.externalFunding > 0 })
        #expect(Set(s.costs.map(\.cost)).count > 1)
        #expect(Dictionary(grouping: s.mentors, by: \.lab).values.allSatisfy { $0.count >= 2 })
    }

    @Test func generatedFolderReadsBackAndSolves() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fm-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(IntakeGenerator(newFellows: 50).scenario(), to: dir)
        let r = try ScenarioReader().read(folder: dir)
        #expect(r.warnings.isEmpty)
        let o = try PlacementEngine(solver: GLPKSolver()).run(r.scenario)
        #expect(o.status == .optimal)
        #expect(o.placements.filter { $0.status != .continuing }.count == 50)
    }
}

@Suite
struct GAPRunnerTests {
    @Test func runnerReachesTheKnownOptimaOfGap1() throws {
        let runner = GAPRunner(folder: gapFolder, timeLimit: 60)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fm-gaprun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let refs = try runner.references(files: ["gap1.txt"])
        #expect(refs.count == 5)
        let rows = try refs.prefix(2).map { (try runner.runFellowMatch($0, work: work), nil as GAPRunResult?) }
        for (r, _) in rows {
            #expect(r.provedOptimal && !r.contradictsOptimum)
            #expect(r.found == Double(r.known))
        }
        let table = GAPReport.table(rows)
        #expect(table.contains("| gap1-1 | 336 | 336 | yes |"))
        #expect(table.contains("**2/2**"))
    }

    @Test func aWrongOptimumIsFlagged() {
        let r = GAPRunResult(instance: "x", known: 10, knownKind: "optimal", found: 11, provedOptimal: true, seconds: 1)
        #expect(r.contradictsOptimum)
        #expect(GAPReport.table([(r, nil)]).contains("**WRONG**"))
    }

    @Test(
        .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/glpsol"), "glpsol (glpk-utils) is not installed"))
    func glpsolComparisonReadsItsResult() throws {
        let runner = GAPRunner(folder: gapFolder, timeLimit: 30)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fm-glpsol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let ref = try #require(try runner.references(files: ["gap1.txt"]).first)
        let g = try runner.runGlpsol(ref, work: work)
        #expect(g.found == 336 && g.provedOptimal)
    }
}
