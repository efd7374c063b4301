/// Where a generated record is written: one sheet style, export or feed kind each.
enum Channel: Int, CaseIterable, Sendable {
    /// Google Forms sign-up sheet: comma, UTF-8, LF, a timestamp column.
    case signupSheet
    /// Excel attendance sheet from Indonesian Windows: `;`, Windows-1252, CRLF, title rows.
    case excelAttendance
    /// Attendance sheet saved as UTF-8 with a byte order mark, ✓ marks.
    case bomAttendance
    /// Excel-made recap of many trainings: `;`, CRLF, a title row, each row naming its own
    /// training, date and status.
    case recapSheet
    /// Jakpreneur JSON document, records in `$.data.items`.
    case jsonDocument
    /// Jakpreneur NDJSON updates.
    case ndjson
    /// RSS 2.0 news items with participant tables in `content:encoded`.
    case rssTable
    /// Atom entries with participant tables in escaped `<content type="html">`.
    case atomTable

    /// How often a record goes to this channel, relative to the others.
    var weight: Double {
        switch self {
        case .signupSheet: 0.22
        case .excelAttendance: 0.15
        case .bomAttendance: 0.10
        case .recapSheet: 0.06
        case .jsonDocument: 0.18
        case .ndjson: 0.15
        case .rssTable: 0.12
        case .atomTable: 0.08
        }
    }

    /// Whether the channel writes one file or news item per session (sign-up and attendance
    /// sheets, announcements), holding its records until the session is full.
    var isPerSession: Bool {
        switch self {
        case .signupSheet, .excelAttendance, .bomAttendance, .rssTable, .atomTable: true
        case .recapSheet, .jsonDocument, .ndjson: false
        }
    }

    /// The format family, for the summary: `csv`, `json` or `xml`.
    var format: String {
        switch self {
        case .signupSheet, .excelAttendance, .bomAttendance, .recapSheet: "csv"
        case .jsonDocument, .ndjson: "json"
        case .rssTable, .atomTable: "xml"
        }
    }

    /// The defects a record of this channel can carry: only what the format can hold.
    var defects: [Defect] {
        switch self {
        case .signupSheet, .jsonDocument:
            [.requiredName, .nikFormat, .phoneFormat, .phoneForeign, .emailFormat, .birthDateUnreal, .placeOutsideArea]
                + (self == .signupSheet ? [.malformedRecord] : [])
        case .excelAttendance, .bomAttendance, .recapSheet: [.requiredName, .nikFormat, .phoneFormat, .phoneForeign, .placeOutsideArea, .malformedRecord]
        case .ndjson: [.requiredName, .nikFormat, .phoneFormat, .phoneForeign, .emailFormat, .birthDateUnreal, .placeOutsideArea, .malformedRecord]
        case .rssTable, .atomTable: [.requiredName, .malformedRecord]
        }
    }
}

/// Why a generated record is invalid: the first validation rule it breaks, named as the
/// pipeline names it (samples/expected/README.md, "Rules").
public enum Defect: String, CaseIterable, Sendable {
    case malformedRecord = "malformed-record"
    case requiredName = "required-name"
    case nikFormat = "nik-format"
    case phoneFormat = "phone-format"
    /// A number with another country's code, which the programme cannot reach.
    case phoneForeign = "phone-indonesian"
    case emailFormat = "email-format"
    /// A stated birth date in the future or on no real day (`14/03/2087`, `2024-02-31`).
    case birthDateUnreal = "birth-date-real"
    /// A real kelurahan of another kota (`Rawamangun` for a South Jakarta office).
    case placeOutsideArea = "place-in-area"
}
