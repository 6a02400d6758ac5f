import Foundation
import Testing

@testable import SartorServer

/// The less common corners of the protocol over HTTP: overrides by query, limits of keys and
/// strings, the remaining query forms, conditional DELETE.
@Suite("RTDB protocol edges over HTTP")
struct ProtocolEdgeTests {
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

    @Test func overrideByQueryAndPatchNullDeletes() throws {
        #expect(try call("PUT", "/o.json", "{\"a\":1,\"b\":{\"c\":2,\"d\":3}}").status == 200)
        let patched = try call("POST", "/o.json?x-http-method-override=PATCH", "{\"b/c\":null}")
        #expect(patched.status == 200)
        #expect(try call("GET", "/o.json").text == "{\"a\":1,\"b\":{\"d\":3}}")
        #expect(try call("PATCH", "/o.json", "{\"b\":{\"e\":4}}").status == 200)
        #expect(try call("GET", "/o/b.json").text == "{\"e\":4}")
    }

    @Test func keyAndStringLimits() throws {
        let longKey = String(repeating: "k", count: 769)
        #expect(try call("PUT", "/l.json", "{\"\(longKey)\":1}").status == 400)
        let fits = String(repeating: "k", count: 700)
        #expect(try call("PUT", "/l.json", "{\"\(fits)\":1}").status == 200)
        let prefix = "/p" + String(repeating: "p", count: 399)
        let inner = String(repeating: "q", count: 400)
        let asURL = try call("PUT", "\(prefix)/\(inner).json", "1")
        #expect(asURL.status == 400)
        let inBody = try call("PUT", "\(prefix).json", "{\"\(inner)\":1}")
        #expect(inBody.status == 400)
        #expect(inBody.text == asURL.text)
        let nested = "{\"a\":{\"\(inner)\":{\"b\":1}}}"
        #expect(try call("PATCH", "\(prefix).json", "{\"x\":\(nested)}").status == 400)
        // The prefix, a slash, a 20-character push id, a slash, the key: 768 bytes.
        let pushed = String(repeating: "r", count: 768 - 400 - 22)
        #expect(try call("POST", "\(prefix).json", "{\"\(pushed)\":1}").status == 200)
        #expect(try call("POST", "\(prefix).json", "{\"\(pushed)r\":1}").status == 400)
        #expect(try call("GET", "\(prefix).json?shallow=true").text.count == 29)
        let huge = "\"" + String(repeating: "s", count: 10 * 1024 * 1024 + 1) + "\""
        #expect(try call("PUT", "/big.json", huge).status == 400)
        #expect(try call("GET", "/big.json").text == "null")
    }

    @Test func remainingQueryForms() throws {
        let scores = "{\"a\":5,\"b\":1,\"c\":3,\"d\":4}"
        #expect(try call("PUT", "/sc.json", scores).status == 200)
        let lastTwo = try call("GET", "/sc.json?orderBy=%22%24value%22&limitToLast=2")
        // Filtered results are unordered JSON: compare them as objects.
        #expect(lastTwo.object == ["a": 5, "d": 4])
        let after = try call("GET", "/sc.json?orderBy=%22%24value%22&startAfter=3")
        #expect(after.object == ["a": 5, "d": 4])
        let before = try call("GET", "/sc.json?orderBy=%22%24key%22&endBefore=%22c%22")
        #expect(before.object == ["a": 5, "b": 1])
        let byPriority = try call("GET", "/sc.json?orderBy=%22%24priority%22&limitToFirst=1")
        #expect(byPriority.status == 200)
        let unquoted = try call("GET", "/sc.json?orderBy=height")
        #expect(unquoted.status == 400)
        #expect(unquoted.text.contains("orderBy must be a valid JSON encoded path"))
        let shallowLimit = try call("GET", "/sc.json?shallow=true&limitToFirst=2")
        #expect(shallowLimit.status == 200)
    }

    /// Sends `PUT <path>.json` with body `1`, the path as raw bytes.
    func putRaw(_ path: [UInt8]) throws -> HTTPReply {
        let head = "HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n1"
        try connection.send(Array("PUT ".utf8) + path + Array(".json \(head)".utf8))
        return try connection.readResponse()
    }

    @Test func rawInvalidUTF8InThePathIsRefusedLikeItsEscapes() throws {
        let escaped = try call("PUT", "/%C3.json", "1")
        #expect(escaped.status == 400)
        for path: [UInt8] in [[0x2F, 0xFF, 0xFE], [0x2F, 0xC3], [0x2F, 0x61, 0xC3, 0x2F, 0x62]] {
            let reply = try putRaw(path)
            #expect(reply.status == 400)
            #expect(reply.text == escaped.text)
            #expect(reply.text.contains("Invalid path: Invalid token in path"))
        }
        #expect(try call("GET", "/.json").text == "null")
        #expect(try putRaw(Array("/é".utf8)).status == 200)
        #expect(try call("GET", "/%C3%A9.json").text == "1")
    }

    @Test func rawInvalidUTF8InAQueryValueIsNotRepaired() throws {
        var bytes = Array("PUT /q.json?print=".utf8) + [0xFF]
        bytes += Array(" HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n1".utf8)
        try connection.send(bytes)
        let reply = try connection.readResponse()
        #expect(reply.status == 400)
        #expect(reply.text.contains("'%FF'"))
    }

    @Test func conditionalDeleteAndSilentDelete() throws {
        #expect(try call("PUT", "/c.json", "\"v\"").status == 200)
        let stale = try call("DELETE", "/c.json", headers: [("if-match", "not-the-tag")])
        #expect(stale.status == 412)
        #expect(stale.text == "\"v\"")
        let tag = try #require(stale.headers["etag"])
        #expect(
            try call("DELETE", "/c.json?print=silent", headers: [("if-match", tag)]).status == 400)
        #expect(try call("DELETE", "/c.json", headers: [("if-match", tag)]).status == 200)
        #expect(try call("DELETE", "/c.json?print=silent").status == 204)
    }
}

extension HTTPReply {
    /// The body as a JSON object of integers, or nil.
    var object: [String: Int]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Int]
    }
}
