import MusterCore

/// Turns one data row into a record's fields, extras and attendance: the per-row hot path.
///
/// Built once per header. The header fixes every record's keys, so the `fields` and
/// `extras` dictionaries are built once as templates of key → column, and each row's
/// dictionaries are `mapValues` of them: the result keeps the template's layout, so no key
/// is hashed per row and each bucket is written once, straight from the cell's bytes.
/// Cells are read in place from the row's byte buffer; a `String` is made once per cell,
/// after trimming, and decoded or validated only when the cell is not printable ASCII and
/// the file was not already checked as a whole (see ``SheetInput/isValidatedUTF8``); a
/// value the column held recently is shared instead (``ValueCache``). A class, so reaching
/// it from the assembler for each row does not copy and retain its tables.
final class RowMapper {
    /// A row that cannot be read: the column (0-based) and what is wrong with it.
    enum Fault: Error {
        case strayByte(column: Int, byte: UInt8)
        case invalidText(column: Int)
    }

    /// The parts of a record one row gives; nil fields when every cell was empty.
    struct Values {
        var fields: FieldValues
        var extras: [String: String]
        var attendance: [Attendance]
        /// The row's own training, from a recap sheet's training columns, and its status there.
        var trainingTitle: String?
        var trainingDate: String?
        var trainingStatus: String?

        /// Every value besides the fields: extras, the training's cells, attendance marks.
        var otherCells: [String] {
            Array(extras.values) + [trainingTitle, trainingDate, trainingStatus].compactMap { $0 } + attendance.map(\.mark)
        }
    }

    let columnCount: Int
    /// The row's canonical fields, laid out once (values empty), and the column holding
    /// each, in that layout's order.
    private let fieldLayout: FieldValues
    private let fieldColumns: [Int]
    /// Extra key → the column holding it.
    private let extraColumns: [String: Int]
    /// The attendance columns, in header order, with their day labels.
    private let days: [(column: Int, label: String)]
    /// The training title, date and status columns of a recap sheet.
    private let trainingColumns: (title: Int?, date: Int?, status: Int?)
    /// Columns whose key a later column took (ColumnMapping can suffix an extra's key into
    /// one that a later header then also gets): their value is lost, but as before they are
    /// still checked and still make a row count as non-empty.
    private let shadowed: [Int]
    private let encoding: TextEncoding
    private let isValidatedUTF8: Bool
    private let cache: ValueCache

    init(roles: [ColumnRole], encoding: TextEncoding, isValidatedUTF8: Bool) {
        var fields: [String: Int] = [:]
        var extras: [String: Int] = [:]
        var days: [(column: Int, label: String)] = []
        var training: (title: Int?, date: Int?, status: Int?) = (nil, nil, nil)
        for (column, role) in roles.enumerated() {
            switch role {
            case .field(let name): fields[name] = column
            case .extra(let key): extras[key] = column
            case .attendance(let day): days.append((column, day))
            case .training(.title): training.title = column
            case .training(.date): training.date = column
            case .training(.status): training.status = column
            }
        }
        trainingColumns = training
        fieldLayout = FieldValues(fields.lazy.map { ($0.key, "") })
        fieldColumns = fieldLayout.keys.map { fields[$0]! }
        extraColumns = extras
        self.days = days
        let read = Set(fields.values).union(extras.values).union(days.map(\.column)).union([training.title, training.date, training.status].compactMap { $0 })
        shadowed = (0..<roles.count).filter { !read.contains($0) }
        columnCount = roles.count
        cache = ValueCache(columnCount: roles.count)
        self.encoding = encoding
        self.isValidatedUTF8 = isValidatedUTF8
    }

    /// The row's values, nil when every cell is empty once trimmed; throws the first
    /// column (in header order) that holds a control byte or text invalid in the encoding.
    func values(of row: CSVRow) throws(Fault) -> Values? {
        var anyValue = false
        let fields: FieldValues
        let extras: [String: String]
        var attendance: [Attendance] = []
        var trainingTitle: String?
        var trainingDate: String?
        var trainingStatus: String?
        do {
            // Cells are read in field-name order here, so a fault is looked up again in header order.
            fields = try fieldLayout.withValues { position throws(Fault) in try value(row, fieldColumns[position], &anyValue) }
            extras = try extraColumns.mapValues { column throws(Fault) in try value(row, column, &anyValue) }
            for column in shadowed { _ = try value(row, column, &anyValue) }
            trainingTitle = try optionalValue(row, trainingColumns.title, &anyValue)
            trainingDate = try optionalValue(row, trainingColumns.date, &anyValue)
            trainingStatus = try optionalValue(row, trainingColumns.status, &anyValue)
            if !days.isEmpty {
                attendance.reserveCapacity(days.count)
                for (column, day) in days {
                    let mark = try value(row, column, &anyValue)
                    attendance.append(Attendance(day: day, mark: mark, present: AttendanceHeader.present(mark)))
                }
            }
        } catch {
            throw firstFault(in: row) ?? (error as? Fault) ?? .invalidText(column: 0)
        }
        return anyValue
            ? Values(
                fields: fields, extras: extras, attendance: attendance, trainingTitle: trainingTitle, trainingDate: trainingDate,
                trainingStatus: trainingStatus) : nil
    }

