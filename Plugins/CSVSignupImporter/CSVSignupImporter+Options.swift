import MusterCore

extension CSVSignupImporter {
    /// How one sheet is read; every option has a default so `options: {}` reads a typical
    /// Google Forms or Excel export.
    public struct Options: Decodable, Sendable {
        /// The field separator; `auto` picks the one with the most consistent count per line.
        public enum Delimiter: String, Sendable, CaseIterable {
            case auto, comma, semicolon, tab, pipe

            var byte: UInt8? {
                switch self {
                case .auto: nil
                case .comma: UInt8(ascii: ",")
                case .semicolon: UInt8(ascii: ";")
                case .tab: UInt8(ascii: "\t")
                case .pipe: UInt8(ascii: "|")
                }
            }
        }

        /// The file's character encoding; `auto` trusts a byte order mark, else UTF-8 when
        /// the whole file is valid UTF-8, else Windows-1252 (Excel on Indonesian Windows); a
        /// file that is UTF-8 but for a few stray bytes is read as UTF-8, those bytes alone as
        /// Windows-1252. `utf-8` is strict: a cell that is not valid UTF-8 is rejected.
        public enum Encoding: String, Sendable, CaseIterable {
            case auto
            case utf8 = "utf-8"
            case utf16 = "utf-16"
            case windows1252 = "windows-1252"
        }

        /// The field separator; default `auto`.
        public var delimiter: Delimiter
        /// The character encoding; default `auto`.
        public var encoding: Encoding
        /// The 1-based line the header row starts on; nil finds it (the first row with at
        /// least two known column names), skipping title rows and blank lines above it.
        public var headerRow: Int?
        /// Header text → canonical field name, on top of (and winning over) the built-in synonyms.
        public var columns: [String: String]
        /// Programme code attached to every record's enrollment.
        public var programme: String?
        /// Session code attached to every record's enrollment.
        public var session: String?
        /// A regular expression with one capture group that takes the session code from the
        /// file name (`(WUIB-[A-Z]+-[0-9]+)`); `session` wins when both are given.
        public var sessionFromFileName: String?

        public init(
            delimiter: Delimiter = .auto,
            encoding: Encoding = .auto,
            headerRow: Int? = nil,
            columns: [String: String] = [:],
            programme: String? = nil,
            session: String? = nil,
            sessionFromFileName: String? = nil
        ) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.headerRow = headerRow
            self.columns = columns
            self.programme = programme
            self.session = session
            self.sessionFromFileName = sessionFromFileName
        }

        private enum CodingKeys: String, CodingKey {
            case delimiter, encoding, headerRow, columns, programme, session, sessionFromFileName
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init()
            if container.contains(.delimiter) {
                let raw = try container.decode(String.self, forKey: .delimiter, oneOf: Delimiter.allCases.map(\.rawValue))
                delimiter = Delimiter(rawValue: raw) ?? .auto
            }
            if container.contains(.encoding) {
                let raw = try container.decode(String.self, forKey: .encoding, oneOf: Encoding.allCases.map(\.rawValue))
                encoding = Encoding(rawValue: raw) ?? .auto
            }
            if container.contains(.headerRow) {
                headerRow = try Self.decodeHeaderRow(container)
            }
            if container.contains(.columns) {
                columns = try container.decode([String: String].self, forKey: .columns)
                if columns.values.contains(where: \.isEmpty) {
                    throw DecodingError.dataCorruptedError(
                        forKey: .columns, in: container, debugDescription: "an object of header text to a non-empty field name")
                }
            }
            programme = try container.decodeIfPresent(String.self, forKey: .programme)
            session = try container.decodeIfPresent(String.self, forKey: .session)
            sessionFromFileName = try container.decodeIfPresent(String.self, forKey: .sessionFromFileName)
            if let pattern = sessionFromFileName, FileNamePattern(pattern) == nil {
                throw DecodingError.dataCorruptedError(
                    forKey: .sessionFromFileName, in: container, debugDescription: FileNamePattern.expectation)
            }
        }

        private static func decodeHeaderRow(_ container: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
            let expectation = "an integer of at least 1, or \"auto\""
            if let text = try? container.decode(String.self, forKey: .headerRow) {
                guard text == "auto" else {
                    throw DecodingError.dataCorruptedError(forKey: .headerRow, in: container, debugDescription: expectation)
                }
                return nil
            }
            guard let row = try? container.decode(Int.self, forKey: .headerRow), row >= 1 else {
                throw DecodingError.dataCorruptedError(forKey: .headerRow, in: container, debugDescription: expectation)
            }
            return row
        }
    }
}
