import Domain
import Foundation
import GRDB
import PlacementSolver
import Synchronization

/// Why the history could not be read or written.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case unavailable, noSuchRun, alreadyPublished, published, storage
        /// An SQLite database, or another file, that is not a FellowMatch history.
        case notAHistory
        /// Written by a newer FellowMatch (a schema this version does not know).
        case newer
        /// SQLite finds the file damaged.
        case damaged
        /// A run or seal does not match the chain (``HistorySeal``): edited outside FellowMatch.
        case tampered
    }
    public var code: Code
    public var message: String
    public var description: String { message }
}

/// The run history: every run of `fellowmatch run`, and which run is the
/// official match of each intake, in one SQLite file (GRDB).
///
/// - Each run is recorded in one transaction: a crash part-way leaves the
///   history as it was.
/// - The schema is created and upgraded by migrations (`DatabaseMigrator`).
/// - Several processes may record at once: SQLite serialises the writers,
///   and each waits (up to ``busyTimeout`` seconds) for the others.
/// - A published run is never changed; publishing another run of the same
///   intake needs `replace`, and keeps the old one, marked replaced with when
///   and why.
/// - Before anything is written, the file is checked (``HistoryFile``): a
///   database that is not a FellowMatch history, one written by a newer
///   version, or a damaged one is refused as it is.
/// - Every run and every publication is sealed in a chain (``HistorySeal``);
///   every read and write first verifies the chain and the guard trigger,
///   and refuses, naming the first run that does not match. A store verifies
///   again only when another connection (another store, process or tool)
///   has committed a change since it last verified (SQLite's
///   `PRAGMA data_version`): a run that reads the history and then records
///   itself through one store hashes every earlier run once, not twice.
public final class HistoryStore: Sendable {
    /// The file's default name, in the folder that holds the scenario folders.
    public static let defaultFileName = "fellowmatch-history.sqlite"
    public static let busyTimeout: TimeInterval = 30

    let database: DatabaseQueue
    public let path: String
    /// `PRAGMA data_version` when this store last verified the history (`nil`: never).
    private let verifiedVersion = Mutex<Int64?>(nil)
    /// The file this store opened (device and inode), to tell whether `path` still names it.
    private let opened: FileIdentity?

