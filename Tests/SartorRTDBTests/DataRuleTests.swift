import SartorRTDB
import Testing

@Suite struct DataRuleTests {
    @Test func nullsAndEmptyContainersAreNeverStored() {
        let db = Harness()
        let response = db.send("PUT", "/a.json", #"{"x":null,"y":{},"z":[],"w":{"v":null},"k":1}"#)
        #expect(response.bodyText == #"{"k":1}"#)
        #expect(db.read("/.json") == #"{"a":{"k":1}}"#)
        db.send("PUT", "/a.json", "{}")
        #expect(db.read("/.json") == "null")
        db.send("PUT", "/b/c.json", "1")
        db.send("PUT", "/b/c.json", "null")
        #expect(db.read("/.json") == "null")
    }

    @Test func deletingUnderALeafLeavesTheLeaf() {
        let db = Harness()
        db.send("PUT", "/a.json", "1")
        db.send("DELETE", "/a/b.json")
        #expect(db.read("/a.json") == "1")
        db.send("PUT", "/a/b.json", "2")
        #expect(db.read("/a.json") == #"{"b":2}"#)
    }

    @Test func arraysRenderByTheMaxKeyRule() {
        let db = Harness()
        db.send("PUT", "/l.json", #"["a","b","c","d","e"]"#)
        #expect(db.read("/l.json") == #"["a","b","c","d","e"]"#)
        #expect(db.read("/l/1.json") == #""b""#)
        db.send("DELETE", "/l/1.json")
        #expect(db.read("/l.json") == #"["a",null,"c","d","e"]"#)
        for index in ["0", "3"] { db.send("DELETE", "/l/\(index).json") }
        #expect(db.read("/l.json") == #"{"2":"c","4":"e"}"#)
        #expect(db.read("/l.json", query: [("format", "export")]) == #"{"2":"c","4":"e"}"#)
        db.send("PUT", "/m.json", #"{"0":1,"01":2}"#)
        #expect(db.read("/m.json") == #"{"0":1,"01":2}"#)
    }

    @Test func arrayRuleMatchesAnOracle() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<300 {
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                members[String(Int.random(in: 0..<12, using: &random))] = .int(1)
            }
            let db = Harness()
            db.send("PUT", "/x.json", JSONValue.object(members).serialized())
            let maxKey = members.keys.compactMap { Int($0) }.max()!
            let isArray = maxKey < 2 * members.count
            #expect(db.read("/x.json").hasPrefix("[") == isArray, "\(members.keys.sorted())")
        }
    }

    @Test func keysAreValidatedWithRTDBsMessage() {
        let response = Harness().send("PUT", "/a.json", #"{"a.b":1}"#)
        #expect(response.status == 400)
        #expect(
            response.bodyText
                == errorBody(
                    "Invalid data; couldn't parse key beginning at 1:2. "
                        + "Key value can't be empty or contain $ # [ ] / or ."))
        for key in ["", "a/b", "a$", "a#", "a[", "a]", "\\u0001", "\\u007f"] {
            #expect(Harness().send("PUT", "/a.json", "{\"\(key)\":1}").status == 400, "\(key)")
        }
        let long = String(repeating: "k", count: 769)
        #expect(Harness().send("PUT", "/a.json", "{\"\(long)\":1}").status == 400)
        // The limit holds for the whole key path: a 768-byte key fits at the root only.
        let limit = String(repeating: "k", count: 768)
        #expect(Harness().send("PUT", "/.json", "{\"\(limit)\":1}").status == 200)
        let below = Harness().send("PUT", "/a.json", "{\"\(limit)\":1}")
        #expect(below.bodyText == errorBody("Invalid path: the path exceeds 768 bytes."))
    }

    @Test func depthIsLimitedTo32Keys() {
        let path = (1...30).map { "k\($0)" }.joined(separator: "/")
        #expect(Harness().send("PUT", "/\(path).json", #"{"a":{"b":1}}"#).status == 200)
        let response = Harness().send("PUT", "/\(path).json", #"{"a":{"b":{"c":1}}}"#)
        #expect(response.status == 400)
        #expect(response.bodyText.contains("depth"))
    }

    @Test func stringsAreLimitedTo10MB() {
        let limit = String(repeating: "s", count: 10 * 1024 * 1024)
        #expect(Harness().send("PUT", "/a.json", "\"\(limit)\"").status == 200)
        let response = Harness().send("PUT", "/a.json", "\"\(limit)s\"")
        #expect(response.status == 400)
        #expect(response.bodyText.contains("10485760"))
    }

    @Test func malformedAndMissingBodies() {
        let db = Harness()
        let bad = db.send("PUT", "/a.json", "{nope")
        #expect(
            bad.bodyText
                == errorBody("Invalid data; couldn't parse JSON object, array, or value."))
        #expect(db.send("PUT", "/a.json", "").bodyText == errorBody("Error: No data supplied."))
        #expect(db.send("POST", "/a.json", " ").status == 400)
        #expect(db.send("PUT", "/a.json", "NaN").status == 400)
        #expect(db.send("PUT", "/a.json", "1e999").status == 400)
    }

    @Test func numbersKeepTheirKind() {
        let db = Harness()
        db.send("PUT", "/n.json", #"{"i":3,"d":3.0,"e":1.5e3,"big":9007199254740993}"#)
        #expect(db.read("/n.json") == #"{"big":9007199254740993,"d":3.0,"e":1500.0,"i":3}"#)
    }

    @Test func prioritiesAreStoredAndExported() {
        let db = Harness()
        db.send("PUT", "/p.json", #"{"a":{".value":1,".priority":5},"b":{"x":1,".priority":"s"}}"#)
        #expect(db.read("/p.json") == #"{"a":1,"b":{"x":1}}"#)
        #expect(
            db.read("/p.json", query: [("format", "export")])
                == #"{"a":{".priority":5,".value":1},"b":{".priority":"s","x":1}}"#)
        #expect(db.read("/p/a/.priority.json") == "5")
        db.send("PUT", "/p/b/.priority.json", "2.5")
        #expect(db.read("/p/b/.priority.json") == "2.5")
        db.send("DELETE", "/p/b/.priority.json")
        #expect(db.read("/p/b/.priority.json") == "null")
        #expect(db.send("PUT", "/p/a/.priority.json", "true").status == 400)
    }
}
