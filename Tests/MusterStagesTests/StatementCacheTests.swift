import GRDB
import Testing

@testable import MusterStages

/// The export binds values straight to SQLite; these pin what GRDB used to guarantee.
@Suite struct StatementCacheTests {
    private func withTable(_ body: (Database, StatementCache) throws -> Void) throws {
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "CREATE TABLE t (key TEXT PRIMARY KEY, note TEXT)")
            try body(db, StatementCache())
        }
    }

    @Test func textNullAndTheEmptyStringLandAsGiven() throws {
        try withTable { db, statements in
            let rows: [(String, String?)] = [("a", "Siti Aminah ✓"), ("b", nil), ("c", ""), (String(repeating: "k", count: 300), "long key")]
            for (key, note) in rows {
                try statements.execute("INSERT INTO t (key, note) VALUES (?, ?)", db) { row in
                    row.bind(key)
                    row.bind(note)
                }
            }
            let stored = try Row.fetchAll(db, sql: "SELECT key, note, note IS NULL FROM t ORDER BY rowid").map { row in
                "\((row[0] as String).prefix(3))|\((row[1] as String?) ?? "NULL")|\(row[2] as Bool)"
            }
            #expect(stored == ["a|Siti Aminah ✓|false", "b|NULL|true", "c||false", "kkk|long key|false"])
        }
    }

    @Test func aFailedStatementThrowsSQLitesErrorAndTheStatementStaysUsable() throws {
        try withTable { db, statements in
            func insert(_ key: String) throws {
                try statements.execute("INSERT INTO t (key, note) VALUES (?, 'x')", db) { $0.bind(key) }
            }
            try insert("a")
            let error = #expect(throws: DatabaseError.self) { try insert("a") }
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            try insert("b")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 2)
        }
    }

    @Test func tooFewValuesAreRefusedBeforeAnythingRuns() throws {
        try withTable { db, statements in
            #expect(throws: DatabaseError.self) {
                try statements.execute("INSERT INTO t (key, note) VALUES (?, ?)", db) { $0.bind("a") }
            }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t")
            #expect(count == 0)
        }
    }
}
