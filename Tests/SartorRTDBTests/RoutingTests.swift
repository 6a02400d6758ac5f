import SartorRTDB
import Testing

@Suite struct RoutingTests {
    @Test(arguments: [
        "/a.b.json", "/a$b.json", "/a#b.json", "/a[b.json", "/a]b.json", "/a%2Fb.json",
        "/a%00b.json", "/a%2Eb.json", "/a%5Bb.json", "/a%zz.json", "/a%ff.json", "/%7F.json",
    ])
    func invalidTokensAreRefused(path: String) {
        let response = Harness().send("GET", path)
        #expect(response.status == 400)
        #expect(response.bodyText == errorBody("Invalid path: Invalid token in path"))
    }

    @Test func missingJSONSuffixGetsThePlainTextHint() {
        let response = Harness().send("GET", "/users/ada")
        #expect(response.status == 403)
        #expect(response.bodyText == "append .json to your request URI to use the REST API.")
        #expect(response.header("Content-Type")?.hasPrefix("text/plain") == true)
    }

    @Test func trailingSlashEmptySegmentsAndPercentEncodingAreHandled() {
        let db = Harness()
        db.send("PUT", "/users//ada%20lovelace/.json", "1")
        #expect(db.read("/users/ada lovelace.json") == "1")
        #expect(db.read("/users/ada%20lovelace.json") == "1")
        #expect(db.read("//users///.json") == #"{"ada lovelace":1}"#)
        #expect(db.read("/%C3%A9t%C3%A9.json") == "null")
    }

    @Test func namespaceParameterIsAccepted() {
        let db = Harness()
        db.send("PUT", "/x.json", "true", query: [("ns", "demo")])
        #expect(db.read("/x.json", query: [("ns", "demo")]) == "true")
    }

    @Test func unknownParameterIsRefused() {
        let response = Harness().send("GET", "/x.json", query: [("cachebust", "1")])
        #expect(response.status == 400)
        #expect(response.bodyText.contains("not supported"))
    }

    @Test func methodOverrideByHeaderAndQuery() {
        let db = Harness()
        db.send("POST", "/x.json", "5", headers: [("X-HTTP-Method-Override", "PUT")])
        #expect(db.read("/x.json") == "5")
        db.send("POST", "/x.json", query: [("x-http-method-override", "DELETE")])
        #expect(db.read("/x.json") == "null")
        db.send("POST", "/y.json", #"{"a":1}"#, headers: [("x-http-method-override", "patch")])
        #expect(db.read("/y.json") == #"{"a":1}"#)
    }

    @Test func pathLongerThan768BytesIsRefused() {
        let key = String(repeating: "k", count: 400)
        let response = Harness().send("PUT", "/\(key)/\(key).json", "1")
        #expect(response.status == 400)
        #expect(response.bodyText.contains("768"))
    }

    @Test func unsupportedMethodIsRefused() {
        #expect(Harness().send("TRACE", "/.json").status == 405)
    }
}
