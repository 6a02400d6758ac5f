import SartorRTDB
import Testing

@Suite struct QueryTests {
    /// Children chosen to exercise every rank of the child/value ordering.
    static let mixed =
        #"{"a":{"v":"b"},"b":{"v":2},"c":{"v":true},"d":{"v":false},"e":{},"f":{"v":{"x":1}},"#
        + #""g":{"v":1.5},"h":{"v":"a"},"i":{"v":2},"j":{"v":null,"z":1},"k":{"w":1}}"#

    func keys(_ db: Harness, _ query: [(String, String)]) -> [String] {
        let response = db.send("GET", "/s.json", query: query)
        guard case .object(let members)? = try? JSONValue(parsing: response.bodyText) else {
            return []
        }
        return members.keys.sorted()
    }

    /// Runs a query and returns the top-level keys in the order of the response.
    func orderedKeys(_ db: Harness, _ query: [(String, String)]) -> [String] {
        let text = db.send("GET", "/s.json", query: query + [("print", "pretty")]).bodyText
        return text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { line in
            String(line.dropFirst(3).prefix { $0 != "\"" })
        }
    }

    @Test func childOrderingFollowsTheTypeRanks() {
        let db = Harness()
        db.send("PUT", "/s.json", Self.mixed)
        let order = orderedKeys(db, [("orderBy", "\"v\"")])
        #expect(order == ["j", "k", "d", "c", "g", "b", "i", "h", "a", "f"])
    }

    @Test func limitsApplyAfterSorting() {
        let db = Harness()
        db.send("PUT", "/s.json", Self.mixed)
        #expect(keys(db, [("orderBy", "\"v\""), ("limitToFirst", "3")]) == ["d", "j", "k"])
        #expect(keys(db, [("orderBy", "\"v\""), ("limitToLast", "2")]) == ["a", "f"])
        #expect(keys(db, [("orderBy", "\"v\""), ("limitToFirst", "0")]) == [])
    }

