public import MusterCore
internal import Foundation

/// Turns raw values into canonical, comparable ones, keeping the raw beside them (the
/// record's source is never changed) and recording what it could not parse as issues.
///
/// This is the foundation's thin version: whitespace and Unicode, name casing, NIK digits,
/// E.164 phones, ISO dates, gender codes, place prefixes. It never quarantines: judging
/// is the validate stage's job.
public final class NormalizeStage: RecordTransform {
    public struct Options: Decodable, Sendable {
        /// Read ambiguous numeric dates day first (Indonesian use) or month first.
        public var dateOrder: String
        /// Values that mean "missing" in any field, compared case-insensitively.
        public var placeholders: Set<String>

        public init(dateOrder: String = "dmy", extraPlaceholders: [String] = []) {
            self.dateOrder = dateOrder
            self.placeholders = TextNormalizer.defaultPlaceholders.union(extraPlaceholders.map { $0.lowercased() })
        }

        private enum CodingKeys: String, CodingKey { case dateOrder, placeholders }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            dateOrder = container.contains(.dateOrder) ? try container.decode(String.self, forKey: .dateOrder, oneOf: ["dmy", "mdy"]) : "dmy"
            let extra = try container.decodeIfPresent([String].self, forKey: .placeholders) ?? []
            placeholders = TextNormalizer.defaultPlaceholders.union(extra.map { $0.lowercased() })
        }
    }

    public static let descriptor = StageDescriptor(
        id: "normalize",
        summary: "Canonical forms: names, NIK, E.164 phones, ISO dates, gender, places; raw values kept, problems as issues.",
        options: [
            OptionDescriptor("dateOrder", type: "string", default: "\"dmy\"", summary: "\"dmy\" (Indonesian) or \"mdy\" for ambiguous numeric dates."),
            OptionDescriptor("placeholders", type: "[string]", default: "[]", summary: "Extra values meaning missing, added to -, n/a, tidak ada, belum ada, 0, . …"),
        ]
    )

    private let options: Options

    public init(options: Options, context: StageContext) {
        self.options = options
    }

    public func transform(_ record: inout Record) {
        var normalized = NormalizedRecord()
        for (field, raw) in record.source.fields {
            let cleaned = TextNormalizer.clean(raw)
            guard !options.placeholders.contains(cleaned.lowercased()) else { continue }
            normalize(field: field, value: cleaned, raw: raw, into: &normalized)
        }
        record.normalized = normalized
    }

    private func normalize(field: String, value: String, raw: String, into normalized: inout NormalizedRecord) {
        switch field {
        case Field.name:
            normalized[field] = TextNormalizer.titleCased(value)
        case Field.nik:
            let digits = TextNormalizer.digits(value)
            normalized[field] = digits
            if digits.count != 16 || digits.count != value.filter({ $0.isNumber }).count {
                normalized.issues.append(FieldIssue(code: "nik.length", field: field, raw: raw, message: "NIK has \(digits.count) digits, expected 16"))
            }
        case Field.phone:
            let phones = PhoneNormalizer.normalize(value)
            if let primary = phones.primary {
                normalized[field] = primary
            } else {
                normalized.issues.append(FieldIssue(code: "phone.unparseable", field: field, raw: raw, message: "not an Indonesian phone number"))
            }
            if !phones.others.isEmpty { normalized["otherPhones"] = phones.others.joined(separator: " ") }
        case Field.email:
            normalized[field] = value.lowercased()
        case Field.birthDate:
            if let date = DateNormalizer.normalize(value, dayFirst: options.dateOrder == "dmy") {
                normalized[field] = date
            } else {
                normalized.issues.append(FieldIssue(code: "date.unparseable", field: field, raw: raw, message: "not a date in a known form"))
            }
        case Field.gender:
            if let code = Self.genderCode(value) {
                normalized[field] = code
            } else {
                normalized.issues.append(FieldIssue(code: "gender.unknown", field: field, raw: raw, message: "not a known gender value"))
            }
        case Field.kelurahan, Field.kecamatan:
            normalized[field] = TextNormalizer.titleCased(Self.strippingPlacePrefix(value))
        case Field.sector:
            normalized[field] = value.lowercased()
        default:
            normalized[field] = value
        }
    }

    static func genderCode(_ value: String) -> String? {
        switch value.lowercased() {
        case "l", "lk", "laki-laki", "laki laki", "pria", "m", "male", "laki": "L"
        case "p", "pr", "perempuan", "wanita", "f", "female": "P"
        default: nil
        }
    }

    static func strippingPlacePrefix(_ value: String) -> String {
        let prefixes = ["kelurahan ", "kecamatan ", "kel. ", "kec. ", "kel.", "kec.", "kel ", "kec "]
        let lower = value.lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            return String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return value
    }
}
