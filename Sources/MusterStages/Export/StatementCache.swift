internal import GRDB
internal import GRDBSQLite

/// The export's prepared statements, found by the address of their literal SQL text, and
/// run with values bound straight to SQLite.
///
/// GRDB's `cachedStatement(sql:)` finds a statement by hashing its SQL, 100 to 400 bytes,
/// on every call, and the export makes several calls per record: hashing that would cost
/// more than some of the inserts. A `StaticString` literal has one address for the life of
/// the process, so that address is the key. One writer's connection only.
///
/// Writes skip GRDB's `StatementArguments`: it boxes every value in an existential and
/// then in a `DatabaseValue` before binding it. GRDB still opens the database, migrates it and runs the transaction; the
/// statements run here change rows only, which is all GRDB's execution hooks would track
/// (the export has no observers).
final class StatementCache {
    private var statements: [UnsafeRawPointer: Statement] = [:]

    /// A cached statement, for reads through GRDB's fetch methods.
    func callAsFunction(_ sql: StaticString, _ db: Database) throws -> Statement {
        let key = UnsafeRawPointer(sql.utf8Start)
        if let statement = statements[key] { return statement }
        let statement = try db.makeStatement(sql: sql.description)
        statements[key] = statement
        return statement
    }

    /// Runs a write statement once, with the values `bind` gives it in parameter order;
    /// returns the rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: StaticString, _ db: Database, bind: (inout ParameterBinder) -> Void) throws -> Int {
        let statement = try self(sql, db)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle: handle)
        bind(&binder)
        guard binder.failure == SQLITE_OK, binder.count == sqlite3_bind_parameter_count(handle) else {
            let code = binder.failure == SQLITE_OK ? SQLITE_RANGE : binder.failure
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(binder.count) values bound", sql: statement.sql)
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            if code != SQLITE_ROW {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
        sqlite3_reset(handle)
        return Int(sqlite3_changes(sqlite3_db_handle(handle)))
    }
}

/// Binds a statement's parameters in order: text (nil binds NULL) or integers.
struct ParameterBinder {
    /// SQLite copies the bytes at once (`SQLITE_TRANSIENT`), so a Swift string's storage
    /// needs to live only for the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    fileprivate let handle: OpaquePointer
    private(set) var count: Int32 = 0
    private(set) var failure = SQLITE_OK

    fileprivate init(handle: OpaquePointer) {
        self.handle = handle
    }

    mutating func bind(_ text: String?) {
        count += 1
        guard var text else { return check(sqlite3_bind_null(handle, count)) }
        let code = text.withUTF8 { bytes -> Int32 in
            // An empty string may have no storage: bind the empty text, not NULL.
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, count, "", 0, Self.transient) }
            return sqlite3_bind_text(handle, count, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        }
        check(code)
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK, failure == SQLITE_OK { failure = code }
    }
}
