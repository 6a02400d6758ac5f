import Testing

@testable import SartorWorkload

/// Feeds `text` to `picker` in pieces cut at `cuts` and returns its outcome.
private func pick(
    _ picker: CollectionPicker, _ text: String, cuts: [Int] = []
) -> CollectionPicker.Outcome {
    picker.begin()
    let bytes = Array(text.utf8)
    var start = 0
    for end in cuts.filter({ $0 > 0 && $0 < bytes.count }).sorted() + [bytes.count] {
        bytes[start..<end].withUnsafeBytes { picker.consume($0) }
        start = end
    }
    return picker.outcome
}

@Suite struct CollectionPickerTests {
    /// A collection of tasks of mixed statuses, with decoys: `status` members deeper down, a
    /// child that is not an object, escapes in strings.
    private static func randomTasks(_ random: inout TestRandom) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for index in 0..<Int.random(in: 0...12, using: &random) {
            let status = ["available", "claimed", "completed"].randomElement(using: &random)!
            switch Int.random(in: 0..<6, using: &random) {
            case 0: members["k\(index)"] = .int(index)
            case 1: members["k\(index)"] = .object(["data": .object(["status": "available"])])
            default:
                members["k\(index)\"q\\"] = .object([
                    "title": .string("a \"b\" \\ c {[,]}"), "status": .string(status),
                    "tags": .array(["available", .object(["status": "available"])]),
                ])
            }
        }
        return .object(members)
    }

    @Test func picksOnlyQualifyingChildrenWhateverTheCuts() throws {
        var random = TestRandom(seed: 21)
        for round in 0..<300 {
            let value = Self.randomTasks(&random)
            let text = value.canonicalText
            let open = (value.objectValue ?? [:]).filter { $0.value["status"] == "available" }
            let cuts = (0..<3).map { _ in Int.random(in: 0...text.utf8.count, using: &random) }
            let picker = CollectionPicker(
                whereMember: "status", equals: "available", seed: random.next())

            switch pick(picker, text, cuts: cuts) {
            case .picked(let key): #expect(open.keys.contains(key), "round \(round): \(key)")
            case .empty: #expect(open.isEmpty, "round \(round)")
            case .invalid(let reason): Issue.record("round \(round): \(reason) in \(text)")
            }
            #expect(pick(picker, text) == pick(picker, text, cuts: cuts), "same seed, same key")
        }
    }

    @Test func choosesUniformlyAndNeverTheExcludedKey() {
        let text = #"{"a":{},"b":{},"me":{},"c":{},"d":{}}"#
        var counts: [String: Int] = [:]
        for seed in 0..<4000 {
            let picker = CollectionPicker(excluding: "me", seed: UInt64(seed))
            if case .picked(let key) = pick(picker, text) { counts[key, default: 0] += 1 }
        }
        #expect(counts.keys.sorted() == ["a", "b", "c", "d"])
        // 1000 expected each; 150 is more than 5 standard deviations (27).
        #expect(counts.values.allSatisfy { abs($0 - 1000) < 150 }, "\(counts)")
    }

    @Test func escapedKeysAndMembersAreRead() {
        let picker = CollectionPicker(whereMember: "status", equals: "available", seed: 1)
        let text = #"{"a\u0062":{"st\u0061tus":"av\u0061ilable"},"x":{"status":"available\\"}}"#
        #expect(pick(picker, text) == .picked("ab"))
    }

    @Test(arguments: ["null", " {} ", "{\"a\":1,\"b\":[{}]}", "{\"me\":{}}"])
    func emptyOrUnqualifiedCollectionsPickNothing(text: String) {
        let picker = CollectionPicker(
            excluding: "me", whereMember: text.contains("b") ? "status" : nil, seed: 3)
        #expect(pick(picker, text) == .empty)
    }

    @Test(arguments: [
        "<html><body>Bad gateway</body></html>", #"{"a":{"b":1}"#, "[1,2]", #""text""#,
        #"{"a":1}{"b":2}"#, "nul", "{}}", #"{"a":"open}"#, "nullx", "",
    ])
    func malformedBodiesAreInvalid(text: String) {
        guard case .invalid = pick(CollectionPicker(seed: 5), text) else {
            Issue.record("accepted \(text.debugDescription)")
            return
        }
    }

    @Test func beginForgetsAnEarlierBody() {
        let picker = CollectionPicker(seed: 8)
        #expect(pick(picker, "{\"a\":") != .picked("a"))
        #expect(pick(picker, #"{"z":true}"#) == .picked("z"))
    }
}
