import Foundation
import GRDB

/// Edits an SQLite file directly, as someone with `sqlite3` would: no
/// FellowMatch code runs, so the history's seals are not recomputed.
public enum SQLiteEdit {
    /// Runs `sql` (several statements allowed) on the database at `path`.
    public static func execute(_ sql: String, in path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// The first column of the first row of `sql`, as text.
    public static func value(_ sql: String, in path: String) throws -> String? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: sql) }
    }
}
