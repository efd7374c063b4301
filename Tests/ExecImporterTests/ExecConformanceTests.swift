import ExecImporter
import MusterCore
import MusterTesting
import Testing

/// The importer contract every importer passes, with the simplest tap there is: `cat`,
/// which writes the matched file (already in the protocol) to its output.
@Suite struct ExecConformanceTests {
    @Test func catAsATapConforms() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let valid = try workspace.file(
            "inbox/valid.ndjson",
            [
                hello,
                #"{"type":"record","locator":"sms:1","fields":{"name":"Siti Rahmawati","nik":"3174014505880001"}}"#,
                #"{"type":"record","fields":{"name":"Joko Santoso","phone":"081298765012"}}"#,
                #"{"type":"record","kind":"programme","fields":{"title":"WUIB Tebet"}}"#,
                #"{"type":"record","fields":{"email":"dewi.kartika@example.org"}}"#,
                #"{"type":"record","locator":"sms:5","fields":{"kelurahan":"Cilandak Timur"}}"#,
            ].joined(separator: "\n") + "\n")
        let malformed = try workspace.file(
            "inbox/malformed.ndjson",
            [
                hello,
                #"{"type":"record","fields":{"name":"Siti Rahmawati","nik":3174014505880001"#,
                #"{"type":"record","fields":{"name":["Joko Santoso"]}}"#,
                #"{"type":"recrod","fields":{"phone":"081298765012"}}"#,
                #"{"type":"error","message":"unreadable row","raw":"Dewi Kartika;dewi.kartika@example.org"}"#,
            ].joined(separator: "\n") + "\n")
        let empty = try workspace.file("inbox/empty.ndjson", "")
        let importer = try ExecImporter(options: .init(command: ["cat"]))
        let failures = ImporterConformance(importer: importer).run(
            valid: valid, malformed: malformed, empty: empty,
            personalValues: ["Siti Rahmawati", "3174014505880001", "Joko Santoso", "081298765012", "Dewi Kartika", "dewi.kartika@example.org"]
        )
        #expect(failures.isEmpty, "\(failures)")
    }
}
