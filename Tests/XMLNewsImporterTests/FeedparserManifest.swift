import Foundation
import MusterCore
import MusterTesting

/// `feeds/feedparser/MANIFEST.tsv` of the vendored corpora: one row per test feed.
struct FeedparserManifest {
    struct Row {
        var path: String
        var group: String
        /// `yes`, `no` or `ns-error`: libxml2 2.9.14's verdict with default options.
        var libxml2WellFormed: String
        var libxml2FirstError: String
        var minEntries: Int
        var description: String
        var expect: String

        var file: SourceFile {
            SourceFile(path: "feedparser/" + path, absolutePath: FeedparserManifest.folder + "/" + path)
        }
    }

    static let folder = RepositoryPaths.corpora + "/feeds/feedparser"

    let rows: [Row]

    init() throws {
        let text = try String(contentsOfFile: Self.folder + "/MANIFEST.tsv", encoding: .utf8)
        var rows: [Row] = []
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 10 else { continue }
            rows.append(
                Row(
                    path: columns[0], group: columns[1], libxml2WellFormed: columns[2], libxml2FirstError: columns[3],
                    minEntries: Int(columns[5]) ?? 0, description: columns[8], expect: columns[9]
                )
            )
        }
        self.rows = rows
    }

    func group(_ name: String) -> [Row] { rows.filter { $0.group == name } }
}
