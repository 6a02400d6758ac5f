import Testing

@testable import SartorRTDB

/// The memo of compact JSON: equal to the walk without memos, and renewed exactly along the
/// path of a write.
@Suite struct CompactJSONMemoTests {
    /// The compact JSON of `node` without memos, the oracle.
    private func uncached(_ node: Node) -> String {
        var writer = JSONWriter()
        writer.writeTree(node, export: false)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func compact(_ node: Node) -> String {
        String(decoding: node.json(), as: UTF8.self)
    }

    private func tree(_ text: String) throws -> Node {
        try Database.importTree(Array(text.utf8))
    }

    /// Random values whose keys are all valid: integer keys (for the array rule), text with
    /// escapes and non-ASCII, nested up to four levels.
    private func randomValue(_ random: inout SeededRandom, depth: Int = 0) -> JSONValue {
        let keys = ["a", "b", "0", "1", "2", "3", "10", "é", "😀", "x y", "-Kz", "\u{E000}"]
        guard depth < 4, Int.random(in: 0..<3, using: &random) > 0 else {
            return RandomJSON.value(&random, depth: 4)
        }
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let key = keys.randomElement(using: &random)!
            members[key] = randomValue(&random, depth: depth + 1)
        }
        return .object(members)
    }

    @Test func randomTreesMatchTheWalkWithoutMemos() {
        var random = SeededRandom(seed: 11)
        let paths = ["/a", "/0", "/1/2", "/a/b", "/a/b/c", "/3/10", "/é/0", "/b/😀"]
        for round in 0..<200 {
            let harness = Harness()
            harness.send("PUT", "/.json", randomValue(&random).serialized())
            var expected = uncached(harness.database.root)
            #expect(compact(harness.database.root) == expected, "round \(round)")
            #expect(compact(harness.database.root) == expected, "round \(round), from the memo")

            // Each write must show in the next read, served from the memos left intact.
            for _ in 0..<4 {
                let path = paths.randomElement(using: &random)!
                let body = randomValue(&random, depth: 2).serialized()
                harness.send(Bool.random(using: &random) ? "PUT" : "PATCH", path + ".json", body)
                expected = uncached(harness.database.root)
                #expect(harness.read("/.json") == expected, "round \(round) after \(path)")
            }
        }
    }

    @Test func arraysAndDeepArraysUseTheArrayRule() throws {
        let node = try tree(#"{"list":{"0":"a","2":{"1":true,"0":false}},"z":{"10":1,"x":2}}"#)
        #expect(compact(node) == #"{"list":["a",null,[false,true]],"z":{"10":1,"x":2}}"#)
        #expect(compact(node) == uncached(node))
    }

    @Test func aWriteRenewsExactlyTheMemosAlongItsPath() throws {
        let database = Database(
            root: try tree(#"{"a":{"b":{"c":1,"d":{"e":2}},"x":{"y":3}},"f":{"g":4}}"#))
        let before = database.root
        _ = before.json()
        let path = DatabasePath(["a", "b", "c"])
        database.set(Node(.int(9)), at: path)
        let after = database.root

        for keys in [[], ["a"], ["a", "b"]] {
            let old = before.child(at: DatabasePath(keys)).memo!
            let new = after.child(at: DatabasePath(keys)).memo!
            #expect(old !== new, "\(keys) must get a new memo")
            #expect(new.bytes == nil)
            #expect(old.bytes != nil, "the copy read before keeps its bytes")
        }
        for keys in [["a", "b", "d"], ["a", "x"], ["f"]] {
            let old = before.child(at: DatabasePath(keys)).memo!
            #expect(old === after.child(at: DatabasePath(keys)).memo!, "\(keys) unchanged")
            #expect(old.bytes != nil)
        }
        #expect(compact(after) == #"{"a":{"b":{"c":9,"d":{"e":2}},"x":{"y":3}},"f":{"g":4}}"#)
        #expect(compact(before) == #"{"a":{"b":{"c":1,"d":{"e":2}},"x":{"y":3}},"f":{"g":4}}"#)
    }

    @Test func aPriorityChangeKeepsTheMemoAndOtherFormsStayRight() throws {
        let harness = Harness()
        harness.send("PUT", "/p.json", #"{"a":{"b":1},"c":2}"#)
        #expect(harness.read("/p.json") == #"{"a":{"b":1},"c":2}"#)
        harness.send("PUT", "/p/a/.priority.json", "5")
        #expect(harness.read("/p.json") == #"{"a":{"b":1},"c":2}"#)
        #expect(
            harness.read("/p.json", query: [("format", "export")])
                == #"{"a":{".priority":5,"b":1},"c":2}"#)
        #expect(
            harness.read("/p.json", query: [("print", "pretty")])
                == "{\n  \"a\" : {\n    \"b\" : 1\n  },\n  \"c\" : 2\n}")
        #expect(harness.read("/p.json", query: [("shallow", "true")]) == #"{"a":true,"c":true}"#)
        harness.send("DELETE", "/p/a/b.json")
        #expect(harness.read("/p.json") == #"{"c":2}"#)
    }

    @Test func largeNodesAreKeptFromTheirSecondUnchangedRead() {
        let text = String(repeating: "x", count: Node.memoizedJSONLimit)
        let node = Node(children: ["big": Node(.string(text)), "small": Node(.int(1))])
        var root = Node(children: ["n": node, "m": Node(children: ["k": Node(.bool(true))])])
        let first = root.json()
        #expect(first.count > Node.memoizedJSONLimit)
        #expect(root.memo!.bytes == nil)
        #expect(root.child(at: DatabasePath(["n"])).memo!.bytes == nil)
        #expect(root.child(at: DatabasePath(["m"])).memo!.bytes != nil)

        #expect(root.json() == first)
        #expect(root.memo!.bytes == first)

        // A change starts the count again.
        root.set(Node(.int(2)), at: DatabasePath(["n", "small"]))
        #expect(root.json().count == first.count)
        #expect(root.memo!.bytes == nil)
    }
}
