import ExecImporter
import MusterCore
import Testing

/// pipeline.json options for `exec`: defaults, and errors worded for the operator.
@Suite struct ExecOptionsTests {
    func decode(_ json: String) throws -> ExecImporter.Options {
        try ConfigDecoder(file: "pipeline.json").decode(ExecImporter.Options.self, from: JSONParser.parse(json), at: "sources[3].options")
    }

    func failure(_ json: String) -> String? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func onlyTheCommandIsRequired() throws {
        let options = try decode(#"{"command": ["python3", "taps/sms.py"]}"#)
        #expect(options.command == ["python3", "taps/sms.py"])
        #expect(options.workingDirectory == nil)
        #expect(options.environment.isEmpty)
        #expect(options.timeoutSeconds == 300)
        #expect(options.idleTimeoutSeconds == nil)

        let full = try decode(
            #"""
            {"command": ["./tap"], "workingDirectory": "taps", "environment": {"GATEWAY_URL": "https://sms.example", "_TOKEN2": "x"},
             "timeoutSeconds": 0.5, "idleTimeoutSeconds": 30}
            """#)
        #expect(full.workingDirectory == "taps")
        #expect(full.environment == ["GATEWAY_URL": "https://sms.example", "_TOKEN2": "x"])
        #expect(full.timeoutSeconds == 0.5)
        #expect(full.idleTimeoutSeconds == 30)
        #expect(try decode(#"{"command": ["tap"], "timeoutSeconds": null, "idleTimeoutSeconds": null}"#).timeoutSeconds == 300)
    }

    @Test func badValuesSayWhatWasExpected() {
        #expect(failure("{}") == "pipeline.json: sources[3].options.command: required key is missing")
        #expect(
            failure(#"{"command": "python3 taps/sms.py"}"#)
                == #"pipeline.json: sources[3].options.command: expected a non-empty array of strings: the program, then its arguments, no shell (["python3", "taps/sms.py"]), found "python3 taps/sms.py""#
        )
        #expect(
            failure(#"{"command": []}"#)
                == #"pipeline.json: sources[3].options.command: expected a non-empty array of strings: the program, then its arguments, no shell (["python3", "taps/sms.py"]), found an array"#
        )
        #expect(failure(#"{"command": ["python3", 3]}"#) == "pipeline.json: sources[3].options.command[1]: expected a string, found 3")
        #expect(
            failure(#"{"command": ["tap"], "timeoutSeconds": 0}"#)
                == "pipeline.json: sources[3].options.timeoutSeconds: expected a number between 0.001 and 86400, found 0")
        #expect(
            failure(#"{"command": ["tap"], "idleTimeoutSeconds": "1m"}"#)
                == #"pipeline.json: sources[3].options.idleTimeoutSeconds: expected a number between 0.001 and 86400, found "1m""#)
        #expect(
            failure(#"{"command": ["tap"], "environment": {"GATEWAY-TOKEN": "s3cret"}}"#)
                == #"pipeline.json: sources[3].options.environment: expected variable names made of letters, digits and _ ("GATEWAY-TOKEN" is not one), found an object"#
        )
        #expect(
            failure(#"{"command": ["tap"], "environment": {"PORT": 8080}}"#)
                == "pipeline.json: sources[3].options.environment.PORT: expected a string, found 8080")
        #expect(
            failure(#"{"command": ["tap"], "workingDirectory": ""}"#)
                == #"pipeline.json: sources[3].options.workingDirectory: expected a folder path, found """#)
        #expect(
            failure(#"{"command": ["tap"], "timeoutSecond": 5}"#)
                == "pipeline.json: sources[3].options.timeoutSecond: unknown key; did you mean 'timeoutSeconds'?")
        #expect(
            failure(#"{"command": ["tap"], "shell": true}"#)
                == "pipeline.json: sources[3].options.shell: unknown key; the keys here are: command, environment, idleTimeoutSeconds, timeoutSeconds, workingDirectory"
        )
    }

    @Test func memberwiseOptionsAreCheckedWhenBuilt() {
        #expect(throws: MusterError.self) { try ExecImporter(options: .init(command: [])) }
        #expect(throws: MusterError.self) { try ExecImporter(options: .init(command: [""])) }
        #expect(throws: MusterError.self) { try ExecImporter(options: .init(command: ["tap"], timeoutSeconds: 0)) }
        #expect(throws: MusterError.self) { try ExecImporter(options: .init(command: ["tap"], environment: ["A=B": "c"])) }
    }

    @Test func descriptorDocumentsEveryOption() {
        let descriptor = ExecImporter.descriptor
        #expect(descriptor.id == "exec")
        #expect(descriptor.options.map(\.name) == ["command", "workingDirectory", "environment", "timeoutSeconds", "idleTimeoutSeconds"])
        #expect(descriptor.options.first { $0.name == "timeoutSeconds" }?.defaultValue == "300")
    }
}
