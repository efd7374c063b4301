internal import ContentHash
import MusterCore

/// Turns the rows of one sheet into source records: finds the header row, maps columns,
/// reads attendance, and rejects rows it cannot read with their line, never their values,
/// and the signature and totals lines below the list (``FooterRow``).
struct SheetAssembler {
    /// How many non-blank rows `auto` looks at for a header before taking the first one.
    static let headerSearchLimit = 30

    private let file: SourceFile
    private let context: ImportContext
    private let encoding: TextEncoding
    private let isValidatedUTF8: Bool
    private let mapping: ColumnMapping
    private let headerLine: Int?
    private let programme: String?
    private let session: String?
    private var batch: BatchBuffer
    private var header: [String] = []
    private var roles: [ColumnRole]?
    private var mapper: RowMapper?
    /// Rows seen while looking for the header (auto mode), replayed if none qualifies.
    private var candidates: [SavedRow] = []

    /// `isValidatedUTF8`: the whole file was checked as UTF-8 before reading (``SheetInput``).
    init(
        file: SourceFile, context: ImportContext, encoding: TextEncoding, isValidatedUTF8: Bool,
        options: CSVSignupImporter.Options, session: String?
    ) {
        self.file = file
        self.context = context
        self.encoding = encoding
        self.isValidatedUTF8 = isValidatedUTF8
        mapping = ColumnMapping(overrides: options.columns)
        headerLine = options.headerRow
        programme = options.programme
        self.session = session
        batch = BatchBuffer(capacity: context.batchSize)
    }

    mutating func consume(_ row: CSVRow, emit: ([SourceRecord]) throws -> Void) throws {
        if row.isUnterminated {
            try batch.append(rejection(row, "a quoted field is not closed"), emit: emit)
            return
        }
        if roles != nil {
            try appendRecord(for: row, emit: emit)
            return
        }
        guard !isBlank(row) else { return }
        if let headerLine {
            if row.startLine >= headerLine { useHeader(row) }
            return
        }
        if knownFieldCount(in: row) >= 2 {
            candidates.removeAll()
            useHeader(row)
            return
        }
        candidates.append(SavedRow(row))
        if candidates.count >= Self.headerSearchLimit { try useFirstCandidate(emit: emit) }
    }

    /// Emits what is left once the file has ended.
    mutating func finish(emit: ([SourceRecord]) throws -> Void) throws {
        if roles == nil && !candidates.isEmpty { try useFirstCandidate(emit: emit) }
        try batch.flush(emit: emit)
    }

    /// No row looked like a header: take the first non-blank row as the header and read
    /// the rows after it as data, so a sheet with unfamiliar column names still imports.
    private mutating func useFirstCandidate(emit: ([SourceRecord]) throws -> Void) throws {
        let rows = candidates
        candidates.removeAll()
        guard let first = rows.first else { return }
        first.withRow { useHeader($0) }
        for row in rows.dropFirst() { try row.withRow { try appendRecord(for: $0, emit: emit) } }
    }

    private mutating func useHeader(_ row: CSVRow) {
        header = (0..<row.count).map { headerText(row, $0) }
        let (roles, ambiguous) = mapping.roles(for: header, enrolled: programme != nil || session != nil)
        for (text, fields) in ambiguous {
            context.warning(
                "\(file.path): column \"\(text)\" could be \(fields.joined(separator: " or ")); kept as an extra field (name it in the source's columns option)"
            )
        }
        self.roles = roles
        mapper = RowMapper(roles: roles, encoding: encoding, isValidatedUTF8: isValidatedUTF8)
    }

    private func headerText(_ row: CSVRow, _ index: Int) -> String {
        Self.value(of: row.cell(index), in: encoding) ?? ""
    }

    private func knownFieldCount(in row: CSVRow) -> Int {
        (0..<row.count).count { mapping.field(for: headerText(row, $0)) != nil }
    }

    private func isBlank(_ row: CSVRow) -> Bool {
        row.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private mutating func appendRecord(for row: CSVRow, emit: ([SourceRecord]) throws -> Void) throws {
        guard !isBlank(row), let record = record(for: row) else { return }
        try batch.append(record, emit: emit)
    }

    /// The record for a data row; nil for a row whose cells are all empty once decoded.
    private func record(for row: CSVRow) -> SourceRecord? {
        guard let mapper else { return nil }
        if row.count > mapper.columnCount, (mapper.columnCount..<row.count).contains(where: { !isBlankCell(row.cell($0)) }) {
            return rejection(row, "row has \(row.count) fields, the header has \(mapper.columnCount)")
        }
        let values: RowMapper.Values
        do {
            guard let read = try mapper.values(of: row) else { return nil }
            values = read
        } catch {
            switch error {
            case .strayByte(let column, let byte): return rejection(row, "\(describe(column)) contains the control byte \(Self.hex(byte))")
            case .invalidText(let column): return rejection(row, "\(describe(column)) is not valid \(encoding.name)")
            }
        }
        if FooterRow.matches(values.fields, otherCells: { values.otherCells }) { return rejection(row, FooterRow.rejectionMessage) }
        var enrollments: [Enrollment] = []
        if !values.attendance.isEmpty || programme != nil || session != nil || values.trainingTitle != nil || values.trainingDate != nil
            || values.trainingStatus != nil
        {
            enrollments.append(
                Enrollment(
                    programme: programme, session: session, title: values.trainingTitle, date: values.trainingDate, status: values.trainingStatus,
                    attendance: values.attendance))
        }
        return SourceRecord(provenance: provenance(row), fields: values.fields, extras: values.extras, enrollments: enrollments)
    }

    private func provenance(_ row: CSVRow) -> Provenance {
        context.provenance(file: file, locator: "row:\(row.startLine)", content: row.content)
    }

    private func rejection(_ row: CSVRow, _ message: String) -> SourceRecord {
        .rejected(provenance(row), reason: Rejection(message: message, position: "line \(row.startLine)"), raw: Self.rawText(row.content))
    }

    /// The row's bytes as text for the quarantine: UTF-8 when valid, else byte for byte as
    /// Latin-1, so nothing is replaced and the original bytes can be recovered.
    private static func rawText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) ?? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// `field 3 ("No HP")`: the column by number and header text, never the cell's value.
    private func describe(_ index: Int) -> String {
        let text = index < header.count ? header[index] : ""
        return text.isEmpty ? "field \(index + 1)" : "field \(index + 1) (\"\(text)\")"
    }

    private func isBlankCell(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    /// A cell's text, trimmed, or nil when its bytes are not valid in `encoding`. ASCII
    /// whitespace is cut from the bytes first; the slower Unicode check only runs when the
    /// value starts or ends with a non-ASCII character (a no-break space, say).
    static func value(of bytes: UnsafeBufferPointer<UInt8>, in encoding: TextEncoding) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, RowMapper.isASCIISpace(bytes[start]) { start += 1 }
        while end > start, RowMapper.isASCIISpace(bytes[end - 1]) { end -= 1 }
        let core = bytes[start..<end]
        guard let text = encoding.decode(core) else { return nil }
        guard let first = core.first, let last = core.last, first >= 0x80 || last >= 0x80 else { return text }
        return text.trimmingWhitespace
    }
}
