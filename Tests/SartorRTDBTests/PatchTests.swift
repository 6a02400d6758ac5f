import SartorRTDB
import Testing

@Suite struct PatchTests {
    @Test func multiPathUpdateIsAtomic() {
        let db = Harness()
        db.send("PUT", "/users.json", #"{"alan":{"nickname":"a","age":41},"grace":{"age":85}}"#)
        let bad = db.send("PATCH", "/users.json", #"{"alan/nickname":"x","grace/a.b":"y"}"#)
        #expect(bad.status == 400)
        let deep = (1...40).map { "k\($0)" }.joined(separator: "/")
        #expect(db.send("PATCH", "/users.json", "{\"alan/x\":1,\"\(deep)\":2}").status == 400)
        #expect(db.read("/users/alan/nickname.json") == #""a""#)
        let good = db.send("PATCH", "/users.json", #"{"alan/nickname":"x","grace/nickname":"y"}"#)
        #expect(good.status == 200)
        #expect(
            db.read("/users.json")
                == #"{"alan":{"age":41,"nickname":"x"},"grace":{"age":85,"nickname":"y"}}"#)
    }

    @Test func overlappingPathsAreRefused() {
        let db = Harness()
        for body in [#"{"a":1,"a/b":2}"#, #"{"a/b":1,"a/b/c":2}"#, #"{"a":1,"a/":2}"#] {
            let response = db.send("PATCH", "/.json", body)
            #expect(response.status == 400, "\(body)")
        }
        #expect(db.send("PATCH", "/.json", #"{"a/b":1,"a/c":2,"ab":3}"#).status == 200)
    }

    @Test func emptyPatchIsANoOp() {
        let db = Harness()
        db.send("PUT", "/a.json", "1")
        let response = db.send("PATCH", "/a.json", "{}")
        #expect(response.status == 200)
        #expect(response.bodyText == "{}")
        #expect(db.read("/a.json") == "1")
    }

    @Test func nonObjectBodiesAreRefused() {
        let message =
            "Invalid data; couldn't parse JSON object. "
            + "Are you sending a JSON object with valid key names?"
        for body in ["1", "[1]", "\"s\"", "{bad"] {
            #expect(Harness().send("PATCH", "/a.json", body).bodyText == errorBody(message))
        }
    }

    @Test func patchOnALeafTurnsItIntoAnObject() {
        let db = Harness()
        db.send("PUT", "/a.json", "1")
        db.send("PATCH", "/a.json", #"{"b":2}"#)
        #expect(db.read("/a.json") == #"{"b":2}"#)
    }
}
