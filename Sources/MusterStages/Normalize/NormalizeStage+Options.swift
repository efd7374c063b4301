internal import MusterCore

extension NormalizeStage {
    /// The stage's rules as pipeline.json sets them. Every table option adds to the
    /// built-in table (see ``NormalizeRules``), so an office extends the rules without code.
    public struct Options: Decodable, Sendable {
        /// Read ambiguous numeric dates day first (`dmy`, Indonesian use) or month first (`mdy`).
        public var dateOrder: String
        /// Extra values that mean "missing" in any field, compared case-insensitively.
        public var placeholders: [String]
        /// Display form → written variants, e.g. `{"Ibu": ["bunda"]}`.
        public var honorifics: [String: [String]]
        /// Display form → written variants, e.g. `{"S.Tr.": ["str"]}`.
        public var degrees: [String: [String]]
        /// Lower-case name particles kept lower case inside a name (`bin`, `binti`, `van`).
        public var particles: [String]
        /// Canonical sector → words or phrases that name it, e.g. `{"kuliner": ["dimsum"]}`.
        public var sectors: [String: [String]]
        /// Gender code → written variants, e.g. `{"P": ["ibu rumah tangga"]}`.
        public var genders: [String: [String]]
        /// Official kecamatan or kelurahan name → other names for it, e.g. `{"Mampang Prapatan": ["Mampang"]}`.
        public var placeAliases: [String: [String]]
        /// Word → its abbreviations inside place names, e.g. `{"pasar": ["ps", "psr"]}`.
        public var placeAbbreviations: [String: [String]]
        /// The kota whose places win when a name or typo fits places in several (`31.74`).
        public var homeRegency: String
        /// The office's area, a wilayah code (`31.74`, or `31` for all of DKI Jakarta): a
        /// kecamatan or kelurahan outside it gets `place.outside-area`. Nil: the home regency.
        public var area: String?
        /// The day birth dates are checked against (`YYYY-MM-DD`); nil means the run's day.
        public var referenceDate: String?

        public init(
            dateOrder: String = "dmy",
            placeholders: [String] = [],
            honorifics: [String: [String]] = [:],
            degrees: [String: [String]] = [:],
            particles: [String] = [],
            sectors: [String: [String]] = [:],
            genders: [String: [String]] = [:],
            placeAliases: [String: [String]] = [:],
            placeAbbreviations: [String: [String]] = [:],
            homeRegency: String = "31.74",
            area: String? = nil,
            referenceDate: String? = nil
        ) {
            self.dateOrder = dateOrder
            self.placeholders = placeholders
            self.honorifics = honorifics
            self.degrees = degrees
            self.particles = particles
            self.sectors = sectors
            self.genders = genders
            self.placeAliases = placeAliases
            self.placeAbbreviations = placeAbbreviations
            self.homeRegency = homeRegency
            self.area = area
            self.referenceDate = referenceDate
        }

