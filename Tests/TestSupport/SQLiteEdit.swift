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

extension SQLiteEdit {
    /// Every row of `sql` as one line `column=value…` in the history seal's
    /// documented encoding (`n;`, `i42;`, `d` and the bit pattern in
    /// hexadecimal, `s` and the UTF-8 length before a text), written here
    /// independently of the history's own code.
    public static func sealLines(_ sql: String, in path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.map { column, value in
                    switch value.storage {
                    case .null: return column + "=n;"
                    case .int64(let i): return column + "=i\(i);"
                    case .double(let d): return column + "=d" + String(d.bitPattern, radix: 16) + ";"
                    case .string(let s): return column + "=s\(s.utf8.count):" + s + ";"
                    case .blob(let b):
                        return column + "=b\(b.count):" + b.map { String(format: "%02x", $0) }.joined() + ";"
                    }
                }.joined()
            }
        }
    }
}
