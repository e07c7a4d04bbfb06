import GRDB

extension DatabaseMigrator {
    /// Brings a database's schema up to date while other processes may be
    /// doing the same. Each reads the applied migrations before taking the
    /// write lock (GRDB), so one may try a migration another has just
    /// committed ("table run already exists", "duplicate column name").
    ///
    /// A failure is tried again when the applied migrations changed since
    /// before the attempt: another process moved the schema on (the applied
    /// set only grows), and the next attempt starts from where it left it. A
    /// failure with nothing changed is a real one and is thrown.
    public func migrateBesideOthers(_ database: DatabaseQueue) throws {
        for attempt in 1... {
            let before = try Self.applied(database)
            do {
                return try migrate(database)
            } catch let error as DatabaseError where attempt < 10 {
                guard let after = try? Self.applied(database), after != before else { throw error }
            }
        }
    }

    /// The migrations applied so far (none in a new, empty file).
    static func applied(_ database: DatabaseQueue) throws -> [String] {
        try database.read { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
    }
}
