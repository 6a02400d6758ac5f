import Foundation
import Testing

@testable import SartorServer

/// The REST protocol end to end over real HTTP on loopback: routing, methods, data rules,
/// queries, conditional requests, server values, auth and error formats.
@Suite("RTDB protocol over HTTP")
struct ProtocolTests {
    let server: EmbeddedServer
    let connection: RawConnection

    init() throws {
        server = try rtdbServer()
        connection = try RawConnection(port: server.port)
    }

    func call(
        _ method: String, _ target: String, _ body: String? = nil,
        headers: [(String, String)] = []
    ) throws -> HTTPReply {
        try connection.exchange(method, target, headers: headers, body: body)
    }

    @Test func routingDecodingAndPathErrors() throws {
        #expect(try call("PUT", "/a%20b/c.json", "1").status == 200)
        #expect(try call("GET", "/a%20b.json").text == "{\"c\":1}")
        #expect(try call("GET", "/a%20b//c/.json").text == "1")
        #expect(try call("GET", "/.json?ns=demo").text == "{\"a b\":{\"c\":1}}")
        for bad in ["/a.b.json", "/a$.json", "/a%2Fb.json", "/a%00.json", "/a%5B.json"] {
            let reply = try call("GET", bad)
            #expect(reply.status == 400, "\(bad)")
            #expect(reply.text == "{\n  \"error\" : \"Invalid path: Invalid token in path\"\n}\n")
        }
        let bare = try call("GET", "/a")
        #expect((400..<500).contains(bare.status))
        #expect(bare.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(bare.text.contains("append .json to your request URI"))
    }

    @Test func methodsAndOverride() throws {
        let put = try call("PUT", "/m.json", "{\"x\":1,\"y\":{\"z\":true}}")
        #expect(put.status == 200)
        #expect(put.headers["content-type"] == "application/json; charset=utf-8")
        #expect(try call("PATCH", "/m.json", "{\"x\":2,\"y/w\":\"v\"}").status == 200)
        #expect(try call("GET", "/m.json").text == "{\"x\":2,\"y\":{\"w\":\"v\",\"z\":true}}")

        let first = try call("POST", "/list.json", "\"a\"")
        let second = try call("POST", "/list.json", "\"b\"")
        let firstName = try #require(pushName(first.text))
        let secondName = try #require(pushName(second.text))
        #expect(firstName.count == 20 && firstName < secondName)
        #expect(try call("GET", "/list/\(secondName).json").text == "\"b\"")

        let override = try call("POST", "/m.json", headers: [("X-HTTP-Method-Override", "DELETE")])
        #expect(override.status == 200 && override.text == "null")
        #expect(try call("GET", "/m.json").text == "null")
        #expect(try call("DELETE", "/nothing/here.json").status == 200)
    }

    @Test func dataRules() throws {
        #expect(try call("PUT", "/d.json", "{\"a\":null,\"b\":{},\"c\":[],\"e\":1}").status == 200)
        #expect(try call("GET", "/d.json").text == "{\"e\":1}")
        #expect(try call("PUT", "/d/e.json", "null").status == 200)
        #expect(try call("GET", "/.json").text == "null")
        #expect(try call("PUT", "/arr.json", "{\"0\":\"a\",\"1\":\"b\",\"3\":\"d\"}").status == 200)
        #expect(try call("GET", "/arr.json").text == "[\"a\",\"b\",null,\"d\"]")
        #expect(try call("PUT", "/n.json", "{\"i\":3,\"f\":2.5}").status == 200)
        #expect(try call("GET", "/n.json").text == "{\"f\":2.5,\"i\":3}")
        let badKey = try call("PUT", "/k.json", "{\"a.b\":1}")
        #expect(badKey.status == 400)
        let broken = try call("PUT", "/k.json", "{\"a\":")
        #expect(broken.status == 400)
        #expect(broken.text.contains("Invalid data; couldn't parse JSON object, array, or value."))
        let deep = String(repeating: "{\"a\":", count: 40) + "1" + String(repeating: "}", count: 40)
        #expect(try call("PUT", "/deep.json", deep).status == 400)
        #expect(try call("PUT", "/nan.json", "NaN").status == 400)
    }

