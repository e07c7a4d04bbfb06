import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// The history's chain of seals: every change FellowMatch makes to a run
/// (recorded, published, replaced) appends one seal, and every read checks
/// the whole chain, so an edit made outside FellowMatch is named.
///
/// Seal k holds the run's id, the event, the run's content hash and the hash
/// of seal k − 1:
///
///     content_k = SHA-256(every column of the run's rows: run, placement, funding, talk, name,
///                         and committee_seat and defense when the run has rows there)
///     hash_k    = SHA-256(hash_{k−1} ‖ run id ‖ event ‖ content_k),   hash_0 = ""
///
/// The history is intact when every seal's `previous` is the hash before it
/// and its own hash is recomputed equal, every run has a seal, and every
/// run's content now equals its latest seal's `content`.
///
/// What it protects against: any change, insertion or deletion of a run's
/// rows (placements, funding, talks, names, publication) or of a seal in the
/// middle of the chain, made with a tool other than FellowMatch that does not
/// also recompute the chain. What it does not: someone who recomputes every
/// hash after their edit (the formula is public, there is no secret key), or
/// who removes the newest runs together with their seals; only a copy of the
/// latest seal's hash kept elsewhere (``HistoryStore/head()``) reveals those.
enum HistorySeal {
    static let table = "seal"

    enum Event: String { case recorded, published, replaced, sealed }

    static func sha256(_ text: String) -> String { hex(SHA256.hash(data: Data(text.utf8))) }

    /// A digest in lowercase hexadecimal.
    static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    /// The content hash of run `id`: every column of its rows, tables and
    /// rows in a fixed order, each value with its type and length. The text
    ///
    ///     [table]\n column=value column=value …\n (one line per row) …
    ///
    /// is hashed as it is read, row by row, never held whole (a run of
    /// thousands of fellows has tens of thousands of rows, and every read of
    /// the history hashes every run).
    static func content(_ db: Database, run id: Int64) throws -> String {
        var hasher = SHA256()
        for (table, key) in [
            ("run", "id"), ("placement", "run_id"), ("funding", "run_id"), ("talk", "run_id"), ("name", "run_id")
        ] {
            let order = table == "run" ? "id" : (table == "name" ? "kind, id" : "position")
            hasher.add("[\(table)]\n")
            try addRows(&hasher, db, sql: "SELECT * FROM \(table) WHERE \(key) = ? ORDER BY \(order)", run: id)
        }
        // Tables added later (v5) count only where the run has rows: the
        // content of a run recorded before them, or without committees, is unchanged.
        for table in ["committee_seat", "defense"] where try db.tableExists(table) {
            try addRows(
                &hasher, db, sql: "SELECT * FROM \(table) WHERE run_id = ? ORDER BY position", run: id,
                heading: "[\(table)]\n")
        }
        return hex(hasher.finalize())
    }

