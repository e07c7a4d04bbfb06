import Domain
import Foundation
import GLPKBackend
import ORLibrary
import PlacementSolver
import Reports
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let gapFolder = GAPLibrary.defaultFolder(repositoryRoot: repositoryRoot)

/// gap1–gap4 (20 instances), as listed in optima.tsv.
func smallGAPReferences() throws -> [GAPReference] {
    let folder = gapFolder
    return try GAPLibrary.references(in: folder).filter {
        ["gap1.txt", "gap2.txt", "gap3.txt", "gap4.txt"].contains($0.file)
    }
}

/// The whole path: instance → scenario folder on disk → ScenarioReader →
/// PlacementEngine → placements.csv text. The objective is then recomputed
/// from placements.csv and the instance's own matrices, and each agent's
/// capacity checked, independently of the engine.
@Suite
struct GAPScenarioTests {
    @Test(arguments: try smallGAPReferences())
    func reachesThePublishedOptimum(_ ref: GAPReference) throws {
        let instance = try GAPLibrary.instance(ref, in: gapFolder)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fm-gap-\(ref.instance)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScenarioWriter.write(instance.scenario(), to: folder)
        let scenario = try ScenarioReader().read(folder: folder).scenario
        let outcome = try PlacementEngine(solver: GLPKSolver()).run(scenario)
        #expect(outcome.status == .optimal)
        #expect(outcome.objective == Double(ref.value))

        // Independent check from the output file.
        let csv = PlacementsFile.render(outcome, scenario: scenario)
        var total = 0
        var used = [Int](repeating: 0, count: instance.agents)
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let j = Int(f[0].dropFirst(3))! - 1, i = Int(f[2].dropFirst(3))! - 1
            total += instance.cost[i][j]
            used[i] += instance.resource[i][j]
        }
        #expect(total == ref.value)
        for i in 0..<instance.agents { #expect(used[i] <= instance.capacity[i]) }
    }
}
