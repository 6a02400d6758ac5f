import Testing

@testable import SartorRTDB

@Suite struct PushIDTests {
    let alphabet = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"

    @Test func timestampIsEncodedInTheFirstEightCharacters() {
        var generator = PushIDGenerator()
        var random = SeededRandom(seed: 1)
        let id = generator.next(nowMillis: 1_712_345_678_901, using: &random)
        #expect(id.count == 20)
        #expect(id.allSatisfy { alphabet.contains($0) })
        var decoded: Int64 = 0
        for character in id.prefix(8) {
            decoded =
                decoded * 64 + Int64(alphabet.firstIndex(of: character)!.utf16Offset(in: alphabet))
        }
        #expect(decoded == 1_712_345_678_901)
        #expect(id.hasPrefix("-N"))
    }

    @Test func idsAreStrictlyIncreasingWithinAndAcrossMilliseconds() {
        var generator = PushIDGenerator()
        var random = SeededRandom(seed: 2)
        var previous = ""
        for step in 0..<5000 {
            let millis: Int64 = 1_000_000 + Int64(step / 1000) - (step % 997 == 0 ? 5 : 0)
            let id = generator.next(nowMillis: millis, using: &random)
            #expect(id > previous, "\(previous) then \(id)")
            previous = id
        }
    }

    @Test func incrementCarriesThroughZ() {
        var generator = PushIDGenerator()
        let first = generator.next(nowMillis: 0, using: &AlwaysMax.shared)
        let second = generator.next(nowMillis: 0, using: &AlwaysMax.shared)
        #expect(first.hasSuffix("zzzzzzzzzzzz"))
        #expect(second > first)
        #expect(second.hasPrefix("-------0"))
        #expect(second.hasSuffix("-----------0"))
    }

    @Test func postsUnderLoadAreUniqueAndOrdered() {
        let db = Harness()
        var names: [String] = []
        for _ in 0..<300 {
            let body = db.send("POST", "/l.json", "1").bodyText
            names.append(String(body.dropFirst(9).dropLast(2)))
        }
        #expect(names == names.sorted())
        #expect(Set(names).count == 300)
    }
}

/// A generator whose every draw is the maximum, to force the carry.
struct AlwaysMax: RandomNumberGenerator {
    nonisolated(unsafe) static var shared = AlwaysMax()
    mutating func next() -> UInt64 { .max }
}
