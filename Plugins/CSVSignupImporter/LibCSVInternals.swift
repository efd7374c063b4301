internal import CLibCSV

/// Everything the importer reads from libcsv that libcsv does not document, in one place.
///
/// `struct csv_parser` is public in csv.h, but the meaning of its `pstate` values is private
/// to libcsv.c (`ROW_NOT_BEGUN` 0, `FIELD_NOT_BEGUN` 1, `FIELD_BEGUN` 2,
/// `FIELD_MIGHT_HAVE_ENDED` 3, the last one just after a quote inside a quoted field).
/// ``CSVRowReader`` needs to know whether the parser is inside a quoted field that is still
/// open, to give up an unclosed quote at the end of the file, and libcsv has no call for it.
///
/// Verified against libcsv ``verifiedVersion`` (Debian 12: 3.0.3+dfsg-6).
/// `LibCSVInternalsTests` checks the version and probes the states; when it fails,
/// re-verify this file against the new libcsv.c before changing `verifiedVersion`.
/// No other file of the importer reads `pstate` or `quoted`.
enum LibCSVInternals {
    /// The libcsv these assumptions were verified against (`CSV_MAJOR.CSV_MINOR.CSV_RELEASE`).
    static let verifiedVersion = "3.0.3"

    /// The libcsv whose header this module was compiled with (libcsv reports no version at
    /// run time).
    static let headerVersion = "\(CSV_MAJOR).\(CSV_MINOR).\(CSV_RELEASE)"

    /// libcsv.c's `FIELD_BEGUN`: inside a field, with `quoted` set inside a quoted one.
    private static let fieldBegun: Int32 = 2

    /// True while `parser` is inside a quoted field whose closing quote has not been read
    /// (a quote just read may still turn out to be the first of a doubled `""`: that is not
    /// inside, until the next byte says so).
    static func isInsideQuotedField(_ parser: UnsafePointer<csv_parser>) -> Bool {
        parser.pointee.pstate == fieldBegun && parser.pointee.quoted != 0
    }
}
