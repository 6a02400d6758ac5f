import Testing

@testable import SartorEngine

@Suite struct SeededRandomTests {
    @Test func sameSeedGivesTheSameSequence() {
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        #expect(a == b)
        var other = SeededRandom(seed: 43)
        #expect((0..<100).map { _ in other.next() } != a)
    }

    @Test func derivedStreamsAreStableAndDistinct() {
        let root = SeededRandom(seed: 9)
        var one = root.derived(stream: 1)
        var oneAgain = root.derived(stream: 1)
        var two = root.derived(stream: 2)
        let a = (0..<20).map { _ in one.next() }
        #expect(a == (0..<20).map { _ in oneAgain.next() })
        #expect(a != (0..<20).map { _ in two.next() })
    }

    @Test func unitDoublesAreUniformInRange() {
        var random = SeededRandom(seed: 3)
        var buckets = [Int](repeating: 0, count: 10)
        var outside = 0
        for _ in 0..<100_000 {
            let value = random.nextUnitDouble()
            if value < 0 || value >= 1 { outside += 1 } else { buckets[Int(value * 10)] += 1 }
        }
        #expect(outside == 0)
        // Each bucket expects 10,000 with a standard deviation of about 95.
        #expect(buckets.allSatisfy { abs($0 - 10_000) < 500 })
    }

    @Test func thinkTimeStaysInItsRangeAndFixedIsFixed() {
        var random = SeededRandom(seed: 5)
        let think = ThinkTime(.milliseconds(2), .milliseconds(8))
        let values = (0..<1_000).map { _ in think.next(using: &random) }
        #expect(values.allSatisfy { $0 >= .milliseconds(2) && $0 <= .milliseconds(8) })
        #expect(
            values.contains { $0 < .milliseconds(3) } && values.contains { $0 > .milliseconds(7) })
        #expect(ThinkTime.fixed(.seconds(1)).next(using: &random) == .seconds(1))
    }
}
