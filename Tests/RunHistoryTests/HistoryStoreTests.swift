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

    /// A new run reads the intake's latest run and the runs since its first
    /// publication only: not the what-if runs before it, nor another intake's.
    @Test func aNewRunReadsTheRunsSinceTheFirstPublication() throws {
        let store = try temporaryStore()
        let run = try demoRecord()
        var other = run
        other.intake = "2030-31"
        for k in 1...5 { try store.record(k == 2 ? other : run) }
        let before = try store.intakeRuns(run.intakeKey)
        #expect(before.latest?.id == 5 && before.latest?.recordedAt == run.recordedAt)
        #expect(before.sent.isEmpty && before.official == nil)
        _ = try store.publish(3, note: "committee", replace: false, at: "2026-12-01T11:00:00Z")
        var replanned = run
        replanned.talks = [
            RecordedTalk(
                session: "s01", date: "2027-01-12", start: "12:00", end: "13:00", room: "B-201", fellow: "f001",
                kind: "wip", mentor: "m01", sequence: 1)
        ]
        replanned.committees = [RecordedSeat(fellow: "f001", member: "m01", role: "mentor", chair: false)]
        replanned.defenses = [
            RecordedDefense(fellow: "f001", date: "2027-05-03", start: "10:00", end: "11:30", room: "R1")
        ]
        try store.record(replanned)
        let after = try store.intakeRuns(run.intakeKey)
        #expect(after.latest?.id == 6)
        #expect(after.sent.map(\.run) == [6, 5, 4, 3])
        #expect(after.official?.id == 3 && after.official?.placements == run.placements)
        // What the runs sent is what each run, read whole, says it issued.
        for sent in after.sent {
            let whole = try store.run(sent.run)
            #expect(sent.talks == whole.talks.map(\.asPrevious))
            #expect(sent.defenses == whole.issuedDefenses)
        }
        #expect(after.sent[0].talks.count == 1 && after.sent[0].defenses.first?.seats.count == 1)
        #expect(try store.intakeRuns("2030-31").sent.isEmpty)
        #expect(try store.intakeRuns("none").latest == nil)
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

    /// Committees (one row per seat) and defenses with their revisions come
    /// back as recorded, and as a re-plan reads them: seats by fellow, and
    /// each defense with the committee it was issued to.
    @Test func committeesAndDefensesAreRecorded() throws {
        let store = try temporaryStore()
        var run = try demoRecord()
        run.committees = [
            RecordedSeat(fellow: "f101", member: "m01", role: "mentor", chair: false),
            RecordedSeat(fellow: "f101", member: "c01", role: "reader", chair: true),
            RecordedSeat(fellow: "f101", member: "x01", role: "external", chair: false)
        ]
        run.defenses = [
            RecordedDefense(fellow: "f101", date: "2027-05-04", start: "10:00", end: "11:30", room: "B12", sequence: 2)
        ]
        let id = try store.record(run)
        let back = try store.run(id)
        #expect(back.committees == run.committees && back.defenses == run.defenses)
        #expect(back.committeeSeats["f101"]?.map(\.member) == ["m01", "c01", "x01"])
        let issued = try #require(back.issuedDefenses.first)
        #expect(issued.fellow == "f101" && issued.sequence == 2 && issued.slot.room == "B12")
        #expect("\(issued.slot.date) \(issued.slot.start)" == "2027-05-04 10:00" && issued.seats.count == 3)
        // A run without them reads back with none, and the chain holds for both.
        let plain = try store.record(try demoRecord())
        #expect(try store.run(plain).committees.isEmpty && (try store.runs()).count == 2)
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

    /// Recording tells which run was the intake's official match at that
    /// moment, so a run begun from another can say so.
    @Test func aRecordSaysWhichRunWasOfficialWhenItWasRecorded() throws {
        let store = try temporaryStore()
        let first = try store.recordSeeingOfficial(try demoRecord())
        #expect(first.official == nil)
        _ = try store.publish(first.id, note: "committee", replace: false, at: "2026-12-01T11:00:00Z")
        let second = try store.recordSeeingOfficial(try demoRecord())
        #expect(second.official == first.id && second.id == first.id + 1)
    }

    /// Runs creating the same new history at once all open it (each
    /// connection locks the file as another process would): one may read the
    /// applied migrations just before another commits the next one, and must
    /// then try again from where that one left the schema, not fail.
    @Test func manyOpeningANewHistoryAtOnceAllOpenIt() throws {
        for round in 0..<20 {
            let path = Scratch.path("race").appendingPathComponent("history-\(round).sqlite").path
            #expect(Self.openedAtOnce(path, by: 6) == 6, "round \(round)")
        }
    }

    /// How many of `count` threads, released together, open the history at `path`.
    static func openedAtOnce(_ path: String, by count: Int) -> Int {
        let start = DispatchSemaphore(value: 0), done = DispatchGroup()
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
        }
        let opened = Count()
        for _ in 0..<count {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                if (try? HistoryStore(path: path)) != nil { opened.lock.withLock { opened.value += 1 } }
                done.leave()
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        return opened.lock.withLock { opened.value }
    }
}

/// The history is tamper-evident (issue 26): edits made with SQLite directly
/// are named at the next read; files that are not a history this version can
/// trust are refused before anything is written.
@Suite struct HistorySealTests {
    let base = HistoryStoreTests()

    /// A history with three runs, the second published.
    func published() throws -> HistoryStore {
        let store = try base.temporaryStore()
        for _ in 0..<3 { try store.record(try base.demoRecord()) }
        _ = try store.publish(2, note: "committee", replace: false, at: "2026-12-01T11:00:00Z")
        return store
    }

    func expectTampered(_ store: HistoryStore, naming run: Int64, _ phrase: String = "") {
        for read in [
            { _ = try store.runs() }, { _ = try store.run(1) }, { _ = try store.official(intakeKey: "2026-27") }
        ] {
            do {
                try read()
                Issue.record("the edit was not noticed")
            } catch let e as HistoryError {
                #expect(e.code == .tampered, "\(e)")
                #expect(e.message.contains("run \(run) does not match") && e.message.contains(phrase), "\(e)")
            } catch { Issue.record("\(error)") }
        }
    }

    static let edits: [(String, Int64, String)] = [
        ("UPDATE placement SET lab = 'lab01' WHERE run_id = 2 AND position = 3", 2, "content"),
        ("UPDATE funding SET cents = cents + 100 WHERE run_id = 2 AND position = 0", 2, "content"),
        ("UPDATE name SET name = 'Forged' WHERE run_id = 2 AND kind = 'fellow' AND id = 'f001'", 2, "content"),
        ("DELETE FROM placement WHERE run_id = 3 AND position = 0", 3, "content"),
        (
            "DROP TRIGGER published_run_is_final; UPDATE run SET published_at = NULL WHERE id = 2; "
                + "CREATE TRIGGER published_run_is_final BEFORE UPDATE OF status ON run BEGIN SELECT 1; END", 2,
            "content"
        ),
        ("DELETE FROM run WHERE id = 2", 2, "deleted"),
        ("UPDATE seal SET content = 'x' WHERE position = 1", 1, "seal"),
        ("DELETE FROM seal WHERE position = 2", 2, "no seal"),
        (
            "INSERT INTO run SELECT 9, recorded_at, scenario_name, scenario_path, intake, intake_key, input_hash, version, "
                + "settings, objective_kind, status, objective, bound, gap, NULL, NULL, NULL, NULL, NULL FROM run WHERE id = 1",
            9, "no seal"
        )
    ]

    @Test(arguments: 0..<edits.count)
    func anEditWithSQLiteIsNamedAtTheNextRead(_ k: Int) throws {
        let (sql, run, phrase) = Self.edits[k]
        let store = try published()
        try SQLiteEdit.execute(sql, in: store.path)
        expectTampered(try HistoryStore(path: store.path), naming: run, phrase)
        // The store that wrote the history and verified it before sees the edit too (PRAGMA data_version).
        expectTampered(store, naming: run, phrase)
        // Nothing more is recorded into a forged history.
        #expect(throws: HistoryError.self) { try store.record(try base.demoRecord()) }
    }

    /// The seal's content is the SHA-256 of the documented text, built here
    /// from the rows (``SQLiteEdit/sealLines(_:in:)``) and hashed by
    /// coreutils' `sha256sum`: histories written by earlier versions keep verifying.
    @Test func aRunsContentIsTheHashOfItsRowsAsDocumented() throws {
        let store = try published()
        var text = ""
        for (table, key, order) in [
            ("run", "id", "id"), ("placement", "run_id", "position"), ("funding", "run_id", "position"),
            ("talk", "run_id", "position"), ("name", "run_id", "kind, id")
        ] {
            text += "[\(table)]\n"
            let sql = "SELECT * FROM \(table) WHERE \(key) = 2 ORDER BY \(order)"
            for line in try SQLiteEdit.sealLines(sql, in: store.path) { text += line + "\n" }
        }
        #expect(text.contains("[placement]\nrun_id=i2;position=i0;fellow=s"))
        let file = Scratch.path("seal-text")
        try Data(text.utf8).write(to: file)
        let sealed = try SQLiteEdit.value(
            "SELECT content FROM seal WHERE run_id = 2 ORDER BY position DESC LIMIT 1", in: store.path)
        #expect(sealed == (try Coreutils.sha256sum(file)))
    }

    @Test func droppingTheGuardIsNamed() throws {
        let store = try published()
        try SQLiteEdit.execute("DROP TRIGGER published_run_is_final", in: store.path)
        #expect {
            try store.runs()
        } throws: { ($0 as? HistoryError)?.code == .tampered && "\($0)".contains("guard") }
    }

    @Test func theChainLinksEachSealToTheOneBefore() throws {
        let store = try published()
        // Four seals: three recordings and one publication; each previous is the hash before it.
        let count = try SQLiteEdit.value("SELECT count(*) FROM seal", in: store.path)
        #expect(count == "4")
        for k in 2...4 {
            let previous = try SQLiteEdit.value("SELECT previous FROM seal WHERE position = \(k)", in: store.path)
            let before = try SQLiteEdit.value("SELECT hash FROM seal WHERE position = \(k - 1)", in: store.path)
            #expect(previous == before && previous?.count == 64)
        }
        #expect(try SQLiteEdit.value("SELECT event FROM seal WHERE position = 4", in: store.path) == "published")
        #expect(try store.head() == SQLiteEdit.value("SELECT hash FROM seal WHERE position = 4", in: store.path))
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aNewerHistoryIsRefusedAndLeftAsItIs() throws {
        let store = try published()
        try SQLiteEdit.execute("INSERT INTO grdb_migrations VALUES ('v9: from the future')", in: store.path)
        let before = bytes(store.path)
        #expect {
            try HistoryStore(path: store.path)
        } throws: { ($0 as? HistoryError)?.code == .newer && "\($0)".contains("newer FellowMatch") }
        #expect(bytes(store.path) == before)
    }

    /// A store kept open (a run reads the history, solves, then records
    /// itself) refuses a history a newer FellowMatch migrated meanwhile, as
    /// opening it would, and writes nothing.
    @Test func aStoreKeptOpenRefusesAHistoryMadeNewerMeanwhile() throws {
        let store = try published()
        _ = try store.runs()
        try SQLiteEdit.execute("INSERT INTO grdb_migrations VALUES ('v9: from the future')", in: store.path)
        let before = bytes(store.path)
        #expect {
            try store.record(try base.demoRecord())
        } throws: { ($0 as? HistoryError)?.code == .newer && "\($0)".contains("newer FellowMatch") }
        #expect(bytes(store.path) == before)
    }

    /// A store tells whether its path still names the file it opened: not
    /// after another file was moved into its place, nor after it was removed.
    @Test func aStoreTellsWhetherItsPathStillNamesItsFile() throws {
        let store = try published()
        #expect(store.stillAtItsPath)
        let other = try base.temporaryStore()
        try FileManager.default.removeItem(atPath: store.path)
        #expect(!store.stillAtItsPath)
        try FileManager.default.moveItem(atPath: other.path, toPath: store.path)
        #expect(!store.stillAtItsPath)
        #expect(try HistoryStore(path: store.path).stillAtItsPath)
    }

    /// The content of a run with thesis committees and defenses: the two
    /// later tables follow the first five, each headed, as documented.
    @Test func aRunsContentWithCommitteesIsTheHashOfItsRowsAsDocumented() throws {
        let store = try base.temporaryStore()
        var run = try base.demoRecord()
        run.committees = [
            RecordedSeat(fellow: "f001", member: "m02", role: "reader", chair: false),
            RecordedSeat(fellow: "f001", member: "x01", role: "external", chair: true)
        ]
        run.defenses = [RecordedDefense(fellow: "f001", date: "2027-05-03", start: "10:00", end: "11:30", room: "R1")]
        try store.record(run)
        var text = ""
        for (table, key, order) in [
            ("run", "id", "id"), ("placement", "run_id", "position"), ("funding", "run_id", "position"),
            ("talk", "run_id", "position"), ("name", "run_id", "kind, id"), ("committee_seat", "run_id", "position"),
            ("defense", "run_id", "position")
        ] {
            text += "[\(table)]\n"
            let sql = "SELECT * FROM \(table) WHERE \(key) = 1 ORDER BY \(order)"
            for line in try SQLiteEdit.sealLines(sql, in: store.path) { text += line + "\n" }
        }
        #expect(text.contains("[defense]\nrun_id=i1;position=i0;fellow=s4:f001;date=s10:2027-05-03;"))
        #expect(text.contains("chair=i1;"))
        let file = Scratch.path("seal-text")
        try Data(text.utf8).write(to: file)
        let sealed = try SQLiteEdit.value("SELECT content FROM seal WHERE run_id = 1", in: store.path)
        #expect(sealed == (try Coreutils.sha256sum(file)))
    }

    @Test func anotherProgramsDatabaseIsRefusedBeforeAnythingIsWritten() throws {
        let path = Scratch.path("other").appendingPathExtension("sqlite").path
        try SQLiteEdit.execute(
            "CREATE TABLE customer (id INTEGER, name TEXT); INSERT INTO customer VALUES (1, 'A')", in: path)
        let before = bytes(path)
        #expect {
            try HistoryStore(path: path)
        } throws: { ($0 as? HistoryError)?.code == .notAHistory && "\($0)".contains("customer") }
        #expect(bytes(path) == before)
    }

    @Test func aDamagedHistoryIsRefusedAndLeftAsItIs() throws {
        let store = try published()
        var data = try #require(bytes(store.path))
        data.replaceSubrange(0..<16, with: Data(repeating: 0x41, count: 16))  // the SQLite header
        try data.write(to: URL(fileURLWithPath: store.path))
        #expect {
            try HistoryStore(path: store.path)
        } throws: { ($0 as? HistoryError)?.code == .damaged }
        #expect(bytes(store.path) == data)
    }
}
