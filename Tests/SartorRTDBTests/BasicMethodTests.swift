import SartorRTDB
import Testing

@Suite struct BasicMethodTests {
    @Test func putThenGetReturnsTheValue() {
        let db = Harness()
        let put = db.send("PUT", "/users/ada.json", #"{"name":"Ada","born":1815}"#)
        #expect(put.status == 200)
        #expect(put.bodyText == #"{"born":1815,"name":"Ada"}"#)
        #expect(db.read("/users/ada/name.json") == #""Ada""#)
        #expect(db.read("/.json") == #"{"users":{"ada":{"born":1815,"name":"Ada"}}}"#)
    }

    @Test func missingLocationReadsAsNull() {
        let response = Harness().send("GET", "/nothing/here.json")
        #expect(response.status == 200)
        #expect(response.bodyText == "null")
        #expect(response.header("content-type") == "application/json; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-cache")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
    }

    @Test func deleteRemovesAndEmptyParentsVanish() {
        let db = Harness()
        db.send("PUT", "/a/b/c.json", "1")
        let response = db.send("DELETE", "/a/b/c.json")
        #expect(response.status == 200)
        #expect(response.bodyText == "null")
        #expect(db.read("/.json") == "null")
    }

    @Test func postCreatesPushIdChild() {
        let db = Harness()
        let response = db.send("POST", "/messages.json", #"{"text":"hi"}"#)
        #expect(response.status == 200)
        guard case .object(let members) = try? JSONValue(parsing: response.bodyText),
            case .string(let name)? = members["name"]
        else {
            Issue.record("no name in \(response.bodyText)")
            return
        }
        #expect(name.utf8.count == 20)
        #expect(db.read("/messages/\(name)/text.json") == #""hi""#)
    }

    @Test func patchMergesTopLevelKeysAndDeletesNulls() {
        let db = Harness()
        db.send("PUT", "/u.json", #"{"a":{"x":1,"y":2},"b":1,"c":3}"#)
        let response = db.send("PATCH", "/u.json", #"{"a":{"x":9},"b":null,"d/e":5}"#)
        #expect(response.status == 200)
        #expect(response.bodyText == #"{"a":{"x":9},"b":null,"d/e":5}"#)
        #expect(db.read("/u.json") == #"{"a":{"x":9},"c":3,"d":{"e":5}}"#)
    }
}
