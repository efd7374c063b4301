import MusterCore

/// A `<table>` in an item body that lists participants: its header names at least a name
/// column (`Nama`, `Nama Peserta`, `Nama Lengkap`, `Nama Pemilik`).
///
/// Header cells are read through the importers' shared ``HeaderVocabulary``, as a sheet's
/// are. A `Status` column is the row's status in the announced training; a `Keterangan` or
/// `Hasil` cell is too when it reads as one (`Lulus`, `Hadir`), and otherwise a remark.
/// Every other column (`No`) goes to `extras` under its header text, so nothing is dropped;
/// so does a header that could name two fields (``ambiguous``), and a NIK, phone or e-mail
/// an announcement masked for privacy (`317401********01`, `0812****345`): a redacted
/// number identifies no one and is not a malformed one either.
struct ParticipantTable {
    enum Column: Equatable {
        case field(String)
        case extra(String)
        /// Always the status (`Status`), or only when its cell reads as one (`Keterangan`).
        case status(header: String, always: Bool)
    }

    static let vocabulary = HeaderVocabulary()

    /// Fields a masked cell is kept out of.
    private static let identifiers: Set<String> = [Field.nik, Field.phone, Field.email]

    let columns: [Column]
    /// Each column's key in the record's extras, unique in the table (`No`, `column 5`,
    /// `No HP (3)`), for whatever of its cells is kept as an extra.
    let extraKeys: [String]
    /// Headers whose words name several fields, with those fields; their columns are extras.
    let ambiguous: [(header: String, fields: [String])]
    /// The data rows (after the header, empty rows left out), cell texts in column order.
    let rows: [[String]]

    /// Reads `table`; nil when it is not a participant table. The header is the first row
    /// of `<th>` cells, or else the first row.
    init?(_ table: HTMLTable) {
        guard let headerIndex = table.rows.firstIndex(where: \.hasHeadingCells) ?? table.rows.indices.first else { return nil }
        let headers = table.rows[headerIndex].cells
        var keys = HeaderVocabulary.ExtraKeys()
        extraKeys = headers.enumerated().map { keys.key(for: $1, at: $0) }
        let (columns, ambiguous) = Self.columns(for: headers, keys: extraKeys)
        guard columns.contains(.field(Field.name)) else { return nil }
        self.columns = columns
        self.ambiguous = ambiguous
        rows = table.rows[(headerIndex + 1)...].map(\.cells).filter { cells in cells.contains { !$0.isEmpty } }
    }

    /// Each column's role; `keys` are the columns' extra keys (``HeaderVocabulary/ExtraKeys``).
    static func columns(for header: [String], keys extraKeys: [String]) -> (columns: [Column], ambiguous: [(header: String, fields: [String])]) {
        var used: Set<String> = []
        var ambiguous: [(header: String, fields: [String])] = []
        let columns = header.enumerated().map { position, text -> Column in
            switch vocabulary.meaning(of: text) {
            case .field(let field) where used.insert(field).inserted: return .field(field)
            case .ambiguous(let fields): ambiguous.append((text, fields))
            default: break
            }
            if let rank = HeaderVocabulary.statusRank(of: text), used.insert("status").inserted {
                return .status(header: extraKeys[position], always: rank == 0)
            }
            return .extra(extraKeys[position])
        }
        return (columns, ambiguous)
    }

    /// The fields, extras and status of one data row (cells beyond the header are not mapped).
    func values(of cells: [String]) -> (fields: FieldValues, extras: [String: String], status: String?) {
        var fields = FieldValues()
        var extras: [String: String] = [:]
        var status: String?
        for (position, (column, cell)) in zip(columns, cells).enumerated() where !cell.isEmpty {
            switch column {
            case .field(let name) where Self.identifiers.contains(name) && Self.isMasked(cell): extras[extraKeys[position]] = cell
            case .field(let name): fields[name] = cell
            case .extra(let name): extras[name] = cell
            case .status(let header, let always):
                if always || EnrollmentStanding(reading: cell) != nil { status = cell } else { extras[header] = cell }
            }
        }
        return (fields, extras, status)
    }

    /// A value with part of it hidden: two or more `*` or `•` in a row (`317401********01`,
    /// `0812****345`, `s***@mail.com`), or three `x` after a digit (`0812xxxx345`).
    static func isMasked(_ cell: String) -> Bool {
        var stars = 0
        var xs = 0
        var afterDigit = false
        for character in cell {
            stars = character == "*" || character == "•" ? stars + 1 : 0
            if character == "x" || character == "X" {
                xs = xs > 0 || afterDigit ? xs + 1 : 0
            } else {
                xs = 0
            }
            if stars >= 2 || xs >= 3 { return true }
            afterDigit = character.isASCII && character.isNumber
        }
        return false
    }
}