    /// The value of an optional column; nil when there is no such column or the cell is empty.
    private func optionalValue(_ row: CSVRow, _ column: Int?, _ anyValue: inout Bool) throws(Fault) -> String? {
        guard let column else { return nil }
        let text = try value(row, column, &anyValue)
        return text.isEmpty ? nil : text
    }

    /// A missing cell (a short row) reads as empty.
    private func value(_ row: CSVRow, _ column: Int, _ anyValue: inout Bool) throws(Fault) -> String {
        guard column < row.count else { return "" }
        let cell = row.cell(column)
        guard !cell.isEmpty else { return "" }
        let value = try cache.value(column: column, cell: cell) { () throws(Fault) in try text(of: cell, column: column) }
        if !value.isEmpty { anyValue = true }
        return value
    }

    private func firstFault(in row: CSVRow) -> Fault? {
        for column in 0..<min(row.count, columnCount) {
            do {
                _ = try text(of: row.cell(column), column: column)
            } catch {
                return error
            }
        }
        return nil
    }

    /// The cell's text, trimmed. Throws for a control byte (tab, CR and LF have a place in
    /// a cell; the first one found, left to right, is reported) and then for bytes that are
    /// not valid in the encoding.
    ///
    /// One pass over the cell, eight bytes at a time while they are printable ASCII, finds
    /// both control bytes and non-ASCII ones: a cell of printable ASCII (most cells) is
    /// the same text in every encoding read here, so it is neither decoded nor validated.
    private func text(of cell: UnsafeBufferPointer<UInt8>, column: Int) throws(Fault) -> String {
        var start = 0
        var end = cell.count
        while start < end, Self.isASCIISpace(cell[start]) {
            if Self.isStray(cell[start]) { throw .strayByte(column: column, byte: cell[start]) }
            start += 1
        }
        while end > start, Self.isASCIISpace(cell[end - 1]) { end -= 1 }
        guard start < end, let base = cell.baseAddress else { return try trailing(cell, from: end, column: column) }
        var index = start
        var isASCII = true
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if Self.mayNeedCare(word) { break }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte >= 0x80 {
                isASCII = false
            } else if Self.isStray(byte) {
                throw .strayByte(column: column, byte: byte)
            }
            index += 1
        }
        _ = try trailing(cell, from: end, column: column)
        let core = UnsafeBufferPointer(rebasing: cell[start..<end])
        if isASCII { return String(decoding: core, as: UTF8.self) }
        let text: String
        if isValidatedUTF8 {
            text = String(decoding: core, as: UTF8.self)
        } else {
            guard let decoded = encoding.decode(core) else { throw .invalidText(column: column) }
            text = decoded
        }
        // Only a value that starts or ends with a non-ASCII character (a no-break space,
        // say) needs the slower Unicode trim.
        return core[0] >= 0x80 || core[core.count - 1] >= 0x80 ? text.trimmingWhitespace : text
    }

    /// Checks the trimmed tail of a cell for control bytes; returns the empty text.
    private func trailing(_ cell: UnsafeBufferPointer<UInt8>, from end: Int, column: Int) throws(Fault) -> String {
        for index in end..<cell.count where Self.isStray(cell[index]) {
            throw .strayByte(column: column, byte: cell[index])
        }
        return ""
    }

    /// Control bytes that have no place in a sheet cell (tab, CR and LF do).
    @inline(__always)
    private static func isStray(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    /// True unless all eight bytes are printable ASCII (0x20–0x7E).
    @inline(__always)
    private static func mayNeedCare(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        if word & high != 0 { return true }
        let below = (word &- 0x20 &* ones) & ~word & high
        let delete = word ^ (0x7F &* ones)
        return below | ((delete &- ones) & ~delete & high) != 0
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
