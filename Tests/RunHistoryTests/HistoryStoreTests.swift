import Domain
import Foundation
import GLPKBackend
import PlacementSolver
import RunHistory
import TestSupport
import Testing

struct Interrupted: Error {}

@Suite struct HistoryStoreTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/demo")

    func temporaryStore() throws -> HistoryStore {
        let path = Scratch.path("history").appendingPathComponent("history.sqlite").path
        return try HistoryStore(path: path)
    }

    /// The demo solved, as a record.
    func demoRecord() throws -> RunRecord {
        let s = try ScenarioReader().read(folder: Self.demo).scenario
        let o = try PlacementEngine(solver: GLPKSolver()).run(s)
        return RunRecord(
            outcome: o, schedule: nil, scenario: s, scenarioPath: Self.demo.path, inputHash: "0123456789abcdef",
            settings: "objective=total-rank", recordedAt: "2026-12-01T10:00:00Z")
    }

    @Test func aRunIsRecordedWithItsPlacementsFundingAndSchedule() throws {
        let store = try temporaryStore()
        var run = try demoRecord()
        run.talks = [
            RecordedTalk(
                session: "s01", date: "2026-09-10", start: "12:00", end: "13:00", room: "Room 1", fellow: "f101",
                kind: "wip", mentor: "m01", sequence: 3)
        ]
        let id = try store.record(run)
        let back = try store.run(id)
        #expect(back.placements == run.placements)
        #expect(back.talks == run.talks)
        #expect(back.placements.contains { !$0.funding.isEmpty })
        #expect(back.objective == run.objective && back.status == "optimal" && back.intakeKey == "2026-27")
        #expect(back.directory.fellowName("f001") == "Priya Raman")
        #expect(back.outcome.rankProfile == [1: 14, 2: 2])
    }

    @Test func aCrashWhileRecordingLeavesTheHistoryAsItWas() throws {
        let store = try temporaryStore()
        let first = try store.record(try demoRecord())
        #expect(throws: HistoryError.self) { try store.record(try demoRecord(), interruption: { throw Interrupted() }) }
        let runs = try store.runs()
        #expect(runs.map(\.id) == [first])
        // The next run gets the next id: nothing of the interrupted one is left.
        let next = try store.record(try demoRecord())
        #expect(try store.run(next).placements.count == 28)
    }

    @Test func publishingAnotherRunNeedsReplaceAndKeepsBothWithTheirNotes() throws {
        let store = try temporaryStore()
        let a = try store.record(try demoRecord()), b = try store.record(try demoRecord())
        #expect(try store.publish(a, note: "committee, 1 Dec", replace: false, at: "2026-12-01T11:00:00Z") == nil)
        #expect(throws: HistoryError.self) {
            try store.publish(b, note: "costs fixed", replace: false, at: "2026-12-02T09:00:00Z")
        }
        let replaced = try store.publish(b, note: "costs fixed", replace: true, at: "2026-12-02T09:00:00Z")
        #expect(replaced?.id == a)
        let old = try store.run(a), new = try store.run(b)
        #expect(
            old.publishNote == "committee, 1 Dec" && old.replacedAt == "2026-12-02T09:00:00Z" && old.replacedBy == b
                && !old.isOfficial)
        #expect(new.publishNote == "costs fixed" && new.isOfficial)
        #expect(try store.official(intakeKey: "2026-27")?.id == b)
        // A published run is never changed, nor published again.
        #expect(throws: HistoryError.self) {
            try store.publish(b, note: "again", replace: true, at: "2026-12-03T09:00:00Z")
        }
    }

    @Test func theSchemaIsMigratedOnceAndReopens() throws {
        let store = try temporaryStore()
        let id = try store.record(try demoRecord())
        let again = try HistoryStore(path: store.path)
        #expect(try again.run(id).placements.count == 28)
    }
}