    /// Adds one line per row of `sql` (`column=value` for every column, the
    /// value as ``appendValue(_:column:to:)`` writes it); with `heading`, the heading first, and
    /// only when there is a row. Read with SQLite's C interface, the bytes
    /// going straight to the hash: a history verified on every read hashes
    /// every run's tens of thousands of rows.
    private static func addRows(
        _ hasher: inout SHA256, _ db: Database, sql: String, run id: Int64, heading: String? = nil
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments([id])
        let names = (0..<statement.columnCount).map { Array((statement.columnNames[$0] + "=").utf8) }
        var bytes: [UInt8] = []
        var headed = heading == nil
        // The statement is stepped through its C handle: kept alive (not finalized) until the last row.
        try withExtendedLifetime(statement) {
            let s = statement.sqliteStatement
            while true {
                let code = sqlite3_step(s)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage)
                }
                if !headed, let heading { bytes += heading.utf8 }
                headed = true
                for (i, name) in zip(Int32(0)..., names) {
                    bytes += name
                    appendValue(s, column: i, to: &bytes)
                }
                bytes.append(0x0A)
                if bytes.count >= 1 << 16 {
                    hasher.update(data: bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
        }
        hasher.update(data: bytes)
    }

    /// Column `i` of the row `s` stands on, unambiguous: its type, and a
    /// text's or blob's length before it — `n;` (null), `i42;` (integer),
    /// `d` and the bit pattern in hexadecimal and `;` (real), `s5:Smith;`
    /// (text, its UTF-8 length), `b2:0aff;` (blob, in hexadecimal).
    private static func appendValue(_ s: OpaquePointer, column i: Int32, to bytes: inout [UInt8]) {
        switch sqlite3_column_type(s, i) {
        case SQLITE_NULL: bytes += "n;".utf8
        case SQLITE_INTEGER: bytes += "i\(sqlite3_column_int64(s, i));".utf8
        case SQLITE_FLOAT: bytes += "d\(String(sqlite3_column_double(s, i).bitPattern, radix: 16));".utf8
        case SQLITE_TEXT:
            let text = sqlite3_column_text(s, i)
            let count = Int(sqlite3_column_bytes(s, i))
            bytes += "s\(count):".utf8
            if let text { bytes += UnsafeBufferPointer(start: text, count: count) }
            bytes.append(0x3B)
        default:
            let blob = sqlite3_column_blob(s, i)
            let count = Int(sqlite3_column_bytes(s, i))
            bytes += "b\(count):".utf8
            if let blob {
                let raw = UnsafeRawBufferPointer(start: blob, count: count)
                bytes += raw.map { String(format: "%02x", $0) }.joined().utf8
            }
            bytes.append(0x3B)
        }
    }

    static func link(previous: String, run: Int64, event: String, content: String) -> String {
        sha256("\(previous)\n\(run)\n\(event)\n\(content)")
    }

    /// The hash of the latest seal ("" for an empty chain).
    static func head(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM seal ORDER BY position DESC LIMIT 1") ?? ""
    }

    /// Appends the seal of `event` on run `id`, with the run's content as it is now.
    static func append(_ db: Database, run id: Int64, _ event: Event) throws {
        let previous = try head(db)
        let content = try content(db, run: id)
        try db.execute(
            sql: "INSERT INTO seal (run_id, event, content, previous, hash) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                id, event.rawValue, content, previous,
                link(previous: previous, run: id, event: event.rawValue, content: content)
            ])
    }

    /// The first run (by id) whose rows or seals do not match, and how; `nil` when the chain holds.
    static func firstMismatch(_ db: Database) throws -> (run: Int64, what: String)? {
        var problems: [(run: Int64, what: String)] = []
        var previous = ""
        var latest: [Int64: String] = [:]
        for seal in try Row.fetchAll(db, sql: "SELECT * FROM seal ORDER BY position") {
            let run: Int64 = seal["run_id"]
            let event: String = seal["event"], content: String = seal["content"], hash: String = seal["hash"]
            let stored: String = seal["previous"]
            if stored != previous || hash != link(previous: previous, run: run, event: event, content: content) {
                problems.append((run, "its seal was changed, or a seal before it removed"))
                break
            }
            previous = hash
            latest[run] = content
        }
        let runs = try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id")
        for id in runs {
            guard let sealed = latest[id] else {
                problems.append((id, "it has no seal: its seal was removed, or the run added outside FellowMatch"))
                continue
            }
            if try content(db, run: id) != sealed {
                problems.append(
                    (
                        id,
                        "its content (placements, funding, talks, committees, defenses, names or publication) was changed"
                    ))
            }
        }
        let present = Set(runs)
        for id in latest.keys where !present.contains(id) { problems.append((id, "it was deleted")) }
        return problems.min { $0.run < $1.run }
    }
}

extension SHA256 {
    /// Adds `text`'s UTF-8 bytes.
    fileprivate mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }
}
