internal import GRDB

/// The export's prepared statements, found by the address of their literal SQL text.
///
/// GRDB's `cachedStatement(sql:)` finds a statement by hashing its SQL, 100 to 400 bytes,
/// on every call; the export makes about seven such calls per record, and that hashing
/// alone cost more than some of the inserts. A `StaticString` literal has one address for
/// the life of the process, so that address is the key. One writer's connection only.
final class StatementCache {
    private var statements: [UnsafeRawPointer: Statement] = [:]

    func callAsFunction(_ sql: StaticString, _ db: Database) throws -> Statement {
        let key = UnsafeRawPointer(sql.utf8Start)
        if let statement = statements[key] { return statement }
        let statement = try db.makeStatement(sql: sql.description)
        statements[key] = statement
        return statement
    }
}
