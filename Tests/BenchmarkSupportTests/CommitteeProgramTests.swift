import Domain
import Foundation
import IntakeGenerator
import Testing

/// `generate --committees`: the committee columns of mentors.csv must reach
/// the written folder (they once did not, and every mentor then read back
/// with the defaults: no chair, which left the ample shape short of chairs).
@Suite struct CommitteeProgramTests {
    @Test(arguments: CommitteeShape.allCases)
    func mentorsCommitteeColumnsAreWrittenAndReadBack(shape: CommitteeShape) throws {
        var s = IntakeGenerator(newFellows: 80).scenario()
        shape.add(to: &s, seed: 2026)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fm-committees-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(s, to: dir)
        let back = try ScenarioReader().read(folder: dir).scenario
        #expect(back.mentorsHaveCommitteeColumns)
        #expect(back.mentors.map(\.chair) == s.mentors.map(\.chair))
        #expect(back.mentors.map(\.committeeLoad) == s.mentors.map(\.committeeLoad))
        #expect(back.mentors.contains { $0.chair })
    }

    /// Three conflicts are drawn per fellow of the tight shape; a person drawn
    /// twice once gave a duplicate row, which `check` rightly rejects.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func tightConflictsHaveNoDuplicateRow(seed: UInt64) throws {
        var s = IntakeGenerator(newFellows: 60, seed: seed).scenario()
        CommitteeShape.tight.add(to: &s, seed: seed)
        let pairs = s.conflicts.map { "\($0.person) \($0.fellow)" }
        #expect(Set(pairs).count == pairs.count)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fm-tight-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ScenarioWriter.write(s, to: dir)
        _ = try ScenarioReader().read(folder: dir)
    }
}