    /// Opens (creating if needed) the history at `path` and brings its schema up to date.
    public init(path: String) throws(HistoryError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        try HistoryFile.check(path, knownMigrations: Self.migrator.migrations)
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrate(database)
            opened = FileIdentity(path)
        } catch {
            throw HistoryError(
                code: .unavailable, message: "the run history \(path) cannot be opened: \(Self.plain(error))")
        }
    }

    /// Brings the schema up to date, beside other runs doing the same
    /// (`DatabaseMigrator.migrateBesideOthers`, in MigratingBesideOthers.swift).
    static func migrate(_ database: DatabaseQueue) throws {
        try migrator.migrateBesideOthers(database)
    }

    /// Whether a history file exists at `path` (commands that only read it say so when not).
    public static func exists(at path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, placements, funding, talks") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recorded_at", .text).notNull()
                t.column("scenario_name", .text).notNull()
                t.column("scenario_path", .text).notNull()
                t.column("intake", .text)
                t.column("intake_key", .text).notNull().indexed()
                t.column("input_hash", .text).notNull()
                t.column("version", .text).notNull()
                t.column("settings", .text).notNull()
                t.column("objective_kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("objective", .double)
                t.column("bound", .double)
                t.column("gap", .double)
                t.column("published_at", .text)
                t.column("publish_note", .text)
                t.column("replaced_at", .text)
                t.column("replaced_note", .text)
                t.column("replaced_by", .integer).references("run")
            }
            try db.create(table: "placement") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("fellow", .text).notNull()
                t.column("fellow_name", .text).notNull()
                t.column("status", .text).notNull()
                t.column("lab", .text)
                t.column("mentor", .text)
                t.column("rank", .integer)
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "funding") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("fellow", .text).notNull()
                t.column("source", .text).notNull()
                t.column("cents", .integer).notNull()
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "talk") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("session", .text).notNull()
                t.column("date", .text).notNull()
                t.column("start", .text).notNull()
                t.column("end", .text).notNull()
                t.column("room", .text).notNull()
                t.column("fellow", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("mentor", .text).notNull()
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "name") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("id", .text).notNull()
                t.column("name", .text).notNull()
                t.primaryKey(["run_id", "kind", "id"])
            }
            // A published run cannot be changed, only marked replaced.
            try db.execute(
                sql: """
                    CREATE TRIGGER published_run_is_final BEFORE UPDATE OF recorded_at, scenario_name, input_hash, settings, status,
                        objective, bound, gap, published_at, publish_note ON run
                    WHEN OLD.published_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'a published run cannot be changed'); END;
                    """)
        }
        // Each talk's calendar revision (SEQUENCE). Runs recorded before it
        // count as revision 1: earlier versions published moved talks with 1,
        // so a later move or cancellation must go above that.
        migrator.registerMigration("v2: talk sequence") { db in
            try db.alter(table: "talk") { t in t.add(column: "sequence", .integer).notNull().defaults(to: 1) }
        }
        // The chain of seals; the runs already recorded are sealed as they are
        // (trusted once, when the history is first opened by this version).
        migrator.registerMigration("v3: seals") { db in
            try db.create(table: HistorySeal.table) { t in
                t.autoIncrementedPrimaryKey("position")
                t.column("run_id", .integer).notNull()
                t.column("event", .text).notNull()
                t.column("content", .text).notNull()
                t.column("previous", .text).notNull()
                t.column("hash", .text).notNull()
            }
            try db.execute(sql: "PRAGMA application_id = \(HistoryFile.applicationID)")
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id") {
                try HistorySeal.append(db, run: id, .sealed)
            }
        }
        // Preference rounds: who may rank (by a hashed personal token) and
        // every ranking saved, kept as a log (a later save never overwrites).
        migrator.registerMigration("v4: preference rounds") { db in try PreferenceRounds.createTables(db) }
        // Thesis committees (one row per seat) and defenses, with each
        // defense's calendar revision: a re-plan keeps the published ones
        // and the calendars move or cancel what earlier runs issued.
        migrator.registerMigration("v5: committees and defenses") { db in
            try db.create(table: "committee_seat") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("fellow", .text).notNull()
                t.column("member", .text).notNull()
                t.column("role", .text).notNull()
                t.column("chair", .boolean).notNull()
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "defense") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("fellow", .text).notNull()
                t.column("date", .text).notNull()
                t.column("start", .text).notNull()
                t.column("end", .text).notNull()
                t.column("room", .text).notNull()
                t.column("sequence", .integer).notNull()
                t.primaryKey(["run_id", "position"])
            }
        }
        return migrator
    }

    // MARK: Recording

    /// Records a run in one transaction and returns its id. `interruption`
    /// runs inside the transaction after the run's row is written (tests use
    /// it to simulate a crash part-way: the transaction rolls back).
    @discardableResult
    public func record(_ run: RunRecord, interruption: (@Sendable () throws -> Void)? = nil) throws(HistoryError)
        -> Int64
    {
        try recordSeeingOfficial(run, interruption: interruption).id
    }

    /// Records a run (``record(_:interruption:)``) and returns its id with
    /// the id of its intake's official match as it stood when the run was
    /// recorded (read in the same transaction; `nil`: none), so a run begun
    /// from another official match can say so.
    public func recordSeeingOfficial(_ run: RunRecord, interruption: (@Sendable () throws -> Void)? = nil)
        throws(HistoryError) -> (id: Int64, official: Int64?)
    {
        do {
            return try database.write { db -> (id: Int64, official: Int64?) in
                try verifyUnlessUnchanged(db)
                let official = try Self.officialID(db, intakeKey: run.intakeKey)
                try db.execute(
                    sql: """
                        INSERT INTO run (recorded_at, scenario_name, scenario_path, intake, intake_key, input_hash, version, settings,
                                         objective_kind, status, objective, bound, gap)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        run.recordedAt, run.scenarioName, run.scenarioPath, run.intake, run.intakeKey, run.inputHash,
                        run.version,
                        run.settings, run.objectiveKind, run.status, run.objective, run.bound, run.gap
                    ])
                let id = db.lastInsertedRowID
                try interruption?()
                try Self.insertRows(of: run, id: id, db)
                try HistorySeal.append(db, run: id, .recorded)
                return (id, official)
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(
                code: .storage,
                message: "the run could not be recorded in \(path): \(Self.plain(error)); the history is as it was")
        }
    }

    /// Inserts a run's rows (placements, funding shares, names, talks,
    /// committee seats, defenses) under its id, each table's statement
    /// prepared once (a run of thousands of fellows has tens of thousands of rows).
    private static func insertRows(of run: RunRecord, id: Int64, _ db: Database) throws {
        let placement = try db.cachedStatement(sql: "INSERT INTO placement VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let funding = try db.cachedStatement(sql: "INSERT INTO funding VALUES (?, ?, ?, ?, ?)")
        var share = 0
        for (k, p) in run.placements.enumerated() {
            let row: StatementArguments = [id, k, p.fellow, p.fellowName, p.status.rawValue, p.lab, p.mentor, p.rank]
            try placement.execute(arguments: row)
            for f in p.funding {
                try funding.execute(arguments: [id, share, p.fellow, f.source, f.cents])
                share += 1
            }
        }
        let name = try db.cachedStatement(sql: "INSERT INTO name VALUES (?, ?, ?, ?)")
        for (kind, entries) in run.names.sorted(by: { $0.key < $1.key }) {
            for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
                try name.execute(arguments: [id, kind, key, value])
            }
        }
        let talk = try db.cachedStatement(sql: "INSERT INTO talk VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (k, t) in run.talks.enumerated() {
            try talk.execute(
                arguments: [id, k, t.session, t.date, t.start, t.end, t.room, t.fellow, t.kind, t.mentor, t.sequence])
        }
        let seat = try db.cachedStatement(sql: "INSERT INTO committee_seat VALUES (?, ?, ?, ?, ?, ?)")
        for (k, c) in run.committees.enumerated() {
            try seat.execute(arguments: [id, k, c.fellow, c.member, c.role, c.chair])
        }
        let defense = try db.cachedStatement(sql: "INSERT INTO defense VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for (k, d) in run.defenses.enumerated() {
            try defense.execute(arguments: [id, k, d.fellow, d.date, d.start, d.end, d.room, d.sequence])
        }
    }

    // MARK: Publishing

    /// Marks run `id` as the official match of its intake. With another run
    /// of the intake already published, `replace` must be set: that run is
    /// kept, marked replaced (when, by which run, and `note`).
    public func publish(_ id: Int64, note: String, replace: Bool, at time: String) throws(HistoryError) -> RunRecord? {
        do {
            return try database.write { db -> RunRecord? in
                try verifyUnlessUnchanged(db)
                guard let run = try Self.fetchRun(db, id) else {
                    throw HistoryError(code: .noSuchRun, message: "there is no run \(id) in \(path)")
                }
                if run.publishedAt != nil {
                    throw HistoryError(
                        code: .published, message: "run \(id) is already published (\(run.publishedAt!))")
                }
                let current = try Self.official(db, intakeKey: run.intakeKey)
                if let current, !replace {
                    throw HistoryError(
                        code: .alreadyPublished,
                        message:
                            "run \(current.id) is the official match of \(run.intakeKey) (published \(current.publishedAt ?? "")); "
                            + "run \(id) can replace it, and run \(current.id) then stays recorded as replaced"
                    )
                }
                if let current {
                    try db.execute(
                        sql: "UPDATE run SET replaced_at = ?, replaced_note = ?, replaced_by = ? WHERE id = ?",
                        arguments: [time, note, id, current.id])
                    try HistorySeal.append(db, run: current.id, .replaced)
                }
                try db.execute(
                    sql: "UPDATE run SET published_at = ?, publish_note = ? WHERE id = ?", arguments: [time, note, id])
                try HistorySeal.append(db, run: id, .published)
                return current
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "run \(id) could not be published: \(Self.plain(error))")
        }
    }

    // MARK: Reading

    /// Runs, newest first; of one intake (its label or scenario name) when given.
    public func runs(intakeKey: String? = nil) throws(HistoryError) -> [RunRecord] {
        do {
            return try database.read { db in
                try verifyUnlessUnchanged(db)
                let ids = try Int64.fetchAll(
                    db,
                    sql: intakeKey == nil
                        ? "SELECT id FROM run ORDER BY id DESC"
                        : "SELECT id FROM run WHERE intake_key = ? ORDER BY id DESC",
                    arguments: intakeKey.map { [$0] } ?? [])
                return try ids.compactMap { try Self.fetchRun(db, $0) }
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "the run history \(path) cannot be read: \(Self.plain(error))")
        }
    }

    public func run(_ id: Int64) throws(HistoryError) -> RunRecord {
        let found: RunRecord?
        do {
            found = try database.read { db in
                try verifyUnlessUnchanged(db)
                return try Self.fetchRun(db, id)
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "the run history \(path) cannot be read: \(Self.plain(error))")
        }
        guard let found else {
            throw HistoryError(
                code: .noSuchRun, message: "there is no run \(id) in \(path)")
        }
        return found
    }

    /// The official match of an intake, if one is published.
    public func official(intakeKey: String) throws(HistoryError) -> RunRecord? {
        do {
            return try database.read { db in
                try verifyUnlessUnchanged(db)
                return try Self.official(db, intakeKey: intakeKey)
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "the run history \(path) cannot be read: \(Self.plain(error))")
        }
    }

    /// The hash of the latest seal: kept elsewhere (`publish` prints it), it
    /// shows whether the newest runs were removed or rewritten with their seals.
    public func head() throws(HistoryError) -> String {
        do {
            return try database.read { db in
                try verifyUnlessUnchanged(db)
                return try HistorySeal.head(db)
            }
        } catch let e as HistoryError {
            throw e
        } catch {
            throw HistoryError(code: .storage, message: "the run history \(path) cannot be read: \(Self.plain(error))")
        }
    }

    /// ``verify(_:path:)``, unless no other connection has committed a change
    /// since this store last verified: SQLite's `PRAGMA data_version` on this
    /// store's one connection changes exactly when another connection commits
    /// (this store's own writes, sealed as they are made, leave it as it is).
    /// A change since an earlier verification is also judged as opening the
    /// file judges it (``HistoryFile``: damaged, another program's, newer).
    func verifyUnlessUnchanged(_ db: Database) throws {
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        let verified = verifiedVersion.withLock { $0 }
        if let version, verified == version { return }
        if verified != nil,
            let verdict = try HistoryFile.judge(db, path: path, knownMigrations: Self.migrator.migrations)
        {
            throw verdict
        }
        try Self.verify(db, path: path)
        verifiedVersion.withLock { $0 = version }
    }

    /// Whether `path` still names the file this store opened (not removed,
    /// nor replaced by another file moved into its place, as a backup restored).
    public var stillAtItsPath: Bool { opened != nil && FileIdentity(path) == opened }

    /// Checks the guard trigger and the chain of seals; throws ``HistoryError/Code/tampered`` naming the first run
    /// that does not match.
    static func verify(_ db: Database, path: String) throws {
        let guardPresent =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'published_run_is_final'"
            )
            ?? 0
        if guardPresent == 0 {
            throw HistoryError(
                code: .tampered,
                message: "the run history \(path) was changed outside FellowMatch: the guard that keeps published runs "
                    + "final was removed. \(HistoryFile.whatToDo)")
        }
        if let (run, what) = try HistorySeal.firstMismatch(db) {
            throw HistoryError(
                code: .tampered,
                message: "the run history \(path) was changed outside FellowMatch: run \(run) does not match its seal ("
                    + "\(what)). \(HistoryFile.whatToDo)")
        }
    }

    static func official(_ db: Database, intakeKey: String) throws -> RunRecord? {
        guard let id = try officialID(db, intakeKey: intakeKey) else { return nil }
        return try fetchRun(db, id)
    }

    static func officialID(_ db: Database, intakeKey: String) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM run WHERE intake_key = ? AND published_at IS NOT NULL AND replaced_at IS NULL",
            arguments: [intakeKey])
    }

    static func fetchRun(_ db: Database, _ id: Int64) throws -> RunRecord? {
        guard let r = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else { return nil }
        // Columns named in the queries and read by position (a look-up by name compares names, row by row).
        var shares: [String: [FundingShare]] = [:]
        for f in try Row.fetchAll(
            db, sql: "SELECT fellow, source, cents FROM funding WHERE run_id = ? ORDER BY position", arguments: [id])
        {
            shares[f[0], default: []].append(FundingShare(source: f[1], cents: f[2]))
        }
        let placements = try Row.fetchAll(
            db,
            sql: """
                SELECT fellow, fellow_name, status, lab, mentor, rank FROM placement
                WHERE run_id = ? ORDER BY position
                """,
            arguments: [id]
        ).map { p in
            let status: String = p[2]
            guard let standing = PlacementStanding(rawValue: status) else {
                throw HistoryError(
                    code: .storage, message: "run \(id) holds a placement whose status \"\(status)\" is not a known one"
                )
            }
            let fellow: String = p[0]
            return RecordedPlacement(
                fellow: fellow, fellowName: p[1], status: standing, lab: p[3], mentor: p[4], rank: p[5],
                funding: shares[fellow] ?? [])
        }
        let talks = try fetchTalks(db, id)
        var names: [String: [String: String]] = [:]
        for n in try Row.fetchAll(db, sql: "SELECT kind, id, name FROM name WHERE run_id = ?", arguments: [id]) {
            names[n[0], default: [:]][n[1]] = n[2]
        }
        var run = RunRecord(
            recordedAt: r["recorded_at"], scenarioName: r["scenario_name"], scenarioPath: r["scenario_path"],
            intake: r["intake"],
            inputHash: r["input_hash"], version: r["version"], settings: r["settings"],
            objectiveKind: r["objective_kind"],
            status: r["status"], objective: r["objective"], bound: r["bound"], gap: r["gap"], placements: placements,
            talks: talks)
        run.id = r["id"]
        run.names = names
        (run.committees, run.defenses) = try fetchCommitteesAndDefenses(db, id)
        run.publishedAt = r["published_at"]
        run.publishNote = r["publish_note"]
        run.replacedAt = r["replaced_at"]
        run.replacedNote = r["replaced_note"]
        run.replacedBy = r["replaced_by"]
        return run
    }

    /// Run `id`'s talks, in their recorded order. The columns are named in
    /// the query and read by position: a run of thousands of fellows has
    /// tens of thousands of talks, and a look-up by name compares names.
    static func fetchTalks(_ db: Database, _ id: Int64) throws -> [RecordedTalk] {
        let sql = """
            SELECT session, date, start, "end", room, fellow, kind, mentor, sequence FROM talk
            WHERE run_id = ? ORDER BY position
            """
        return try Row.fetchAll(db, sql: sql, arguments: [id]).map { t in
            RecordedTalk(
                session: t[0], date: t[1], start: t[2], end: t[3], room: t[4], fellow: t[5], kind: t[6], mentor: t[7],
                sequence: t[8])
        }
    }

    /// Run `id`'s committee seats and defenses (none in a history from before they were recorded).
    static func fetchCommitteesAndDefenses(_ db: Database, _ id: Int64) throws -> ([RecordedSeat], [RecordedDefense]) {
        guard try db.tableExists("committee_seat") else { return ([], []) }
        let seats = try Row.fetchAll(
            db, sql: "SELECT * FROM committee_seat WHERE run_id = ? ORDER BY position", arguments: [id]
        ).map { RecordedSeat(fellow: $0["fellow"], member: $0["member"], role: $0["role"], chair: $0["chair"]) }
        let defenses = try Row.fetchAll(
            db, sql: "SELECT * FROM defense WHERE run_id = ? ORDER BY position", arguments: [id]
        ).map {
            RecordedDefense(
                fellow: $0["fellow"], date: $0["date"], start: $0["start"], end: $0["end"], room: $0["room"],
                sequence: $0["sequence"])
        }
        return (seats, defenses)
    }

    static func plain(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        if let e = error as? HistoryError { return e.message }
        return "\(error)"
    }
}

/// A file's device and inode: the same for as long as the file exists, whatever its name.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the file at `path`, `nil` when there is none.
    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