    @Test func rangesAreInclusiveAndExclusive() {
        let db = Harness()
        db.send("PUT", "/s.json", Self.mixed)
        #expect(keys(db, [("orderBy", "\"v\""), ("equalTo", "2")]) == ["b", "i"])
        #expect(
            keys(db, [("orderBy", "\"v\""), ("startAt", "2"), ("endAt", "\"a\"")])
                == ["b", "h", "i"])
        #expect(
            keys(db, [("orderBy", "\"v\""), ("startAfter", "2"), ("endBefore", "\"b\"")])
                == ["h"])
        #expect(keys(db, [("orderBy", "\"v\""), ("startAt", "2,\"i\"")]) == ["a", "f", "h", "i"])
        #expect(
            keys(db, [("orderBy", "\"v\""), ("startAfter", "2,\"b\""), ("endAt", "2")])
                == ["i"])
        #expect(keys(db, [("orderBy", "\"v\""), ("endAt", "false")]) == ["d", "j", "k"])
    }

    @Test func keyOrderingPutsIntegerKeysFirst() {
        let db = Harness()
        db.send("PUT", "/s.json", #"{"b":1,"10":1,"9":1,"-3":1,"a":1,"2147483648":1,"01":1}"#)
        let order = orderedKeys(db, [("orderBy", "\"$key\"")])
        #expect(order.prefix(3) == ["-3", "9", "10"])
        #expect(keys(db, [("orderBy", "\"$key\""), ("startAt", "\"a\"")]) == ["a", "b"])
        #expect(keys(db, [("orderBy", "\"$key\""), ("limitToFirst", "2")]) == ["-3", "9"])
        let refused = db.send("GET", "/s.json", query: [("orderBy", "\"$key\""), ("startAt", "1")])
        #expect(refused.status == 400)
    }

    @Test func valueAndPriorityOrderings() {
        let db = Harness()
        db.send(
            "PUT", "/s.json",
            #"{"a":{".value":3,".priority":"x"},"b":{".value":1,".priority":2},"c":{".value":2}}"#)
        #expect(orderedKeys(db, [("orderBy", "\"$value\"")]) == ["b", "c", "a"])
        #expect(keys(db, [("orderBy", "\"$value\""), ("startAt", "2")]) == ["a", "c"])
        #expect(keys(db, [("orderBy", "\"$priority\""), ("limitToFirst", "2")]) == ["b", "c"])
        #expect(keys(db, [("orderBy", "\"$priority\""), ("startAt", "\"a\"")]) == ["a"])
    }

    @Test func deepChildPaths() {
        let db = Harness()
        db.send("PUT", "/s.json", #"{"x":{"d":{"h":3}},"y":{"d":{"h":1}},"z":{"d":{"h":2}}}"#)
        #expect(keys(db, [("orderBy", "\"d/h\""), ("limitToFirst", "2")]) == ["y", "z"])
    }

    @Test func queryResultsFollowTheArrayRule() {
        let db = Harness()
        db.send("PUT", "/s.json", "[5,4,3,2]")
        #expect(
            db.read("/s.json", query: [("orderBy", "\"$value\""), ("limitToFirst", "3")])
                == "[null,4,3,2]")
    }

    @Test(arguments: [
        ("orderBy", "height", "orderBy must be a valid JSON encoded path"),
        ("orderBy", "\"a.b\"", "orderBy must be a valid JSON encoded path"),
        ("startAt", "bare", "Constraint index field must be a JSON primitive"),
        ("startAt", "{}", "Constraint index field must be a JSON primitive"),
        ("startAt", "1,\"a.b\"", "Constraint key field must be a valid key name"),
    ])
    func malformedQueriesAreRefused(name: String, value: String, message: String) {
        var query = [(name, value)]
        if name != "orderBy" { query.insert(("orderBy", "\"$value\""), at: 0) }
        let response = Harness().send("GET", "/s.json", query: query)
        #expect(response.status == 400)
        #expect(response.bodyText == errorBody(message))
    }

    @Test func filtersNeedOrderByAndLimitsMustBeNumbers() {
        let db = Harness()
        #expect(db.send("GET", "/s.json", query: [("startAt", "1")]).status == 400)
        #expect(db.send("GET", "/s.json", query: [("limitToFirst", "-1")]).status == 400)
        let both = [("limitToFirst", "1"), ("limitToLast", "1")]
        #expect(db.send("GET", "/s.json", query: both).status == 400)
    }

    /// Queries RTDB or its SDKs refuse, and the start of the message refusing them.
    static let refusedQueries: [(query: [(String, String)], what: String)] = {
        let byH = ("orderBy", "\"h\"")
        return [
            ([byH, ("orderBy", "\"n\"")], "Repeating query parameter 'orderBy'"),
            ([("print", "pretty"), ("print", "silent")], "Repeating query parameter 'print'"),
            ([byH, ("startAt", "1"), ("startAt", "2")], "Repeating query parameter 'startAt'"),
            ([("auth", "a"), ("auth", "b")], "Repeating query parameter 'auth'"),
            ([byH, ("startAt", "2"), ("equalTo", "2")], "Combining equalTo and startAt"),
            ([byH, ("equalTo", "2"), ("endBefore", "3")], "Combining equalTo and endBefore"),
            ([byH, ("startAt", "1"), ("startAfter", "1")], "Combining startAt and startAfter"),
            ([byH, ("endBefore", "1"), ("endAt", "1")], "Combining endBefore and endAt"),
        ]
    }()

    @Test(arguments: refusedQueries.indices)
    func repeatedAndConflictingParametersAreRefused(case index: Int) {
        let (query, what) = Self.refusedQueries[index]
        let db = Harness()
        db.send("PUT", "/s.json", #"{"a":{"h":2,"n":1},"b":{"h":1,"n":2}}"#)
        let response = db.send("GET", "/s.json", query: query)
        #expect(response.status == 400)
        #expect(response.bodyText == errorBody(what + " is not supported."))
    }

    @Test func oneStartAndOneEndCombine() {
        let db = Harness()
        db.send("PUT", "/s.json", #"{"a":1,"b":2,"c":3,"d":4}"#)
        let query = [("orderBy", "\"$value\""), ("startAfter", "1"), ("endAt", "3")]
        #expect(keys(db, query) == ["b", "c"])
    }

    @Test func orderingMatchesASortedOracle() {
        var random = SeededRandom(seed: 5)
        let values: [JSONValue] = [
            .null, .bool(false), .bool(true), .int(-2), .int(3), .double(2.5), .string("a"),
            .string("B"), .string("é"), .object(["x": .int(1)]),
        ]
        var members: [String: JSONValue] = [:]
        for index in 0..<40 {
            let value = values.randomElement(using: &random)!
            // A child whose only member is null is not stored at all.
            members["k\(index)"] = value == .null ? .object(["w": .int(1)]) : .object(["v": value])
        }
        let db = Harness()
        db.send("PUT", "/s.json", JSONValue.object(members).serialized())
        let rank: (JSONValue?) -> (Int, Double, String) = { value in
            switch value {
            case nil, .null?: (0, 0, "")
            case .bool(false)?: (1, 0, "")
            case .bool(true)?: (2, 0, "")
            case .int(let number)?: (3, Double(number), "")
            case .double(let number)?: (3, number, "")
            case .string(let text)?: (4, 0, text)
            default: (5, 0, "")
            }
        }
        let expected = members.keys.sorted { left, right in
            let (a, b) = (rank(members[left]?["v"]), rank(members[right]?["v"]))
            if a != b { return a < b }
            return left < right
        }
        let limited = keys(db, [("orderBy", "\"v\""), ("limitToFirst", "15")])
        #expect(limited == Array(expected.prefix(15)).sorted())
    }
}
