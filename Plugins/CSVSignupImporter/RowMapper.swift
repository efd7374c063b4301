import MusterCore

/// Turns one data row into a record's fields, extras and attendance: the per-row hot path.
///
/// Built once per header. The header fixes every record's keys, so the `fields` and
/// `extras` dictionaries are built once as templates (every key, empty values) and each
/// row copies them and stores its values by index through `values[index]`: no key is
/// hashed per row. Cells are read in place from the row's byte buffer; a `String` is made
/// once per cell, after trimming, and validated only when the file was not already checked
/// as a whole (see ``SheetInput/isValidatedUTF8``).
struct RowMapper {
    /// Where one column's value goes.
    private enum Slot {
        case field(Dictionary<String, String>.Index)
        case extra(Dictionary<String, String>.Index)
        case attendance(String)
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
        slots = roles.map { role in
            switch role {
            // Keys are unique per header (ColumnMapping guarantees it), so each index exists.
            case .field(let name): fields.index(forKey: name).map(Slot.field) ?? .attendance(name)
            case .extra(let key): extras.index(forKey: key).map(Slot.extra) ?? .attendance(key)
            case .attendance(let day): .attendance(day)
            }
        }
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
        let result: Fault? = row.bytes.withUnsafeBufferPointer { bytes in
            row.ends.withUnsafeBufferPointer { ends in
                for (column, slot) in slots.enumerated() {
                    let cell: UnsafeBufferPointer<UInt8>
                    if column < ends.count {
                        let start = column == 0 ? 0 : ends[column - 1]
                        cell = UnsafeBufferPointer(rebasing: bytes[start..<ends[column]])
                    } else {
                        cell = UnsafeBufferPointer(rebasing: bytes[0..<0])
                    }
                    if let stray = Self.strayByte(in: cell) { return .strayByte(column: column, byte: stray) }
                    guard let value = text(of: cell) else { return .invalidText(column: column) }
                    if !value.isEmpty { anyValue = true }
                    switch slot {
                    case .field(let index): fields.values[index] = value
                    case .extra(let index): extras.values[index] = value
                    case .attendance(let day): attendance.append(Attendance(day: day, mark: value, present: AttendanceHeader.present(value)))
                    }
                }
                return nil
            }
        }
        if let result { throw result }
        return anyValue ? Values(fields: fields, extras: extras, attendance: attendance) : nil
    }

    /// Control bytes that have no place in a sheet cell (tab, CR and LF do).
    private static func strayByte(in cell: UnsafeBufferPointer<UInt8>) -> UInt8? {
        for byte in cell where byte < 0x20 || byte == 0x7F {
            if byte != 0x09 && byte != 0x0A && byte != 0x0D { return byte }
        }
        return nil
    }

    /// The cell's text, trimmed; nil when its bytes are not valid in the encoding.
    private func text(of cell: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = cell.count
        while start < end, Self.isASCIISpace(cell[start]) { start += 1 }
        while end > start, Self.isASCIISpace(cell[end - 1]) { end -= 1 }
        guard start < end else { return "" }
        let core = UnsafeBufferPointer(rebasing: cell[start..<end])
        let text: String
        if isValidatedUTF8 {
            text = String(decoding: core, as: UTF8.self)
        } else {
            guard let decoded = encoding.decode(core) else { return nil }
            text = decoded
        }
        // Only a value that starts or ends with a non-ASCII character (a no-break space,
        // say) needs the slower Unicode trim.
        return core[0] >= 0x80 || core[core.count - 1] >= 0x80 ? text.trimmingWhitespace : text
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
