internal import GRDB

/// The registry's tables. Created on first use; later issues add to it through migrations
/// with new identifiers, never by editing one that has shipped.
enum RegistrySchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id TEXT PRIMARY KEY,
                        started_at TEXT NOT NULL,
                        finished_at TEXT NOT NULL,
                        records_in INTEGER NOT NULL,
                        accepted INTEGER NOT NULL,
                        quarantined INTEGER NOT NULL,
                        participants INTEGER NOT NULL,
                        reconciliation TEXT NOT NULL
                    );
                    CREATE TABLE participants (
                        id TEXT PRIMARY KEY,
                        name TEXT, nik TEXT, phone TEXT, email TEXT, birth_date TEXT, gender TEXT,
                        kelurahan TEXT, kecamatan TEXT, sector TEXT,
                        golden TEXT NOT NULL,
                        first_run TEXT NOT NULL,
                        last_run TEXT NOT NULL
                    );
                    CREATE TABLE participant_identifiers (
                        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (kind, value, participant_id)
                    );
                    CREATE TABLE programmes (
                        id TEXT PRIMARY KEY,
                        title TEXT, link TEXT, published TEXT,
                        source_key TEXT,
                        last_run TEXT NOT NULL
                    );
                    CREATE TABLE source_records (
                        key TEXT PRIMARY KEY,
                        source_id TEXT NOT NULL,
                        file TEXT NOT NULL,
                        locator TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        participant_id TEXT REFERENCES participants(id),
                        programme_id TEXT REFERENCES programmes(id),
                        raw TEXT NOT NULL,
                        canonical TEXT,
                        issues TEXT,
                        last_run TEXT NOT NULL
                    );
                    CREATE INDEX source_records_participant ON source_records(participant_id);
                    CREATE INDEX source_records_run ON source_records(last_run);
                    CREATE TABLE enrollments (
                        source_key TEXT NOT NULL REFERENCES source_records(key) ON DELETE CASCADE,
                        participant_id TEXT NOT NULL,
                        programme TEXT,
                        session TEXT,
                        title TEXT,
                        date TEXT,
                        attendance TEXT NOT NULL
                    );
                    CREATE INDEX enrollments_participant ON enrollments(participant_id);
                    CREATE TABLE match_evidence (
                        participant_id TEXT NOT NULL,
                        record_key TEXT NOT NULL,
                        rule TEXT NOT NULL,
                        other_key TEXT NOT NULL
                    );
                    CREATE INDEX match_evidence_participant ON match_evidence(participant_id);
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id TEXT NOT NULL,
                        record_key TEXT NOT NULL,
                        source_id TEXT NOT NULL,
                        file TEXT NOT NULL,
                        locator TEXT NOT NULL,
                        rules TEXT NOT NULL,
                        reasons TEXT NOT NULL,
                        raw TEXT NOT NULL
                    );
                    CREATE INDEX quarantine_run ON quarantine(run_id);
                    """)
        }
        migrator.registerMigration("v2-lookup-indexes") { db in
            // Re-exporting a record replaces its enrollments and evidence: find them by record.
            try db.execute(
                sql: """
                    CREATE INDEX enrollments_source ON enrollments(source_key);
                    CREATE INDEX match_evidence_record ON match_evidence(record_key);
                    CREATE INDEX participant_identifiers_participant ON participant_identifiers(participant_id);
                    """)
        }
        migrator.registerMigration("v3-evidence-on-source-records") { db in
            // Evidence is only ever read per record, so it lives on the record's row: as rows
            // of its own, with two indexes, it would cost B-tree inserts on every record.
            try db.execute(
                sql: """
                    ALTER TABLE source_records ADD COLUMN evidence TEXT;
                    UPDATE source_records SET evidence = (
                        SELECT json_group_array(json_object('other', other_key, 'rule', rule))
                        FROM (SELECT other_key, rule FROM match_evidence WHERE record_key = source_records.key ORDER BY rowid)
                    ) WHERE key IN (SELECT record_key FROM match_evidence);
                    DROP TABLE match_evidence;
                    """)
        }
        migrator.registerMigration("v4-record-seen") { db in
            // Which run last saw each record lives in a narrow table of its own, so that a
            // nightly re-import leaves unchanged records' wide rows (and their pages) alone
            // instead of rewriting and journalling all of them to bump one column.
            // `source_records.last_run` is the run that last changed the row.
            try db.execute(
                sql: """
                    CREATE TABLE record_seen (key TEXT PRIMARY KEY NOT NULL, run TEXT NOT NULL) WITHOUT ROWID;
                    INSERT INTO record_seen (key, run) SELECT key, last_run FROM source_records;
                    DROP INDEX source_records_run;
                    """)
        }
        migrator.registerMigration("v5-enrollment-status") { db in
            // How far the person got in the training: `status` is the reading (`passed`,
            // `attended`, `registered`, `failed`, `absent`), what queries filter on;
            // `status_raw` the status as the source wrote it (`LULUS`, `???`), so an unreadable
            // one (`status` NULL) can be found and fixed. Rows written before stay NULL: a
            // re-import rewrites them, because the record's stored raw JSON now differs.
            try db.execute(
                sql: """
                    ALTER TABLE enrollments ADD COLUMN status TEXT;
                    ALTER TABLE enrollments ADD COLUMN status_raw TEXT;
                    """)
        }
        return migrator
    }
}
