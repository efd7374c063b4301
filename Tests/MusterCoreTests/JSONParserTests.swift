import MusterCore
import Testing

@Suite struct JSONParserTests {
    @Test func numbersKeepTheirExactDigits() throws {
        let value = try JSONParser.parse(#"{"nik": 3174014505880001, "hp": 81298765432, "x": 1E-999, "big": 123456789012345678901234567890}"#)
        #expect(value["nik"] == .number("3174014505880001"))
        #expect(value["hp"]?.scalarText == "81298765432")
        #expect(value["x"] == .number("1E-999"))
        #expect(value["big"]?.scalarText == "123456789012345678901234567890")
    }

    @Test func stringsEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\né😀"))
    }

    @Test(arguments: [
        ("[1,]", "line 1, column 4 (byte 3): unexpected ']', expected a value"),
        ("{\"a\" 1}", "line 1, column 6 (byte 5): unexpected '1', expected ':'"),
        ("[01]", "line 1, column 3 (byte 2): leading zero in number"),
        ("\"\\ud800\"", "line 1, column 8 (byte 7): lone UTF-16 high surrogate in \\u escape"),
        ("[1]\n x", "line 2, column 2 (byte 5): unexpected 'x' after the end of the JSON value"),
        ("\"abc", "line 1, column 1 (byte 0): unterminated string"),
    ])
    func malformedInputIsRefusedWithItsPosition(input: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? JSONParser.parse(fine)) != nil)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func duplicateKeysKeepOrderAndLastWins() throws {
        let value = try JSONParser.parse(#"{"a": 1, "a": 2}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "a"])
        #expect(value["a"] == .number("2"))
    }
}
