import CLibCSV
import Testing

@testable import CSVSignupImporter

/// Fences around what the importer reads from libcsv beyond its API, all of it in
/// `LibCSVInternals.swift`: the meaning of `csv_parser.pstate` and `quoted`. A failure here
/// means a libcsv update changed them; every message says what and where.
@Suite struct LibCSVInternalsTests {
    static let wrapper = "Plugins/CSVSignupImporter/LibCSVInternals.swift"
    static let reverify = "re-verify \(wrapper) against libcsv.c (and CSVRowReader.finish, which gives up unclosed quotes with it)"

    @Test func theLibraryIsTheVerifiedOne() {
        #expect(
            LibCSVInternals.headerVersion == LibCSVInternals.verifiedVersion,
            "compiled against libcsv \(LibCSVInternals.headerVersion) (csv.h), but \(Self.wrapper) was verified against libcsv \(LibCSVInternals.verifiedVersion): \(Self.reverify), then update verifiedVersion there"
        )
    }

    /// Fed one byte at a time with the reader's options, the parser reads as inside a quoted
    /// field exactly while a quote is open: `Q` below a byte marks it, `.` marks outside.
    @Test(arguments: [
        // An unquoted field, a quoted one holding the delimiter, doubled quotes and a space.
        ("x,\"q,\"\"r\"\" s\"\n", "..QQQ.QQ.QQQ.."),
        // A quote left open runs over the line break: the case the reader gives up at the end.
        ("\"open\nline", "QQQQQQQQQQ"),
        // Spaces around a quoted field (not trimmed inside), an empty quoted field, a blank line.
        (" \"a\" ,\"\"\n\nz", ".QQ...Q...."),
    ])
    func insideAQuotedFieldIsReadFromTheParserState(input: String, expected: String) throws {
        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        defer {
            csv_free(parser)
            parser.deinitialize(count: 1)
            parser.deallocate()
        }
        try #require(csv_init(parser, UInt8(CSV_REPALL_NL)) == 0)
        var states = ""
        for byte in Array(input.utf8) {
            let consumed = withUnsafeBytes(of: byte) { csv_parse(parser, $0.baseAddress, 1, nil, nil, nil) }
            try #require(consumed == 1)
            states += LibCSVInternals.isInsideQuotedField(parser) ? "Q" : "."
        }
        #expect(
            states == expected,
            "for \(input.debugDescription) libcsv's pstate/quoted now read as \(states), not \(expected) (Q: inside an open quoted field): \(Self.reverify)"
        )
    }
}
