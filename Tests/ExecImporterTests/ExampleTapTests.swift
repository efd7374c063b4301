import ExecImporter
import MusterCore
import MusterTesting
import Testing

/// The README's example tap (docs/examples/sms_tap.py) run exactly as its pipeline.json
/// entry says, from the repository root as pipeline.json's folder.
@Suite struct ExampleTapTests {
    @Test func theSMSExampleTapImportsItsInbox() throws {
        let options = try ConfigDecoder(file: "pipeline.json").decode(
            ExecImporter.Options.self,
            from: JSONParser.parse(#"{ "command": ["python3", "docs/examples/sms_tap.py"], "timeoutSeconds": 60 }"#)
        )
        let log = LogCapture()
        let inbox = SourceFile(path: "docs/examples/sms-inbox.txt", absolutePath: RepositoryPaths.root + "/docs/examples/sms-inbox.txt")
        var records: [SourceRecord] = []
        try ExecImporter(options: options).read(inbox, context: ImportContext(sourceID: "sms-daftar", logger: log.logger)) { records += $0 }

        #expect(records.map(\.provenance.locator) == ["sms:100231", "sms:100232", "sms:100234", "sms:100235", "line:6"])
        let accepted = records.filter { $0.rejection == nil }
        #expect(accepted.map { $0.fields[Field.nik] } == ["3174014505880001", "3174021203790004", "3174035811830003"])
        #expect(
            accepted.first?.fields == [
                "name": "Siti Rahmawati", "nik": "3174014505880001", "phone": "+6281311120451",
                "kelurahan": "Tebet Barat", "submittedAt": "2024-09-02T08:14:09+07:00",
            ])
        #expect(accepted.first?.extras == ["gateway.messageID": "100231"])
        #expect(accepted.map { $0.enrollments.first?.programme } == ["WUIB-TBT-01", "WUIB-KBL-02", "WUIB-CLD-01"])
        #expect(
            records[2].rejection?.message
                == "the command could not read this record: expected DAFTAR#name#NIK#kelurahan#session, found 4 parts")
        #expect(records[2].raw?.hasPrefix("100234|") == true)
        #expect(
            records[4].rejection
                == Rejection(
                    message: "the command could not read this record: expected 4 |-separated columns, found 1", position: "output line 6"
                ))
        #expect(log.messages.contains("docs/examples/sms-inbox.txt: python3: 6 messages: 3 sign-ups, 2 unreadable, 1 other"))
        #expect(log.messages.contains("docs/examples/sms-inbox.txt: python3 stderr: sms_tap: done, 6 messages read"))
    }
}
