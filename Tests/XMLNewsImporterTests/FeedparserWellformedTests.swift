import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// The 1,429 `wellformed/` feeds of feedparser's test suite, driven by MANIFEST.tsv: each
/// parses without error into at least `min_entries` programme records, and every `Expect:`
/// clause on a field the importer keeps holds (see ``FeedparserFieldCheck`` for the mapping).
@Suite struct FeedparserWellformedTests {
    /// Files whose field checks are skipped (they are still parsed, without error and with
    /// at least `min_entries` items), each with the reason.
    ///
    /// feedparser's test server sends these with an HTTP `Content-Location` header or serves
    /// them from `http://127.0.0.1:8097/`, and resolves relative URLs against that; a file read
    /// from disk has neither, so their relative links stay relative (4 files).
    static let httpBase: Set<String> = [
        "wellformed/base/http_entry_id_base_content_location.xml",
        "wellformed/base/http_entry_id_base_docuri.xml",
        "wellformed/base/http_item_link_base_content_location.xml",
        "wellformed/base/http_item_link_base_docuri.xml",
    ]

    static let skippedChecks: [String: String] = Dictionary(
        uniqueKeysWithValues: httpBase.map { ($0, "the expected URL is resolved against an HTTP header or the test server's URL") }
    ).merging([
        // feedparser's sanitizer leaves the body of a malformed `<script\n\n\n>` as title
        // text ("function executeMe() { …"); libxml2's HTML parser drops script content, which
        // is what this group asks for (1 file).
        "wellformed/sanitize/entry_title_crazy.xml": "feedparser keeps script text that we drop"
    ]) { first, _ in first }

    /// A tag (`<script`, `<a href`, `</p`, `<!--`) in a value: markup reaching the registry.
    static func holdsMarkup(_ value: String) -> Bool {
        value.contains(/<[A-Za-z!\/]/)
    }

    @Test func wellformedFeeds() throws {
        let rows = try FeedparserManifest().group("wellformed")
        #expect(rows.count == 1_429)
        var checked = 0
        var notKept = 0
        for row in rows {
            let result = FeedFixture.read(row.file)
            #expect(result.error == nil, "\(row.path): \(result.error.map { "\($0)" } ?? "")")
            let entries = result.records.filter { $0.kind == .programme }
            #expect(entries.count >= row.minEntries, "\(row.path): \(entries.count) entries, expected at least \(row.minEntries)")
            if row.path.hasPrefix("wellformed/sanitize/") {
                // The sanitize group (425 files) hides script, iframes and on* handlers in
                // every text construct: none of it may reach a record as markup.
                for value in result.allValues where Self.holdsMarkup(value) {
                    Issue.record("\(row.path): markup in a value: \(value.prefix(120))")
                }
            }
            let expectation = FeedExpectation(row.expect)
            #expect(expectation.notBozo != false, "\(row.path): a well-formed feed expected to be bozo")
            guard Self.skippedChecks[row.path] == nil else { continue }
            for comparison in expectation.comparisons {
                for path in comparison.paths {
                    switch FeedparserFieldCheck.check(path, comparison.literal, entries: entries) {
                    case .matched: checked += 1
                    case .notKept: notKept += 1
                    case .mismatched(let message): Issue.record("\(row.path): \(message)")
                    }
                }
            }
        }
        // Every clause on a kept field was compared; the others name fields we do not keep.
        #expect(checked >= 189, "\(checked) field checks")
        #expect(notKept > 0)
    }
}
