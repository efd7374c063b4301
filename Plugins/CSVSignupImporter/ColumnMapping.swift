import MusterCore

/// Maps header text to column roles: the shared header vocabulary (``HeaderVocabulary``,
/// with the operator's `columns` option on top), a recap sheet's training columns, and
/// attendance day headers.
struct ColumnMapping {
    private let vocabulary: HeaderVocabulary

    init(overrides: [String: String]) {
        vocabulary = HeaderVocabulary(overrides: overrides)
    }

    /// The canonical field a header names, if any (``HeaderVocabulary/meaning(of:)``).
    func field(for header: String) -> String? {
        vocabulary.field(for: header)
    }

    /// Roles for a whole header row, and the headers whose words name several fields (kept
    /// as extras, for the importer to warn about). A field named by two columns goes to the
    /// first; the later ones are kept as extras. Empty or repeated header texts get unique keys.
    ///
    /// `enrolled`: every row is an enrollment whatever its columns (the importer's
    /// `programme` or `session` is set). A status column is read only then or when the sheet
    /// has a training or attendance day column (see ``statusColumn(in:enrolled:)``).
    func roles(for header: [String], enrolled: Bool = false) -> (roles: [ColumnRole], ambiguous: [(header: String, fields: [String])]) {
        var taken: Set<String> = []
        var extraKeys = HeaderVocabulary.ExtraKeys()
        var trainingTaken: Set<ColumnRole.TrainingPart> = []
        var ambiguous: [(header: String, fields: [String])] = []
        let status = statusColumn(in: header, enrolled: enrolled)
        let roles = header.enumerated().map { index, text -> ColumnRole in
            switch vocabulary.meaning(of: text) {
            case .field(let field) where taken.insert(field).inserted: return .field(field)
            case .ambiguous(let fields): ambiguous.append((text, fields))
            default: break
            }
            if index == status { return .training(.status) }
            if let part = Self.trainingParts[HeaderVocabulary.key(text)], trainingTaken.insert(part).inserted { return .training(part) }
            if AttendanceHeader.isDay(text) { return .attendance(text) }
            return .extra(extraKeys.key(for: text, at: index))
        }
        return (roles, ambiguous)
    }

    /// The column holding each row's status (`Status`, `Keterangan`, `Hasil`): the one whose
    /// header ranks first (``HeaderVocabulary/statusRank(of:)``), the leftmost of equals. None unless the rows
    /// are enrollments (`enrolled`, a training column, attendance days), so that an ordinary
    /// sign-up sheet's remarks column (`Keterangan`) stays an extra, as it was.
    func statusColumn(in header: [String], enrolled: Bool) -> Int? {
        guard enrolled || header.contains(where: { Self.trainingParts[HeaderVocabulary.key($0)] != nil || AttendanceHeader.isDay($0) }) else { return nil }
        var best: (column: Int, rank: Int)?
        for (column, text) in header.enumerated() {
            guard let rank = HeaderVocabulary.statusRank(of: text), rank < best?.rank ?? .max, case .none = vocabulary.meaning(of: text) else { continue }
            best = (column, rank)
        }
        return best?.column
    }

    /// Recap sheets name each row's training: the row is an enrollment in it on that date.
    private static let trainingParts: [String: ColumnRole.TrainingPart] = {
        var parts: [String: ColumnRole.TrainingPart] = [:]
        for header in ["Pelatihan", "Nama Pelatihan", "Judul Pelatihan", "Jenis Pelatihan", "Training"] { parts[HeaderVocabulary.key(header)] = .title }
        for header in ["Tgl Pelatihan", "Tgl. Pelatihan", "Tanggal Pelatihan", "Waktu Pelatihan", "Training Date"] {
            parts[HeaderVocabulary.key(header)] = .date
        }
        return parts
    }()
}
