import GRDB
import MusterTesting
import Testing

@testable import MusterStages

@Suite struct RegistrySchemaTests {
    /// A registry in `directory` made up to `version`, given `rows`, then migrated to the end.
    private func migrated(from version: String, rows: String, in directory: TemporaryDirectory) throws -> DatabaseQueue {
        let database = try DatabaseQueue(path: directory.path + "/registry.sqlite")
        try RegistrySchema.migrator().migrate(database, upTo: version)
        try database.write { db in try db.execute(sql: rows) }
        try RegistrySchema.migrator().migrate(database)
        return database
    }

    @Test func evidenceRowsOfAnOlderRegistryMoveOntoTheirSourceRecords() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try migrated(
            from: "v2-lookup-indexes",
            rows: """
                INSERT INTO participants (id, golden, first_run, last_run) VALUES ('P000001', '{}', 'r1', 'r1');
                INSERT INTO source_records (key, source_id, file, locator, content_hash, kind, participant_id, raw, last_run)
                VALUES ('s:a.csv#row:2', 's', 'a.csv', 'row:2', 'h', 'participant', 'P000001', '{}', 'r1'),
                       ('s:a.csv#row:3', 's', 'a.csv', 'row:3', 'h', 'participant', 'P000001', '{}', 'r1');
                INSERT INTO match_evidence (participant_id, record_key, rule, other_key) VALUES
                    ('P000001', 's:a.csv#row:3', 'exact-phone', 's:a.csv#row:2'),
                    ('P000001', 's:a.csv#row:3', 'exact-email', 's:a.csv#row:2');
                """, in: directory)
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT key, evidence FROM source_records ORDER BY key").map { "\($0[0] as String)=\(($0[1] as String?) ?? "nil")" }
        }
        #expect(
            rows == [
                "s:a.csv#row:2=nil",
                #"s:a.csv#row:3=[{"other":"s:a.csv#row:2","rule":"exact-phone"},{"other":"s:a.csv#row:2","rule":"exact-email"}]"#,
            ])
        let tables = try database.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'match_evidence'") }
        #expect(tables.isEmpty)
    }

    @Test func theRunThatLastSawEachRecordMovesToRecordSeen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try migrated(
            from: "v3-evidence-on-source-records",
            rows: """
                INSERT INTO participants (id, golden, first_run, last_run) VALUES ('P000001', '{}', 'r1', 'r2');
                INSERT INTO source_records (key, source_id, file, locator, content_hash, kind, participant_id, raw, last_run)
                VALUES ('s:a.csv#row:2', 's', 'a.csv', 'row:2', 'h', 'participant', 'P000001', '{}', 'r1'),
                       ('s:a.csv#row:3', 's', 'a.csv', 'row:3', 'h', 'participant', 'P000001', '{}', 'r2');
                """, in: directory)
        let seen = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT key, run FROM record_seen ORDER BY key").map { "\($0[0] as String)=\($0[1] as String)" }
        }
        #expect(seen == ["s:a.csv#row:2=r1", "s:a.csv#row:3=r2"])
        let indexes = try database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'source_records_run'")
        }
        #expect(indexes.isEmpty)
    }

    @Test func enrollmentsOfAnOlderRegistryGainAnEmptyStatus() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try migrated(
            from: "v4-record-seen",
            rows: """
                INSERT INTO participants (id, golden, first_run, last_run) VALUES ('P000001', '{}', 'r1', 'r1');
                INSERT INTO source_records (key, source_id, file, locator, content_hash, kind, participant_id, raw, last_run)
                VALUES ('s:a.csv#row:2', 's', 'a.csv', 'row:2', 'h', 'participant', 'P000001', '{}', 'r1');
                INSERT INTO enrollments (source_key, participant_id, programme, session, title, date, attendance)
                VALUES ('s:a.csv#row:2', 'P000001', 'WUIB', 'A1', 'Tas', '2024-09-02', '[]');
                """, in: directory)
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT programme, status, status_raw FROM enrollments").map {
                "\($0[0] as String)|\(($0[1] as String?) ?? "nil")|\(($0[2] as String?) ?? "nil")"
            }
        }
        #expect(rows == ["WUIB|nil|nil"])
        let columns = try database.read { db in try db.columns(in: "enrollments").map(\.name) }
        #expect(columns == ["source_key", "participant_id", "programme", "session", "title", "date", "attendance", "status", "status_raw"])
        try database.write { db in
            try db.execute(sql: "UPDATE enrollments SET status = 'passed', status_raw = 'LULUS'")
        }
        #expect(try database.read { db in try String.fetchAll(db, sql: "SELECT status || '<' || status_raw FROM enrollments") } == ["passed<LULUS"])
    }
}
