import Foundation
import MusterCore
import MusterTesting
import Testing

@testable import JSONExportImporter

/// The importer itself (not only MusterCore's parser) over every JSONTestSuite parsing
/// case, read as a JSON document with `records: "$"`:
/// - `y_`: read; a top-level array gives one record per element (locators `$[i]`), any
///   other root is refused only for not being an array, never as invalid JSON;
/// - `n_`: refused as invalid JSON (or as empty), naming the file, line, column and the
///   same byte offset as ``JSONParser``;
/// - `i_`: the importer decides as ``JSONParser`` does (documented in the README: huge
///   numbers kept as text, invalid UTF-8, lone surrogates and UTF-16 refused, a UTF-8 BOM
///   skipped).
@Suite struct JSONTestSuiteImporterTests {
    /// What the importer made of one file.
    enum Verdict: Equatable {
        case records([String])
        case notAnArray
        case invalid(message: String, location: String)
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: JSONTestSuiteTests.folder + "/" + name)))
    }

    func verdict(_ name: String) throws -> Verdict {
        let file = SourceFile(path: "jsontestsuite/" + name, absolutePath: JSONTestSuiteTests.folder + "/" + name)
        let harness = try ImportHarness(.init(format: .json, records: "$"))
        guard let error = harness.error(file) else { return .records(try harness.records(file).map(\.provenance.locator)) }
        #expect(error.code == .unreadableInput, "\(name): \(error)")
        #expect(error.location?.hasPrefix(file.path) == true, "\(name): \(error)")
        if error.message.hasPrefix("records path \"$\" holds") { return .notAnArray }
        return .invalid(message: error.message, location: error.location ?? "")
    }

    @Test func everyFileBehavesAsJSONParserDoes() throws {
        var wrong: [String] = []
        for name in try JSONTestSuiteTests.files() {
            let input = try bytes(name)
            let verdict = try verdict(name)
            let expected: Result<JSONValue, JSONSyntaxError> = Result { () throws(JSONSyntaxError) in try JSONParser.parse(input) }
            switch (expected, verdict) {
            case (.success(.array(let items)), .records(let locators)):
                if locators != items.indices.map({ "$[\($0)]" }) { wrong.append("\(name): \(locators.count) records for \(items.count) elements") }
            case (.success(.array), _):
                wrong.append("\(name): refused: \(verdict)")
            case (.success, .notAnArray):
                break
            case (.success, _):
                wrong.append("\(name): \(verdict)")
            case (.failure(let fault), .invalid(let message, let location)):
                let empty = message == "the file is empty; expected a JSON document" && location.hasSuffix(":1:1")
                if !empty && (!message.hasSuffix("(byte \(fault.offset))") || !location.hasSuffix(":\(fault.line):\(fault.column)")) {
                    wrong.append("\(name): \(location) \(message), JSONParser: \(fault)")
                }
            case (.failure, _):
                wrong.append("\(name): accepted, JSONParser refuses")
            }
            if name.hasPrefix("y_"), case .invalid = verdict { wrong.append("\(name): y_ refused") }
            if name.hasPrefix("n_"), !isInvalid(verdict) { wrong.append("\(name): n_ accepted") }
        }
        #expect(wrong.isEmpty, "the importer disagrees on: \(wrong)")
    }

    /// Messages are the parser's own wherever the document has one fault.
    @Test(arguments: [
        ("n_array_extra_comma.json", "not valid JSON: unexpected ']', expected a value (byte 4)"),
        ("n_structure_100000_opening_arrays.json", "not valid JSON: nesting deeper than 512 levels (byte 512)"),
        ("n_string_unescaped_newline.json", "not valid JSON: control character U+000A in a string; escape it (byte 5)"),
        ("n_string_1_surrogate_then_escape_u1.json", "not valid JSON: expected 4 hex digits in \\u escape (byte 11)"),
        ("n_incomplete_true.json", "not valid JSON: unexpected ']', expected 'true' (byte 4)"),
        ("n_array_1_true_without_comma.json", "not valid JSON: unexpected 't', expected ',' or ']' (byte 3)"),
        ("i_string_UTF-8_invalid_sequence.json", "not valid JSON: string is not valid UTF-8 (byte 1)"),
        ("i_string_lone_second_surrogate.json", "not valid JSON: lone UTF-16 low surrogate in \\u escape (byte 8)"),
    ])
    func messagesNameTheFault(name: String, message: String) throws {
        #expect(try verdict(name) == .invalid(message: message, location: try location(name, message)))
    }

    private func location(_ name: String, _ message: String) throws -> String {
        let input = try bytes(name)
        let fault = try #require(Result { () throws(JSONSyntaxError) in try JSONParser.parse(input) }.failure)
        return "jsontestsuite/\(name):\(fault.line):\(fault.column)"
    }

    /// The importer's own parser (``RecordTape``) gives exactly JSONParser's value, or
    /// refuses (then JSONParser decides): it never accepts what JSONParser refuses.
    @Test func fastPathAgreesWithJSONParser() throws {
        var wrong: [String] = []
        var fast = 0
        for name in try JSONTestSuiteTests.files() {
            let input = try bytes(name)
            let reference = try? JSONParser.parse(input)
            var tape = RecordTape()
            let value: JSONValue? = input.withUnsafeBufferPointer { bytes in
                guard tape.parse(bytes) else { return nil }
                return tape.value(at: 0)
            }
            guard let value else { continue }
            fast += 1
            if value != reference { wrong.append(name) }
        }
        #expect(wrong.isEmpty, "RecordTape differs from JSONParser on: \(wrong)")
        #expect(fast > 90, "the fast path should take nearly every y_ file")
    }

    /// The compact form a document's record is hashed over: whitespace between tokens
    /// dropped, escapes written back minimally, whatever the input's spelling.
    @Test func compactFormIsCanonical() throws {
        let input = Array(#"  { "a" : [ 1 , -2.5e3, true, null ] , "b\u0041" : "x\/y\"\\\n\r\t\b\f\u0001\u00e9\ud83d\ude00" }  "#.utf8)
        var tape = RecordTape()
        let compact = input.withUnsafeBufferPointer { tape.parse($0, compacting: true) ? Array(tape.compact.bytes) : nil }
        #expect(compact.map { String(decoding: $0, as: UTF8.self) } == #"{"a":[1,-2.5e3,true,null],"bA":"x/y\"\\\n\r\t\u0008\u000c\u0001é😀"}"#)
    }

    private func isInvalid(_ verdict: Verdict) -> Bool {
        if case .invalid = verdict { return true }
        return false
    }
}

extension Result {
    /// The failure, if any.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension RecordTape {
    /// The tape's value as MusterCore's parser would give it, to compare the two.
    func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(scalarText(of: node) ?? "")
        case .string: return .string(text(of: node))
        case .array:
            var items: [JSONValue] = []
            var item = index + 1
            while item < node.next {
                items.append(value(at: item))
                item = nodes[item].next
            }
            return .array(items)
        case .object:
            var members: [(key: String, value: JSONValue)] = []
            var member = index + 1
            while member < node.next {
                members.append((text(of: nodes[member]), value(at: member + 1)))
                member = nodes[member + 1].next
            }
            return .object(members)
        }
    }
}
