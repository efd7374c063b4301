import MusterCore

/// A `<table>` in an item body that lists participants: its header names at least a name
/// column (`Nama`, `Nama Peserta`, `Nama Lengkap`).
///
/// Header cells map onto canonical fields case-insensitively. A `Status` column is the
/// row's status in the announced training; a `Keterangan` or `Hasil` cell is too when it
/// reads as one (`Lulus`, `Hadir`), and otherwise a remark. Every other column (`No`) goes to
/// `extras` under its header text, so nothing is dropped.
struct ParticipantTable {
    enum Column: Equatable {
        case field(String)
        case extra(String)
        /// Always the status (`Status`), or only when its cell reads as one (`Keterangan`).
        case status(header: String, always: Bool)
    }

    /// Header text (lowercased, whitespace collapsed) → canonical field.
    static let headerSynonyms: [String: String] = [
        "nama": Field.name, "nama peserta": Field.name, "nama lengkap": Field.name,
        "kelurahan": Field.kelurahan, "kel.": Field.kelurahan,
        "kecamatan": Field.kecamatan, "kec.": Field.kecamatan,
        "jenis usaha": Field.sector, "bidang usaha": Field.sector,
    ]

    /// Header text (as above) → whether every cell is the status, or only a readable one.
    static let statusHeaders: [String: Bool] = ["status": true, "status peserta": true, "keterangan": false, "ket.": false, "hasil": false]

    let columns: [Column]
    /// The data rows (after the header, empty rows left out), cell texts in column order.
    let rows: [[String]]

    /// Reads `table`; nil when it is not a participant table. The header is the first row
    /// of `<th>` cells, or else the first row.
    init?(_ table: HTMLTable) {
        guard let headerIndex = table.rows.firstIndex(where: \.hasHeadingCells) ?? table.rows.indices.first else { return nil }
        let columns = Self.columns(for: table.rows[headerIndex].cells)
        guard columns.contains(.field(Field.name)) else { return nil }
        self.columns = columns
        rows = table.rows[(headerIndex + 1)...].map(\.cells).filter { cells in cells.contains { !$0.isEmpty } }
    }

    static func columns(for header: [String]) -> [Column] {
        var used: Set<String> = []
        return header.enumerated().map { position, text in
            let key = TextCleaning.collapsed(text).lowercased()
            if let field = headerSynonyms[key], used.insert(field).inserted { return .field(field) }
            if let always = statusHeaders[key], used.insert("status").inserted { return .status(header: text, always: always) }
            var name = text.isEmpty ? "column \(position + 1)" : text
            if !used.insert(name).inserted { name += " (\(position + 1))" }
            return .extra(name)
        }
    }

    /// The fields, extras and status of one data row (cells beyond the header are not mapped).
    func values(of cells: [String]) -> (fields: FieldValues, extras: [String: String], status: String?) {
        var fields = FieldValues()
        var extras: [String: String] = [:]
        var status: String?
        for (column, cell) in zip(columns, cells) where !cell.isEmpty {
            switch column {
            case .field(let name): fields[name] = cell
            case .extra(let name): extras[name] = cell
            case .status(let header, let always):
                if always || EnrollmentStanding(reading: cell) != nil { status = cell } else { extras[header] = cell }
            }
        }
        return (fields, extras, status)
    }
}
