import SartorRTDB
import Testing

@Suite struct ServerValueTests {
    @Test func timestampIsResolvedInStorageAndResponse() {
        let db = Harness(nowMillis: 1_700_000_000_123)
        let put = db.send("PUT", "/t.json", #"{"at":{".sv":"timestamp"},"n":1}"#)
        #expect(put.bodyText == #"{"at":1700000000123,"n":1}"#)
        #expect(db.read("/t/at.json") == "1700000000123")
        let patch = db.send("PATCH", "/t.json", #"{"b/c":{".sv":"timestamp"}}"#)
        #expect(patch.bodyText == #"{"b/c":1700000000123}"#)
        #expect(db.read("/t/b/c.json") == "1700000000123")
        let post = db.send("POST", "/log.json", #"{".sv":"timestamp"}"#)
        #expect(post.status == 200)
        #expect(db.read("/log.json").contains("1700000000123"))
    }

    @Test(arguments: [
        ("", "5", "5"), ("3", "5", "8"), ("3", "0.5", "3.5"), ("2.5", "1", "3.5"),
        ("\"text\"", "2", "2"), ("9223372036854775807", "1", "9.223372036854776e+18"),
        ("-9223372036854775808", "-1", "-9.223372036854776e+18"), ("1.5", "-1.5", "0.0"),
    ])
    func incrementFollowsTheNumberRules(existing: String, delta: String, expected: String) {
        let db = Harness()
        if !existing.isEmpty { db.send("PUT", "/c.json", existing) }
        let response = db.send("PUT", "/c.json", "{\".sv\":{\"increment\":\(delta)}}")
        #expect(response.bodyText == expected)
        #expect(db.read("/c.json") == expected)
    }

    @Test func incrementsAreAtomicUnderConcurrency() async {
        let db = Harness()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<50 {
                        db.send("PATCH", "/.json", #"{"count":{".sv":{"increment":1}}}"#)
                    }
                }
            }
        }
        #expect(db.read("/count.json") == "400")
    }

    @Test(arguments: [
        #"{".sv":"now"}"#, #"{".sv":{"increment":"1"}}"#, #"{".sv":{"decrement":1}}"#,
        #"{".sv":"timestamp","x":1}"#,
    ])
    func unrecognizedServerValuesAreRefused(body: String) {
        #expect(Harness().send("PUT", "/a.json", body).status == 400)
    }

    @Test func serverValuePriority() {
        let db = Harness(nowMillis: 42)
        db.send("PUT", "/a.json", #"{".value":"v",".priority":{".sv":"timestamp"}}"#)
        #expect(db.read("/a/.priority.json") == "42")
    }
}
