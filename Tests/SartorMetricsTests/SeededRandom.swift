import Foundation

/// SplitMix64: a small deterministic generator so every test sees the same data on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// The shapes of latency data the histogram is checked against, in microseconds.
enum LatencyShape: String, CaseIterable, Sendable {
    case uniform
    case exponential
    case bimodal
    case heavyTail

    /// `count` values of this shape drawn from a generator seeded with `seed`.
    func samples(count: Int, seed: UInt64) -> [Int] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in sample(using: &random) }
    }

    private func sample(using random: inout SplitMix64) -> Int {
        // In (0, 1], so that the logarithm and the power below stay finite.
        let unit = 1 - Double.random(in: 0..<1, using: &random)
        switch self {
        case .uniform:
            return Int.random(in: 1...5_000_000, using: &random)
        case .exponential:
            return Int(-log(unit) * 2_000)
        case .bimodal:
            return Bool.random(using: &random)
                ? Int.random(in: 400...600, using: &random)
                : Int.random(in: 40_000...60_000, using: &random)
        case .heavyTail:
            // Pareto with alpha 1.2 from 100 µs, capped inside the histogram's range.
            return Int(min(100 * pow(unit, -1 / 1.2), 3_000_000_000))
        }
    }
}

/// The exact nearest-rank percentile of sorted values: the smallest value such that at least
/// `percentile`% of the values are at or below it.
func exactPercentile(_ percentile: Double, ofSorted sorted: [Int]) -> Int {
    let exact = percentile / 100 * Double(sorted.count)
    let nearest = exact.rounded()
    let rank = abs(exact - nearest) < 1e-7 ? nearest : exact.rounded(.up)
    return sorted[min(max(Int(rank), 1), sorted.count) - 1]
}
