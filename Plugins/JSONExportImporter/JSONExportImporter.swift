public import MusterCore

/// Reads platform exports (Jakpreneur and the like): a JSON document holding an array of
/// participant objects, or NDJSON with one participant object per line.
///
/// Values stay raw (numbers keep their exact digits, so a NIK written as a JSON number is
/// not rounded); every leaf no field mapping uses is kept in `extras` under its dotted path.
/// Both formats are streamed in 64 KiB chunks with one record in memory at a time. In
/// NDJSON a bad line is rejected on its own; in a JSON document a syntax error stops the
/// file there (records before it are kept), naming the file, line, column and byte offset.
public struct JSONExportImporter: Importer {
    /// `json-export`, with every option documented for `muster importers`.
    public static let descriptor = ImporterDescriptor(
        id: "json-export",
        summary: "Platform exports: a JSON document with a records array, or NDJSON (one record per line)",
        fileTypes: ["json", "ndjson", "jsonl"],
        options: [
            OptionDescriptor(
                "format", type: "string", default: "\"auto\"",
                summary: "\"json\", \"ndjson\", or \"auto\": .ndjson and .jsonl files are NDJSON, any other a JSON document"
            ),
            OptionDescriptor(
                "records", type: "string", default: "null",
                summary: "Dotted path to the records array in a JSON document (\"$\" for a top-level array); "
                    + "unset finds a top-level array, else the first array among data.items, data, items, records"
            ),
            OptionDescriptor(
                "fields", type: "object", default: "{}",
                summary:
                    "Canonical field -> dotted path, or a list tried in order (\"phone\": \"kontak.hp\", \"kelurahan\": [\"domisili.kel\", \"kelurahan\"]), merged over the defaults: externalID<-id, "
                    + "name<-nama|name, nik<-nik, phone<-kontak.hp|hp|no_hp, email<-kontak.email|email, birthDate<-tgl_lahir, "
                    + "gender<-jenis_kelamin, kelurahan<-alamat.kelurahan|domisili.kel|domisili.kelurahan|kelurahan, kecamatan<-alamat.kecamatan|domisili.kec|domisili.kecamatan|kecamatan, sector<-jenis_usaha; "
                    + "\"\" turns a field off"
            ),
            OptionDescriptor(
                "enrollments", type: "string", default: "\"pelatihan\"",
                summary: "Dotted path to each record's array of trainings; \"\" turns enrollments off"
            ),
            OptionDescriptor(
                "enrollmentFields", type: "object", default: "{}",
                summary: "programme/title/date/session/status -> path inside one training, merged over the defaults: "
                    + "programme<-kode, title<-nama, date<-tanggal, session<-sesi, status<-status|keterangan|hasil"
            ),
        ]
    )

    /// Where the auto-detected records array may be, in order, when the document is not an array.
    static let recordsCandidates = ["data.items", "data", "items", "records"]

    /// The options this importer was built from.
    public let options: Options
    let mapper: RecordMapper
    /// nil: find the records array automatically.
    let recordsPath: JSONPath?
    /// NDJSON lines longer than this are rejected unread, and a JSON document with a single
    /// value this long is refused (16 MiB; lower in tests).
    package let maximumLineLength: Int

    /// The default cap on one NDJSON line: 16 MiB.
    package static let defaultMaximumLineLength = 16 * 1024 * 1024

    /// Builds the importer, refusing a malformed path in any option (memberwise options are
    /// not checked until here).
    public init(options: Options) throws {
        try self.init(options: options, maximumLineLength: Self.defaultMaximumLineLength)
    }

    /// Builds the importer with another NDJSON line cap, so tests need not write 16 MiB lines.
    package init(options: Options, maximumLineLength: Int) throws {
        self.options = options
        self.maximumLineLength = max(1, maximumLineLength)
        recordsPath = try options.records.map { try Self.path($0, option: "records") }
        var fieldRules = Self.defaultFields.map { RecordMapper.FieldRule(field: $0.field, paths: $0.paths.compactMap(JSONPath.init)) }
        for (field, texts) in options.fields.sorted(by: { $0.key < $1.key }) {
            let paths = try texts.filter { !$0.isEmpty }.map { try Self.path($0, option: "fields.\(field)") }
            if let index = fieldRules.firstIndex(where: { $0.field == field }) {
                fieldRules[index].paths = paths
            } else {
                fieldRules.append(RecordMapper.FieldRule(field: field, paths: paths))
            }
        }
        var enrollmentRules = Self.defaultEnrollmentFields.compactMap { entry in
            RecordMapper.EnrollmentPart(rawValue: entry.part).map { RecordMapper.EnrollmentRule(part: $0, paths: entry.paths.compactMap(JSONPath.init)) }
        }
        for (part, text) in options.enrollmentFields.sorted(by: { $0.key < $1.key }) {
            guard let index = enrollmentRules.firstIndex(where: { $0.part.rawValue == part }) else {
                let parts = RecordMapper.EnrollmentPart.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw MusterError(.usage, "enrollmentFields.\(part): unknown enrollment field; expected one of \(parts)")
            }
            enrollmentRules[index].paths = text.isEmpty ? [] : [try Self.path(text, option: "enrollmentFields.\(part)")]
        }
        let enrollmentsPath = options.enrollments.isEmpty ? nil : try Self.path(options.enrollments, option: "enrollments")
        mapper = RecordMapper(fieldRules: fieldRules, enrollmentsPath: enrollmentsPath, enrollmentRules: enrollmentRules)
    }

    /// Reads one export: NDJSON line by line, or a JSON document record by record.
    public func read(_ file: SourceFile, context: ImportContext, emit: ([SourceRecord]) throws -> Void) throws {
        switch format(of: file) {
        case .ndjson:
            let reader = NDJSONReader(file: file, context: context, mapper: mapper, maximumLineLength: maximumLineLength)
            try reader.read(emit: emit)
        case .json, .auto:
            let reader = JSONDocumentReader(
                file: file, context: context, mapper: mapper, recordsPath: recordsPath, maximumValueBytes: maximumLineLength)
            try reader.read(emit: emit)
        }
    }

    /// The format to read `file` as: the option, or for `auto` the file's extension.
    func format(of file: SourceFile) -> Options.Format {
        guard options.format == .auto else { return options.format }
        let name = file.path.lowercased()
        return name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") ? .ndjson : .json
    }

    private static func path(_ text: String, option: String) throws(MusterError) -> JSONPath {
        guard let path = JSONPath(text) else {
            throw MusterError(.usage, "\(option): expected \(Options.pathExpectation), found \"\(text)\"")
        }
        return path
    }
}
