internal import GRDB
internal import MusterCore

/// Writes one cluster of accepted records as one participant: finds the participant the
/// registry already has for it (by record key, or by an identifier of an earlier run's
/// participant) or allocates a new id, merges
/// participants the cluster proves to be one person, and refreshes the golden record.
struct ParticipantWriter {
    let db: Database
    let runID: String
    let lookups: RegistryLookups
    let statements: StatementCache

    /// Returns the participant's id, and the ids merged into it (gone from the registry).
    func write(_ cluster: ClusterRows, knownID: String?) throws -> (id: String, absorbed: [String]) {
        let members = cluster.members
        let (known, storedOwners) = try knownParticipants(members, knownID: knownID, nameKey: cluster.golden.values[Field.nameKey])
        guard let id = known.first else {
            // A new person: one insert with the planned golden record, then the members.
            let id = lookups.allocateID()
            lookups.wrote(id)
            try saveGolden(id, cluster.golden, new: true)
            for member in members { try writeMember(member, participant: id) }
            return (id, [])
        }
        lookups.wrote(id)
        for absorbed in known.dropFirst() { try merge(absorbed, into: id) }
        for member in members { try writeMember(member, participant: id) }
        // The nightly case: the participant's records are exactly this cluster's, now
        // refreshed, so the planned golden record is the stored one; else it is worked out
        // again from every record the participant has.
        let unchanged = try known.count == 1 && storedOwners.allSatisfy { $0 == id } && storedCount(id) == members.count
        try saveGolden(id, unchanged ? cluster.golden : GoldenRow(try storedGolden(id)), new: false)
        return (id, Array(known.dropFirst()))
    }

    /// Participant ids the registry already has for any of these records, oldest first,
    /// and the participant each member's record was stored under (nil: a new record).
    ///
    /// An identifier finds only a participant of an earlier run (this run's clusters were
    /// kept apart by dedupe on purpose), and a phone or an e-mail only one of the same name:
    /// families share them, and a shared phone alone never merges names that disagree.
    private func knownParticipants(_ members: [SourceRecordRow], knownID: String?, nameKey: String?) throws -> (ids: [String], storedOwners: [String?]) {
        var found: [String] = knownID.map { [$0] } ?? []
        var storedOwners: [String?] = []
        for member in members {
            let owner =
                lookups.hadRecords
                ? try String.fetchOne(statements("SELECT participant_id FROM source_records WHERE key = ?", db), arguments: [member.record.key])
                : nil
            storedOwners.append(owner)
            if let owner { found.append(owner) }
            for (field, value) in member.identifiers {
                guard let owner = lookups.owner(kind: field, value: value), !lookups.writtenThisRun.contains(owner), !found.contains(owner) else { continue }
                if try field == Field.nik || storedNameKey(owner) == nameKey { found.append(owner) }
            }
        }
        // Usually none or one: sorting a short array beats building a set.
        return (found.count < 2 ? found : Array(Set(found)).sorted(), storedOwners)
    }

    private func storedNameKey(_ id: String) throws -> String? {
        try String.fetchOne(statements("SELECT json_extract(golden, '$.nameKey') FROM participants WHERE id = ?", db), arguments: [id])
    }

    private func storedCount(_ id: String) throws -> Int {
        try Int.fetchOne(statements("SELECT COUNT(*) FROM source_records WHERE participant_id = ?", db), arguments: [id]) ?? 0
    }

    private func writeMember(_ member: SourceRecordRow, participant id: String) throws {
        // An unchanged row (same record, same participant) has the same enrollments already.
        if try member.upsert(participantID: id, programmeID: nil, runID: runID, statements, db) {
            try writeEnrollments(of: member, participant: id)
        }
        for (field, value) in member.identifiers {
            try statements.execute("INSERT OR IGNORE INTO participant_identifiers (participant_id, kind, value) VALUES (?, ?, ?)", db) { row in
                row.bind(id)
                row.bind(field)
                row.bind(value)
            }
            lookups.claim(kind: field, value: value, for: id)
        }
    }

    private func writeEnrollments(of member: SourceRecordRow, participant id: String) throws {
        let key = member.record.key
        if lookups.hadRecords {
            try statements.execute("DELETE FROM enrollments WHERE source_key = ?", db) { $0.bind(key) }
        }
        for (enrollment, attendance) in zip(member.record.source.enrollments, member.attendance) {
            try statements.execute(
                """
                INSERT INTO enrollments (source_key, participant_id, programme, session, title, date, attendance, status, status_raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, db
            ) { row in
                row.bind(key)
                row.bind(id)
                row.bind(enrollment.programme)
                row.bind(enrollment.session)
                row.bind(enrollment.title)
                row.bind(enrollment.date)
                row.bind(attendance)
                row.bind(enrollment.standing?.rawValue)
                row.bind(enrollment.status)
            }
        }
    }

    private func merge(_ absorbed: String, into id: String) throws {
        for table in ["source_records", "enrollments"] {
            try db.execute(sql: "UPDATE \(table) SET participant_id = ? WHERE participant_id = ?", arguments: [id, absorbed])
        }
        try db.execute(
            sql:
                "INSERT OR IGNORE INTO participant_identifiers (participant_id, kind, value) SELECT ?, kind, value FROM participant_identifiers WHERE participant_id = ?",
            arguments: [id, absorbed]
        )
        try db.execute(sql: "DELETE FROM participants WHERE id = ?", arguments: [absorbed])
        lookups.reassign(absorbed, to: id)
    }

    /// Golden values over every source record the participant has, across runs.
    private func storedGolden(_ id: String) throws -> FieldValues {
        let stored = try String.fetchAll(
            statements("SELECT canonical FROM source_records WHERE participant_id = ? AND canonical IS NOT NULL ORDER BY key", db), arguments: [id]
        )
        let maps = stored.compactMap { text -> FieldValues? in
            guard case .object(let members)? = try? JSONParser.parse(text) else { return nil }
            return FieldValues(members.compactMap { member in member.value.scalarText.map { (member.key, $0) } })
        }
        return Participant.goldenValues(ofValues: maps)
    }

    private func saveGolden(_ id: String, _ golden: GoldenRow, new: Bool) throws {
        let sql: StaticString =
            new
            ? """
            INSERT INTO participants (name, nik, phone, email, birth_date, gender, kelurahan, kecamatan, sector, golden, last_run, id, first_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
            : """
            UPDATE participants SET name = ?, nik = ?, phone = ?, email = ?, birth_date = ?, gender = ?,
                kelurahan = ?, kecamatan = ?, sector = ?, golden = ?, last_run = ? WHERE id = ? AND golden IS NOT ?
            """
        // The columns all derive from the golden record: an unchanged one leaves the row
        // (and its page) alone, so `last_run` is the run that last changed the participant.
        try statements.execute(sql, db) { row in
            for field in Self.columnFields { row.bind(golden.values[field]) }
            row.bind(golden.json)
            row.bind(runID)
            row.bind(id)
            row.bind(new ? runID : golden.json)
        }
    }

    /// The golden fields the participants table has a column for, in column order.
    private static let columnFields = [
        Field.name, Field.nik, Field.phone, Field.email, Field.birthDate,
        Field.gender, Field.kelurahan, Field.kecamatan, Field.sector,
    ]
}
