import SartorRTDB
import Testing

@Suite struct JSONTests {
    @Test func integersAndDoublesStayApart() throws {
        #expect(try JSONValue(parsing: "1") == .int(1))
        #expect(try JSONValue(parsing: "1.0") == .double(1))
        #expect(try JSONValue(parsing: "-0") == .int(0))
        #expect(try JSONValue(parsing: "1e2") == .double(100))
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(JSONValue.double(2).serialized() == "2.0")
        #expect(JSONValue.int(-42).serialized() == "-42")
    }

    @Test(arguments: [
        "", "01", "1.", ".5", "+1", "1e", "nul", "tru", "[1,]", "{\"a\":1,}", "{a:1}", "\"\\x\"",
        "\"\u{01}\"", "[1 2]", "1 2", "1e400", "-", "\"\\ud800\"", "{\"a\" 1}", "[",
    ])
    func invalidDocumentsAreRefused(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func stringsAreEscapedAndUnescaped() throws {
        let text = "q\"b\\n\nt\tc\u{01}é😀"
        let encoded = JSONValue.string(text).serialized()
        #expect(encoded == #""q\"b\\n\nt\tc\u0001é😀""#)
        #expect(try JSONValue(parsing: encoded) == .string(text))
        #expect(try JSONValue(parsing: #""\ud83d\ude00\u00e9\/""#) == .string("😀é/"))
    }

    @Test func prettyPrintUsesTwoSpacesAndSpacedColons() throws {
        let value = try JSONValue(parsing: #"{"b":[1,{}],"a":{"x":true}}"#)
        let pretty = String(decoding: value.serializedBytes(pretty: true), as: UTF8.self)
        #expect(
            pretty == "{\n  \"a\" : {\n    \"x\" : true\n  },\n  \"b\" : [\n    1,\n    {}\n  ]\n}")
    }

    @Test func randomValuesRoundTrip() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let value = RandomJSON.value(&random)
            let compact = value.serialized()
            #expect(try JSONValue(parsing: compact) == value, "\(compact)")
            let pretty = value.serializedBytes(pretty: true)
            #expect(try JSONValue(parsing: pretty) == value)
        }
    }

    @Test func parseErrorReportsLineAndColumn() {
        do {
            _ = try JSONValue(parsing: "{\n  \"a\": tru }")
            Issue.record("parsed")
        } catch {
            #expect(error.reason == .syntax)
            #expect(error.line == 2)
            #expect(error.column == 8)
        }
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
    }
}
