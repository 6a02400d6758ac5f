import Foundation
import Testing

@testable import SartorWorkload

@Suite struct JSONScannerTests {
    @Test func parsesEveryKindOfValue() throws {
        let text = #"{"a":[1,-2.5,true,false,null],"b":{"c":"d\"e\\f\n\u00e9\ud83d\ude00"},"e":""}"#
        let value = try JSONScanner.parse(Array(text.utf8))
        #expect(
            value
                == .object([
                    "a": .array([.int(1), .double(-2.5), .bool(true), .bool(false), .null]),
                    "b": .object(["c": .string("d\"e\\f\né😀")]), "e": .string(""),
                ]))
    }

    @Test(arguments: ["", "{", #"{"a":}"#, "[1,]", #"{"a" 1}"#, "tru", #""open"#, "1 2"])
    func refusesBrokenText(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONScanner.parse(Array(text.utf8)) }
    }

    @Test func canonicalEncodingRoundTrips() throws {
        var random = TestRandom(seed: 7)
        for _ in 0..<200 {
            let value = Self.randomValue(depth: 0, using: &random)
            let decoded = try JSONScanner.parse(value.canonicalBytes)
            #expect(decoded == value)
            #expect(decoded.fingerprint == value.fingerprint)
        }
    }

    @Test func canonicalEncodingSortsKeysAndAgreesWithFoundation() throws {
        let value: JSONValue = .object(["b": 1, "a": .array(["x", .null]), "c": .double(1.5)])
        #expect(value.canonicalText == #"{"a":["x",null],"b":1,"c":1.5}"#)
        let foundation = try JSONSerialization.jsonObject(with: Data(value.canonicalBytes))
        #expect((foundation as? [String: Any])?["b"] as? Int == 1)
    }

    @Test func keysOfACollection() throws {
        let text =
            #"{"k1":{"status":"available","n":[1,{"status":"x"}]},"k2":{"status":"claimed"},"#
            + #""k3":7,"k4":{"title":"t","status":"available"}}"#
        #expect(try JSONScanner.keys(of: Array(text.utf8)) == ["k1", "k2", "k3", "k4"])
        #expect(try JSONScanner.keys(of: Array("null".utf8)).isEmpty)
        #expect(try JSONScanner.members(of: Array(" {} ".utf8)).isEmpty)
        #expect(try JSONScanner.memberCount(of: Array(text.utf8)) == 4)
        #expect(try JSONScanner.memberCount(of: Array("null".utf8)) == 0)
        #expect(throws: JSONSyntaxError.self) {
            try JSONScanner.memberCount(of: Array(#"{"a":1,"#.utf8))
        }
    }

    @Test func skippedStringsHonourRunsOfBackslashes() throws {
        let text = #"{"a":"x\"y","b":"\\","c":"\\\"q\\","d":{"s":"\"}"}}"#
        #expect(try JSONScanner.keys(of: Array(text.utf8)) == ["a", "b", "c", "d"])
        #expect(throws: JSONSyntaxError.self) {
            try JSONScanner.keys(of: Array(#"{"a":"open\"}"#.utf8))
        }
        var random = TestRandom(seed: 9)
        for _ in 0..<200 {
            let value = Self.randomValue(depth: 1, using: &random)
            guard case .object(let members) = value else { continue }
            let keys = try JSONScanner.keys(of: value.canonicalBytes)
            #expect(Set(keys) == Set(members.keys))
        }
    }

    @Test func membersGiveTheRawBytesOfEachValue() throws {
        let bytes = Array(#"{"a": {"x":1} ,"b":"s"}"#.utf8)
        let members = try JSONScanner.members(of: bytes)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(String(decoding: bytes[members[0].value], as: UTF8.self) == #"{"x":1}"#)
    }

    static func randomValue(depth: Int, using random: inout TestRandom) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 3: return .double(Double(Int.random(in: -999...999, using: &random)) + 0.25)
        case 4: return .string(randomString(using: &random))
        case 5:
            let count = Int.random(in: 0...4, using: &random)
            return .array((0..<count).map { _ in randomValue(depth: depth + 1, using: &random) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                members[randomString(using: &random)] = randomValue(
                    depth: depth + 1, using: &random)
            }
            return .object(members)
        }
    }

    static func randomString(using random: inout TestRandom) -> String {
        let alphabet = Array("abc xyz\"\\\n\té€😀/")
        let count = Int.random(in: 0...8, using: &random)
        return String((0..<count).map { _ in alphabet.randomElement(using: &random)! })
    }
}
