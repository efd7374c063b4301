import MusterCore

/// Turns one data row into a record's fields, extras and attendance: the per-row hot path.
///
/// Built once per header. The header fixes every record's keys, so the `fields` and
/// `extras` dictionaries are built once as templates (every key, empty values) and each
/// row copies them and stores its values by index through `values[index]`: no key is
/// hashed per row. Cells are read in place from the row's byte buffer; a `String` is made
/// once per cell, after trimming, and decoded or validated only when the cell is not
/// printable ASCII and the file was not already checked as a whole (see
/// ``SheetInput/isValidatedUTF8``).
struct RowMapper {
    /// Where one column's value goes; trivial to copy, so reading it costs no reference count.
    private enum Slot {
        case field(Dictionary<String, String>.Index)
        case extra(Dictionary<String, String>.Index)
        /// An index into `days`.
        case attendance(Int)
    }

    /// A row that cannot be read: the column (0-based) and what is wrong with it.
    enum Fault: Error {
        case strayByte(column: Int, byte: UInt8)
        case invalidText(column: Int)
    }

    /// The parts of a record one row gives; nil fields when every cell was empty.
    struct Values {
        var fields: [String: String]
        var extras: [String: String]
        var attendance: [Attendance]
    }

    let columnCount: Int
    private let slots: [Slot]
    /// The attendance columns' day labels.
    private let days: [String]
    private let fieldTemplate: [String: String]
    private let extraTemplate: [String: String]
    private let encoding: TextEncoding
    private let isValidatedUTF8: Bool

    init(roles: [ColumnRole], encoding: TextEncoding, isValidatedUTF8: Bool) {
        var fields: [String: String] = [:]
        var extras: [String: String] = [:]
        for role in roles {
            switch role {
            case .field(let name): fields[name] = ""
            case .extra(let key): extras[key] = ""
            case .attendance: break
            }
        }
        var days: [String] = []
        var slots: [Slot] = []
        for role in roles {
            // Keys are unique per header (ColumnMapping guarantees it), so each index exists;
            // a missing one would read the column as a day rather than drop it.
            let label: String
            switch role {
            case .field(let name):
                if let index = fields.index(forKey: name) { slots.append(.field(index)); continue }
                label = name
            case .extra(let key):
                if let index = extras.index(forKey: key) { slots.append(.extra(index)); continue }
                label = key
            case .attendance(let day):
                label = day
            }
            slots.append(.attendance(days.count))
            days.append(label)
        }
        self.slots = slots
        self.days = days
        fieldTemplate = fields
        extraTemplate = extras
        columnCount = roles.count
        self.encoding = encoding
        self.isValidatedUTF8 = isValidatedUTF8
    }

    /// The row's values, nil when every cell is empty once trimmed; throws the first
    /// column (in header order) that holds a control byte or text invalid in the encoding.
    func values(of row: CSVRow) throws(Fault) -> Values? {
        var fields = fieldTemplate
        var extras = extraTemplate
        var attendance: [Attendance] = []
        var anyValue = false
        let ends = row.ends
        for column in 0..<columnCount {
            var value = ""
            if column < ends.count {
                let start = column == 0 ? 0 : ends[column - 1]
                value = try text(of: UnsafeBufferPointer(rebasing: row.bytes[start..<ends[column]]), column: column)
            }
            if !value.isEmpty { anyValue = true }
            switch slots[column] {
            case .field(let index): fields.values[index] = value
            case .extra(let index): extras.values[index] = value
            case .attendance(let day):
                attendance.append(Attendance(day: days[day], mark: value, present: AttendanceHeader.present(value)))
            }
        }
        return anyValue ? Values(fields: fields, extras: extras, attendance: attendance) : nil
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
