import Foundation
import GRDB

/// What a history file must be before FellowMatch writes a byte to it.
///
/// Opened read-only first, a file that exists is refused when:
/// - SQLite cannot read it or `PRAGMA quick_check` finds it damaged;
/// - it is an SQLite database of another program: another
///   `PRAGMA application_id` than FellowMatch's, or tables without
///   FellowMatch's (`run` and GRDB's `grdb_migrations`);
/// - it holds a migration this version does not know: a newer FellowMatch
///   wrote it, and this one might misread it or write what that one misreads.
/// An empty file, an SQLite database with no table, or one another run is
/// creating (GRDB's empty table of migrations only) becomes a new history.
enum HistoryFile {
    /// `PRAGMA application_id` of a FellowMatch history: "FMHS".
    static let applicationID: Int32 = 0x464D_4853

    static let whatToDo =
        "It cannot be trusted as the program's record, and nothing was written to it: restore it from a backup, "
        + "or move it aside (keep it: it is the evidence) and start a new history"

    static func check(_ path: String, knownMigrations: [String]) throws(HistoryError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        if isFolder.boolValue {
            throw HistoryError(code: .notAHistory, message: "the run history \(path) is a folder, not a history file")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 { return }
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be recording (or creating the history) right now: wait for it, as writers do.
        configuration.busyMode = .timeout(HistoryStore.busyTimeout)
        let verdict: HistoryError?
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            verdict = try queue.read { db in try judge(db, path: path, knownMigrations: knownMigrations) }
            try queue.close()
        } catch {
            throw HistoryError(
                code: .damaged,
                message: "the run history \(path) is damaged or not an SQLite database (\(HistoryStore.plain(error))). "
                    + "Nothing was written to it: restore it from a backup, or give the path of a FellowMatch history")
        }
        if let verdict { throw verdict }
    }

    static func judge(_ db: Database, path: String, knownMigrations: [String]) throws -> HistoryError? {
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
        if check != ["ok"] {
            return HistoryError(
                code: .damaged,
                message: "the run history \(path) is damaged (SQLite: \(check.prefix(3).joined(separator: "; "))). "
                    + "FellowMatch never starts over in its place: restore it from a backup")
        }
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if tables.isEmpty && application == 0 { return nil }
        // Another run is creating this history right now: GRDB makes its table
        // of migrations before the first migration commits.
        if application == 0 && tables == ["grdb_migrations"] {
            let applied = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0
            if applied == 0 { return nil }
        }
        let ours = application == applicationID || (application == 0 && tables.contains("grdb_migrations"))
        guard ours, tables.contains("run"), tables.contains("grdb_migrations") else {
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
            return HistoryError(
                code: .notAHistory,
                message: "\(path) is an SQLite database of another program, not a FellowMatch history (its tables: "
                    + "\(shown.isEmpty ? "none" : shown)); nothing was written to it: give another history path")
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        let unknown = applied.filter { !knownMigrations.contains($0) }
        if !unknown.isEmpty {
            return HistoryError(
                code: .newer,
                message: "the run history \(path) was written by a newer FellowMatch (its schema has "
                    + "\(unknown.map { "\"\($0)\"" }.joined(separator: ", "))); this version neither reads nor writes "
                    + "it: use the newer version")
        }
        return nil
    }
}
