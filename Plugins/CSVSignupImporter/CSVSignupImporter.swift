public import MusterCore

/// Reads sign-up and attendance sheets exported as CSV: Google Forms (comma, UTF-8),
/// Excel on Indonesian Windows (semicolon, Windows-1252, CRLF, title rows), UTF-8 with a
/// byte order mark, UTF-16.
///
/// The file is streamed through libcsv in 64 KiB chunks. Known column headers (Indonesian
/// and English synonyms, or the `columns` option) become canonical fields, attendance day
/// columns (`Hari 1`, `02/09/2024`) and a recap sheet's training columns (`PELATIHAN`,
/// `TGL PELATIHAN`) become the record's enrollment, with its status column (`STATUS`,
/// `KETERANGAN`, `HASIL`) when the sheet has one, and every other column is kept in
/// `extras`. Each record's locator is `row:N`, the physical line it starts on.
public struct CSVSignupImporter: Importer {
    public static let descriptor = ImporterDescriptor(
        id: "csv-signup",
        summary: "Sign-up and attendance sheets as CSV (Google Forms, Excel exports), one record per row",
        fileTypes: ["csv", "tsv", "txt"],
        options: [
            OptionDescriptor(
                "delimiter", type: "string", default: "\"auto\"",
                summary: "\"auto\", \"comma\", \"semicolon\", \"tab\" or \"pipe\"; auto picks the separator whose count is the same on most of the first lines"),
            OptionDescriptor(
                "encoding", type: "string", default: "\"auto\"",
                summary:
                    "\"auto\", \"utf-8\", \"utf-16\" or \"windows-1252\"; auto trusts a byte order mark, else UTF-8 when the whole file is valid UTF-8, else Windows-1252; a file of UTF-8 with a few stray bytes is read as UTF-8, those bytes alone as Windows-1252 (with a warning)"
            ),
            OptionDescriptor(
                "headerRow", type: "integer", default: "\"auto\"",
                summary: "the line the header row starts on; auto takes the first row with at least two known column names, skipping title rows above it"),
            OptionDescriptor(
                "columns", type: "object", default: "{}",
                summary: "header text → field name, added to and winning over the built-in synonyms (case, punctuation and spacing ignored)"),
            OptionDescriptor("programme", type: "string", summary: "programme code put on every record's enrollment"),
            OptionDescriptor("session", type: "string", summary: "session code put on every record's enrollment"),
            OptionDescriptor(
                "sessionFromFileName", type: "string",
                summary: "regular expression with one capture group taking the session code from the file name, e.g. \"(WUIB-[A-Z]+-[0-9]+)\"; session wins"),
        ]
    )

    /// The options this importer was built with.
    public let options: Options

    /// Checks the options a memberwise `Options` may not have (the file-name pattern).
    public init(options: Options) throws {
        if let pattern = options.sessionFromFileName, FileNamePattern(pattern) == nil {
            throw MusterError(.usage, "sessionFromFileName: expected \(FileNamePattern.expectation), found \"\(pattern)\"")
        }
        self.options = options
    }

    public func read(_ file: SourceFile, context: ImportContext, emit: ([SourceRecord]) throws -> Void) throws {
        let input = try SheetInput(file, encoding: options.encoding)
        if let line = input.strayBytesLine {
            context.warning(
                "\(file.path):\(line): bytes that are not UTF-8 in a UTF-8 file (the first on this line) were read as Windows-1252; check those cells")
        }
        let delimiter = options.delimiter.byte ?? DelimiterDetector.detect(in: input.head, isComplete: input.headIsWholeFile)
        var session = options.session
        if session == nil, let pattern = options.sessionFromFileName.flatMap(FileNamePattern.init) {
            session = pattern.session(inPath: file.path)
        }
        var assembler = SheetAssembler(
            file: file, context: context, encoding: input.encoding, isValidatedUTF8: input.isValidatedUTF8, options: options, session: session)
        let reader = try CSVRowReader(delimiter: delimiter, path: file.path)
        while let bytes = try input.next() {
            try reader.feed(bytes) { try assembler.consume($0, emit: emit) }
        }
        try reader.finish { try assembler.consume($0, emit: emit) }
        try assembler.finish(emit: emit)
    }
}