        private enum CodingKeys: String, CodingKey {
            case dateOrder, placeholders, honorifics, degrees, particles, sectors, genders
            case placeAliases, placeAbbreviations, homeRegency, area, referenceDate
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            dateOrder = container.contains(.dateOrder) ? try container.decode(String.self, forKey: .dateOrder, oneOf: ["dmy", "mdy"]) : "dmy"
            placeholders = try container.decodeIfPresent([String].self, forKey: .placeholders) ?? []
            honorifics = try container.decodeIfPresent([String: [String]].self, forKey: .honorifics) ?? [:]
            degrees = try container.decodeIfPresent([String: [String]].self, forKey: .degrees) ?? [:]
            particles = try container.decodeIfPresent([String].self, forKey: .particles) ?? []
            sectors = try container.decodeIfPresent([String: [String]].self, forKey: .sectors) ?? [:]
            genders = try container.decodeIfPresent([String: [String]].self, forKey: .genders) ?? [:]
            for code in genders.keys where code != "L" && code != "P" {
                throw DecodingError.dataCorruptedError(
                    forKey: .genders, in: container, debugDescription: "an object whose keys are \"L\" or \"P\", not \"\(code)\"")
            }
            placeAliases = try container.decodeIfPresent([String: [String]].self, forKey: .placeAliases) ?? [:]
            placeAbbreviations = try container.decodeIfPresent([String: [String]].self, forKey: .placeAbbreviations) ?? [:]
            homeRegency = try container.decodeIfPresent(String.self, forKey: .homeRegency) ?? "31.74"
            if !WilayahTable.regencies.contains(where: { $0.code == homeRegency }) {
                let codes = WilayahTable.regencies.map { "\"\($0.code)\"" }.joined(separator: ", ")
                throw DecodingError.dataCorruptedError(forKey: .homeRegency, in: container, debugDescription: "one of \(codes)")
            }
            area = try container.decodeIfPresent(String.self, forKey: .area)
            if let area, area != "31", !WilayahTable.regencies.contains(where: { $0.code == area }) {
                let codes = (["\"31\""] + WilayahTable.regencies.map { "\"\($0.code)\"" }).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(forKey: .area, in: container, debugDescription: "one of \(codes)")
            }
            referenceDate = try container.decodeIfPresent(String.self, forKey: .referenceDate)
            if let referenceDate, DateNormalizer.isoDay(referenceDate) == nil {
                throw DecodingError.dataCorruptedError(forKey: .referenceDate, in: container, debugDescription: "a date as YYYY-MM-DD")
            }
        }
    }

    /// What `muster stages` prints for this stage.
    static let optionDescriptors: [OptionDescriptor] = [
        OptionDescriptor("dateOrder", type: "string", default: "\"dmy\"", summary: "\"dmy\" (Indonesian) or \"mdy\" for ambiguous numeric dates."),
        OptionDescriptor(
            "placeholders", type: "[string]", default: "[]",
            summary: "Extra values meaning missing in every field, added to -, n/a, tidak ada, belum ada, 0, . …"),
        OptionDescriptor(
            "honorifics", type: "object", default: "{}",
            summary: "Display form → variants split off names, added to Ibu/Bu, Bapak/Pak/Bpk., Sdr., Sdri., H., Hj./Hajjah, Ny. …"),
        OptionDescriptor(
            "degrees", type: "object", default: "{}",
            summary: "Display form → variants split off names, added to S.E., S.Pd., S.Kom., S.H., M.M., Ir., Dr., A.Md. …"),
        OptionDescriptor("particles", type: "[string]", default: "[]", summary: "Name particles kept lower case, added to bin, binti, van, der, de, von."),
        OptionDescriptor(
            "sectors", type: "object", default: "{}",
            summary: "Canonical sector → words naming it, added to kuliner, fesyen, kerajinan tangan, jasa, perdagangan, pertanian, kecantikan, digital."),
        OptionDescriptor(
            "genders", type: "object", default: "{}",
            summary: "\"L\" or \"P\" → more written forms, added to Laki-laki, Perempuan, Pria, Wanita, M, F, Male, Female …"),
        OptionDescriptor("placeAliases", type: "object", default: "{}", summary: "Official kecamatan/kelurahan name → other names for it."),
        OptionDescriptor(
            "placeAbbreviations", type: "object", default: "{}",
            summary: "Word → abbreviations in place names, added to Ps./Psr., Kby./Keb., Pd., Sel., Utr., Jaksel …"),
        OptionDescriptor(
            "homeRegency", type: "string", default: "\"31.74\"", summary: "Kota code whose places win ties between same-named or equally close places."),
        OptionDescriptor(
            "area", type: "string", default: "homeRegency",
            summary: "The office's area (\"31.74\", or \"31\" for all of DKI Jakarta): places outside it get the issue place.outside-area."),
        OptionDescriptor(
            "referenceDate", type: "string", default: "the run's day",
            summary: "YYYY-MM-DD that birth dates must not be after; two-digit years are read up to it."),
    ]
}
