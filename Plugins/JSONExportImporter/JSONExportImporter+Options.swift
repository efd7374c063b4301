import MusterCore

extension JSONExportImporter {
    /// How to find records in an export and which paths feed which canonical fields.
    ///
    /// Every option has a default, so `"options": {}` reads a Jakpreneur export as it comes.
    public struct Options: Decodable, Sendable {
        /// How to read the file: one JSON document holding a records array, or one record per line.
        public enum Format: String, Sendable, CaseIterable {
            /// By extension: `.ndjson` and `.jsonl` are NDJSON, anything else a JSON document.
            case auto
            /// One JSON document; records are the elements of its records array.
            case json
            /// One JSON object per line; blank lines are skipped.
            case ndjson
        }

        /// How to read the file; `auto` decides by extension.
        public var format: Format
        /// Dotted path to the records array in a JSON document; nil finds it (a top-level
        /// array, else the first array among `data.items`, `data`, `items`, `records`).
        public var records: String?
        /// Canonical field → dotted paths tried in order (one path, or a list for exports whose
        /// records come in several shapes), merged over the defaults (`externalID` ← `id`,
        /// `name` ← `nama`|`name`, `phone` ← `kontak.hp`|`hp`|`no_hp` …); an empty path or list
        /// turns a default field off (its value then lands in `extras`).
        public var fields: [String: [String]]
        /// Dotted path to each record's array of trainings; empty turns enrollments off.
        public var enrollments: String
        /// `programme`, `title`, `date`, `session`, `status` → path inside one training, merged over
        /// the defaults (`kode`, `nama`, `tanggal`, `sesi`, and for the status `status`, then
        /// `keterangan`, then `hasil`).
        public var enrollmentFields: [String: String]

        /// Options in code (tests, embedding); every argument defaults as in pipeline.json.
        public init(
            format: Format = .auto,
            records: String? = nil,
            fields: [String: [String]] = [:],
            enrollments: String = "pelatihan",
            enrollmentFields: [String: String] = [:]
        ) {
            self.format = format
            self.records = records
            self.fields = fields
            self.enrollments = enrollments
            self.enrollmentFields = enrollmentFields
        }

        private enum CodingKeys: String, CodingKey {
            case format, records, fields, enrollments, enrollmentFields
        }

        private enum EnrollmentKeys: String, CodingKey {
            case programme, title, date, session, status
        }

        static let pathExpectation = "a dotted path such as \"kontak.hp\""

        /// Decodes from pipeline.json, checking every path's syntax so a typo is reported at
        /// `muster check` rather than as empty fields after a run.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init()
            if try Self.isSet(.format, in: container) {
                let raw = try container.decode(String.self, forKey: .format, oneOf: Format.allCases.map(\.rawValue))
                format = Format(rawValue: raw) ?? .auto
            }
            if try Self.isSet(.records, in: container) {
                records = try Self.decodePath(forKey: .records, in: container, allowEmpty: true)
            }
            if try Self.isSet(.enrollments, in: container) {
                enrollments = try Self.decodePath(forKey: .enrollments, in: container, allowEmpty: true)
            }
            if try Self.isSet(.fields, in: container) {
                let nested = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .fields)
                for key in nested.allKeys {
                    if let text = try? nested.decode(String.self, forKey: key) {
                        fields[key.stringValue] = [try Self.validatedPath(text, forKey: key, in: nested, allowEmpty: true)].filter { !$0.isEmpty }
                    } else if let texts = try? nested.decode([String].self, forKey: key) {
                        fields[key.stringValue] = try Self.validatedPaths(texts, forKey: key, in: nested)
                    } else {
                        throw DecodingError.dataCorruptedError(forKey: key, in: nested, debugDescription: "a dotted path or a list of them")
                    }
                }
            }
            if try Self.isSet(.enrollmentFields, in: container) {
                let nested = try container.nestedContainer(keyedBy: EnrollmentKeys.self, forKey: .enrollmentFields)
                for key in [EnrollmentKeys.programme, .title, .date, .session, .status] where try Self.isSet(key, in: nested) {
                    enrollmentFields[key.stringValue] = try Self.decodePath(forKey: key, in: nested, allowEmpty: true)
                }
            }
        }

        /// True when the key is present with a non-null value (null means "use the default").
        private static func isSet<Key: CodingKey>(_ key: Key, in container: KeyedDecodingContainer<Key>) throws -> Bool {
            guard container.contains(key) else { return false }
            return try !container.decodeNil(forKey: key)
        }

        /// A list of paths, each a valid dotted path.
        private static func validatedPaths<Key: CodingKey>(_ texts: [String], forKey key: Key, in container: KeyedDecodingContainer<Key>) throws -> [String] {
            guard texts.allSatisfy({ JSONPath($0) != nil }) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "a list of " + pathExpectation)
            }
            return texts
        }

        private static func decodePath<Key: CodingKey>(forKey key: Key, in container: KeyedDecodingContainer<Key>, allowEmpty: Bool) throws -> String {
            try validatedPath(try container.decode(String.self, forKey: key), forKey: key, in: container, allowEmpty: allowEmpty)
        }

        private static func validatedPath<Key: CodingKey>(
            _ text: String, forKey key: Key, in container: KeyedDecodingContainer<Key>, allowEmpty: Bool
        ) throws -> String {
            guard (allowEmpty && text.isEmpty) || JSONPath(text) != nil else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: pathExpectation)
            }
            return text
        }
    }

    /// The Jakpreneur export's layout: canonical field → candidate paths, tried in order.
    static let defaultFields: [(field: String, paths: [String])] = [
        (Field.externalID, ["id"]),
        (Field.name, ["nama", "name"]),
        (Field.nik, ["nik"]),
        (Field.phone, ["kontak.hp", "hp", "no_hp"]),
        (Field.email, ["kontak.email", "email"]),
        (Field.birthDate, ["tgl_lahir"]),
        (Field.gender, ["jenis_kelamin"]),
        (Field.kelurahan, ["alamat.kelurahan", "domisili.kel", "domisili.kelurahan", "kelurahan"]),
        (Field.kecamatan, ["alamat.kecamatan", "domisili.kec", "domisili.kecamatan", "kecamatan"]),
        (Field.sector, ["jenis_usaha"]),
    ]

    /// Inside one training of the enrollments array: enrollment part → candidate paths.
    static let defaultEnrollmentFields: [(part: String, paths: [String])] = [
        ("programme", ["kode"]),
        ("title", ["nama"]),
        ("date", ["tanggal"]),
        ("session", ["sesi"]),
        ("status", ["status", "keterangan", "hasil"]),
    ]
}
