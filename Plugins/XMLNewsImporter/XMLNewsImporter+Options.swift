import MusterCore

extension XMLNewsImporter {
    /// The `options` object of an `xml-news` source in pipeline.json; `{}` gives the defaults.
    public struct Options: Decodable, Sendable {
        static let defaultMaxFieldBytes = 1_048_576
        /// libxml2 itself refuses text nodes above 10,000,000 bytes (without XML_PARSE_HUGE).
        static let maxFieldBytesRange = 1_024...10_000_000

        /// Whether participant tables in item bodies become participant records.
        public var participantTables: Bool
        /// The most bytes of text kept per field (title, body, extras value, table source).
        public var maxFieldBytes: Int

        public init(participantTables: Bool = true, maxFieldBytes: Int = 1_048_576) {
            self.participantTables = participantTables
            self.maxFieldBytes = maxFieldBytes
        }

        enum CodingKeys: String, CodingKey {
            case participantTables, maxFieldBytes
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            participantTables = try container.decodeIfPresent(Bool.self, forKey: .participantTables) ?? true
            maxFieldBytes =
                try container.contains(.maxFieldBytes)
                ? container.decode(Int.self, forKey: .maxFieldBytes, in: Self.maxFieldBytesRange)
                : Self.defaultMaxFieldBytes
        }
    }
}
