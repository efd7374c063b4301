import ContentHash
import ExecImporter
import Logging
import MusterCore
import MusterTesting
import Testing

/// The muster-exec/1 line protocol: what becomes a record, what is rejected and where.
@Suite struct ExecProtocolTests {
    @Test func recordLinesBecomeRecordsWithProvenance() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let harness = try ExecHarness(
            shell: printfLines([
                hello,
                #"{"type":"record","fields":{"name":"Siti Rahmawati","nik":3174014505880001,"phone":"0813-1112-0451","email":null}}"#,
                "",
                #"{"type":"record","locator":"row:7","kind":"programme","fields":{"title":"WUIB Tebet","guid":"wuib-tbt-01"},"extras":{"room":"RPTRA","seats":40,"open":true}}"#,
                #"{"type":"record","fields":{},"enrollments":[{"programme":"WUIB-TBT-01","session":2,"status":"LULUS","attendance":[{"day":"Hari 1","mark":"✓","present":true},{"day":"Hari 2","mark":"?","present":null}]}]}"#,
            ]))
        let (records, error) = harness.read(workspace.input)
        #expect(error == nil)
        try #require(records.count == 3)
        #expect(records[0].fields == ["name": "Siti Rahmawati", "nik": "3174014505880001", "phone": "0813-1112-0451"])
        #expect(records[0].kind == .participant)
        #expect(records[0].provenance.locator == "line:2")
        #expect(records[0].provenance.file == "inbox/input.txt")
        #expect(records[0].provenance.sourceID == "exec-test")
        #expect(
            records[0].provenance.contentHash
                == SHA256.hex(of: #"{"type":"record","fields":{"name":"Siti Rahmawati","nik":3174014505880001,"phone":"0813-1112-0451","email":null}}"#))
        #expect(records[1].provenance.locator == "row:7")
        #expect(records[1].kind == .programme)
        #expect(records[1].extras == ["room": "RPTRA", "seats": "40", "open": "true"])
        #expect(records[2].provenance.locator == "line:5")
        #expect(records[2].enrollments.first?.standing == .passed)
        #expect(
            records[2].enrollments == [
                Enrollment(
                    programme: "WUIB-TBT-01", session: "2", status: "LULUS",
                    attendance: [Attendance(day: "Hari 1", mark: "✓", present: true), Attendance(day: "Hari 2", mark: "?", present: nil)]
                )
            ])
    }

    @Test func unreadableLinesAreRejectedWithTheirOutputLine() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let harness = try ExecHarness(
            shell: printfLines([
                hello,
                #"{"type":"record","fields":{"name":"Nur Aini"}"#,
                #"["record"]"#,
                #"{"type":"state","value":{"cursor":12}}"#,
                #"{"type":"record","feilds":{"name":"Nur Aini"}}"#,
                #"{"type":"record","fields":{"name":["Nur","Aini"]}}"#,
                #"{"type":"record","kind":"person","fields":{}}"#,
                #"{"type":"record","locator":"line:3","fields":{}}"#,
                #"{"type":"record","locator":"sms:1","fields":{}}"#,
                #"{"type":"record","locator":"sms:1","fields":{"name":"Nur Aini"}}"#,
                hello,
                #"{"type":"log","level":"loud","message":"x"}"#,
                #"{"type":"error","message":"row 4 has no NIK column","locator":"row:4","raw":"4;Nur Aini;;Tebet"}"#,
                #"{"type":"record","fields":{"name":"Nur Aini"},"enrollments":[{"programme":"A","attendance":[{"mark":"v"}]}]}"#,
                #"{"type":"record","fields":{"name":"Nur Aini"},"enrollments":[{"programme":"A","status":{"hasil":"lulus"}}]}"#,
            ]))
        let (records, error) = harness.read(workspace.input)
        #expect(error == nil)
        let rejected = records.compactMap { record in
            record.rejection.map { "\(record.provenance.locator) \($0.position ?? "-"): \($0.message)" }
        }
        #expect(
            rejected == [
                "line:2 output line 2, column 46: unexpected end of input, expected ',' or '}'",
                "line:3 output line 3: line is not a JSON object",
                #"line:4 output line 4: unknown type "state"; muster-exec/1 lines are "hello", "record", "error", "log""#,
                #"line:5 output line 5: record: unknown key "feilds"; did you mean "fields"?"#,
                "line:6 output line 6: record: fields.name: expected a string, number, boolean or null, found an array",
                #"line:7 output line 7: record: kind: expected "participant" or "programme""#,
                #"line:8 output line 8: record: locator "line:3" is reserved for muster's own line numbers; use another prefix, such as "row:3""#,
                #"line:10 output line 10: locator "sms:1" was already used on output line 9"#,
                "line:11 output line 11: hello: only the first line may be a hello",
                #"line:12 output line 12: log: level: expected one of "debug", "info", "notice", "warning", "error""#,
                "row:4 output line 13: the command could not read this record: row 4 has no NIK column",
                #"line:14 output line 14: record: enrollments[0].attendance[0]: missing "day""#,
                "line:15 output line 15: record: enrollments[0]: status: expected a string, number or boolean, found an object",
            ])
        #expect(records.filter { $0.rejection == nil }.map(\.provenance.locator) == ["sms:1"])
        #expect(records.first { $0.provenance.locator == "row:4" }?.raw == "4;Nur Aini;;Tebet")
        #expect(records.first { $0.provenance.locator == "line:3" }?.raw == #"["record"]"#)
        for message in rejected { #expect(!message.contains("Nur Aini")) }
    }

    @Test func logLinesGoToTheLogMaskedNotToTheRecords() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let harness = try ExecHarness(
            shell: printfLines([
                hello,
                #"{"type":"log","message":"fetched page 3"}"#,
                #"{"type":"log","level":"warning","message":"retrying 081311120451 for siti@example.org"}"#,
            ]))
        let (records, error) = harness.read(workspace.input)
        #expect(error == nil)
        #expect(records.isEmpty)
        let logged = harness.log.entries.filter { $0.message.hasPrefix("inbox/input.txt: /bin/sh: ") }
        #expect(
            logged.map(\.message) == [
                "inbox/input.txt: /bin/sh: fetched page 3",
                "inbox/input.txt: /bin/sh: retrying ############ for ***@***",
            ])
        #expect(logged.map(\.level) == [.info, .warning])
    }

    @Test func outputWithoutHelloStopsTheFile() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let harness = try ExecHarness(shell: printfLines(["", #"{"type":"record","fields":{"name":"Nur Aini"}}"#]))
        let (records, error) = harness.read(workspace.input)
        #expect(records.isEmpty)
        #expect(error?.code == .unreadableInput)
        #expect(
            error?.description
                == #"inbox/input.txt: command "/bin/sh" output line 2: expected the hello line {"type":"hello","protocol":"muster-exec/1"} before anything else"#
        )
    }

    @Test func anotherProtocolVersionStopsTheFile() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let harness = try ExecHarness(shell: printfLines([#"{"type":"hello","protocol":"muster-exec/2"}"#, #"{"type":"record","fields":{}}"#]))
        let (records, error) = harness.read(workspace.input)
        #expect(records.isEmpty)
        #expect(error?.description == #"inbox/input.txt: command "/bin/sh" speaks protocol "muster-exec/2"; this muster reads muster-exec/1"#)
    }

    @Test func emptyOutputIsNoRecordsAndNoError() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (records, error) = try ExecHarness(shell: "exit 0").read(workspace.input)
        #expect(records.isEmpty)
        #expect(error == nil)
    }

    @Test func byteOrderMarkCRLFAndAnUnterminatedLastLineAreRead() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let script =
            #"printf '\357\273\277{"type":"hello","protocol":"muster-exec/1"}\r\n{"type":"record","fields":{"kelurahan":"Tebet Barat"}}\r\n{"type":"record","fields":{"kelurahan":"Cilandak Timur"}}'"#
        let (records, error) = try ExecHarness(shell: script).read(workspace.input)
        #expect(error == nil)
        #expect(records.map { $0.fields["kelurahan"] } == ["Tebet Barat", "Cilandak Timur"])
        #expect(records.map(\.provenance.locator) == ["line:2", "line:3"])
    }

    @Test func overlongLinesAreRejectedUnread() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let long = #"{"type":"record","fields":{"name":"# + String(repeating: "a", count: 5000) + #""}}"#
        let harness = try ExecHarness(
            .init(command: ["/bin/sh", "-c", printfLines([hello, long, #"{"type":"record","fields":{}}"#]), "sh"]),
            maximumLineLength: 1024
        )
        let (records, error) = harness.read(workspace.input)
        #expect(error == nil)
        #expect(records.count == 2)
        #expect(
            records.first?.rejection == Rejection(message: "line is \(long.utf8.count) bytes, over the 1024-byte limit; not read", position: "output line 2"))
        #expect(records.first?.provenance.contentHash == SHA256.hex(of: long))
        #expect(records.last?.rejection == nil)
    }
}
