/// A fast, seeded pseudo-random generator (xoshiro256**, state filled by SplitMix64).
///
/// The same seed yields the same sequence on every platform, so a run started with `--seed N`
/// repeats its choices of operation, think time and content. Each virtual agent owns its own
/// generator, derived from the run seed and the agent's index with `derived(stream:)`, so no
/// generator is shared between tasks. Not cryptographically secure.
public struct SeededRandom: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The seed this generator started from, kept so that streams can be derived from it.
    public let seed: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        // xoshiro must not start from the all-zero state; SplitMix64 never yields four zeros,
        // but the guard keeps the contract explicit.
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// An independent generator for one stream (an agent index, a purpose), a pure function of
    /// this generator's seed and `stream`: deriving twice gives the same sequence.
    public func derived(stream: UInt64) -> SeededRandom {
        var mixer = SplitMix64(state: seed ^ (stream &+ 1) &* 0xD1B5_4A32_D192_ED03)
        return SeededRandom(seed: mixer.next())
    }

    /// The next 64 random bits. O(1), no allocation.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// A uniform `Double` in `0..<1` with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// SplitMix64, used only to spread a 64-bit seed over xoshiro's 256 bits of state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