    @Test func queryParameters() throws {
        #expect(
            try call("PUT", "/q.json", "{\"a\":{\"h\":3},\"b\":{\"h\":1},\"c\":{\"h\":2}}").status
                == 200)
        #expect(try call("PUT", "/q/a.json?print=silent", "{\"h\":3}").status == 204)
        #expect(try call("GET", "/q/b.json?print=pretty").text == "{\n  \"h\" : 1\n}")
        #expect(
            try call("GET", "/q.json?shallow=true").text == "{\"a\":true,\"b\":true,\"c\":true}")
        let firstTwo = try call("GET", "/q.json?orderBy=%22h%22&limitToFirst=2")
        #expect(firstTwo.text == "{\"b\":{\"h\":1},\"c\":{\"h\":2}}")
        let byKey = try call("GET", "/q.json?orderBy=%22%24key%22&startAt=%22b%22")
        #expect(byKey.text == "{\"b\":{\"h\":1},\"c\":{\"h\":2}}")
        let equal = try call("GET", "/q.json?orderBy=%22h%22&equalTo=3")
        #expect(equal.text == "{\"a\":{\"h\":3}}")
        let mixed = try call("GET", "/q.json?shallow=true&orderBy=%22h%22")
        #expect(mixed.status == 400)
        #expect(try call("GET", "/q.json?cachebust=1").status == 400)
        #expect(try call("GET", "/q.json?timeout=0s").status == 400)
        #expect(try call("GET", "/q.json?timeout=10s").status == 200)
    }

    @Test func conditionalRequests() throws {
        let empty = try call("GET", "/e.json", headers: [("X-Firebase-ETag", "true")])
        #expect(empty.headers["etag"] == "null_etag")
        let create = try call("PUT", "/e.json", "1", headers: [("if-match", "null_etag")])
        #expect(create.status == 200)
        let stale = try call("PUT", "/e.json", "2", headers: [("if-match", "null_etag")])
        #expect(stale.status == 412)
        #expect(stale.text == "1")
        let current = try #require(stale.headers["etag"])
        #expect(try call("PUT", "/e.json", "2", headers: [("if-match", current)]).status == 200)
        let tag = try #require(
            try call("GET", "/e.json", headers: [("X-Firebase-ETag", "true")]).headers["etag"])
        #expect(try call("GET", "/e.json", headers: [("If-None-Match", tag)]).status == 304)
        #expect(try call("PATCH", "/e.json", "{}", headers: [("if-match", tag)]).status == 400)
    }

    @Test func serverValues() throws {
        let stamped = try call("PUT", "/s.json", "{\"t\":{\".sv\":\"timestamp\"},\"n\":5}")
        let millis = Date().timeIntervalSince1970 * 1000
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(stamped.body)) as? [String: Any])
        let stamp = try #require(object["t"] as? Double)
        #expect(abs(stamp - millis) < 10_000)
        let bumped = try call("PUT", "/s/n.json", "{\".sv\":{\"increment\":3}}")
        #expect(bumped.text == "8")
        #expect(try call("GET", "/s/n.json").text == "8")
    }

    @Test func errorFormatForUnknownMethod() throws {
        let reply = try call("BREW", "/a.json")
        #expect(reply.status >= 400)
    }

    func pushName(_ text: String) -> String? {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return nil }
        return object["name"]
    }
}

@Suite("Auth over HTTP")
struct AuthTests {
    @Test func aSecretIsRequiredInAnyOfItsForms() throws {
        let server = try rtdbServer { $0.secret = "s3cret" }
        defer { server.stop() }
        let open = try request(server.port, "GET", "/a.json")
        #expect(open.status == 401)
        #expect(open.text == "{\n  \"error\" : \"Permission denied\"\n}\n")
        #expect(try request(server.port, "GET", "/a.json?auth=s3cret").status == 200)
        #expect(try request(server.port, "GET", "/a.json?access_token=s3cret").status == 200)
        let bearer = [("Authorization", "Bearer s3cret")]
        #expect(try request(server.port, "GET", "/a.json", headers: bearer).status == 200)
        let owner = [("Authorization", "Bearer owner")]
        #expect(try request(server.port, "GET", "/a.json", headers: owner).status == 200)
        #expect(try request(server.port, "GET", "/a.json?auth=wrong").status == 401)
    }

    @Test func withoutASecretEverythingIsOpen() throws {
        let server = try rtdbServer()
        defer { server.stop() }
        #expect(try request(server.port, "PUT", "/a.json", body: "1").status == 200)
    }
}
