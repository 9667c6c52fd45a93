import ArchivalStorage
import Testing

/// The validator's own JSON parser: strict, order- and duplicate-preserving, byte-exact strings.
@Suite struct OCFLValidatorJSONTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func keepsOrderAndDuplicates() throws {
        let value = try parse(#"{"b": 1, "a": [true, null, "x"], "b": 2}"#)
        #expect(value.objectMembers?.map(\.key) == ["b", "a", "b"])
        #expect(value["b"] == .number(1))
        #expect(value["a"]?.arrayValue?.count == 3)
    }

    @Test func decodesEscapesAndSurrogates() throws {
        let value = try parse(#""tab\there \u00e9 \ud83d\ude00 \/ \"q\"""#)
        #expect(value.stringValue == "tab\there é 😀 / \"q\"")
    }

    @Test func stringsAreByteExact() throws {
        let nfc = try parse("\"h\u{1ED3}\"")
        let nfd = try parse("\"ho\u{0302}\u{0300}\"")
        #expect(nfc != nfd)
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "\"unterminated", "01x", "{} extra", "\"bad \\q\"", "tru"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try parse(text) }
    }
}
