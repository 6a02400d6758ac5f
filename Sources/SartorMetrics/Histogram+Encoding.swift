#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Histogram {
    /// The version byte that starts every encoding; the layout is fixed by the version.
    static let encodingVersion: UInt8 = 1

    /// A compact text form for reports: base64 of a version byte, the overflow count, the exact
    /// min and max, then one (gap, count) pair per non-empty counter, all as LEB128 varints,
    /// where the gap is the number of empty counters skipped. Decoding it with
    /// `init?(encoded:)` gives back an equal histogram, so encodings from several runs or
    /// processes can be decoded and merged with `add(_:)`. A few bytes per non-empty counter.
    public func encoded() -> String {
        Self.encoded(
            overflowCount: storedOverflowCount, min: min, max: storedMax,
            counters: packedCounters())
    }

    /// The header of `encoded()` followed by `counters`, as base64.
    static func encoded(overflowCount: Int, min: Int, max: Int, counters: PackedCounters)
        -> String
    {
        var bytes: [UInt8] = [encodingVersion]
        bytes.appendVarint(overflowCount)
        bytes.appendVarint(min)
        bytes.appendVarint(max)
        bytes.append(contentsOf: counters.bytes)
        return Data(bytes).base64EncodedString()
    }

    /// The non-empty counters, packed. O(`bucketCount`).
    func packedCounters() -> PackedCounters {
        var packed = PackedCounters()
        for counter in DenseCounters(counts: counts) {
            packed.append(index: counter.index, count: counter.count)
        }
        packed.shrinkToFit()
        return packed
    }

    /// Decodes the text of `encoded()`; nil when it is not base64, has another version, or does
    /// not describe a consistent histogram (counters out of range, overflow above the total,
    /// min above max).
    public init?(encoded text: String) {
        guard let data = Data(base64Encoded: text) else { return nil }
        var reader = VarintReader(bytes: [UInt8](data))
        guard reader.nextByte() == Self.encodingVersion,
            let overflow = reader.nextVarint(),
            let min = reader.nextVarint(),
            let max = reader.nextVarint()
        else { return nil }

        self.init()
        var nextIndex = 0
        while !reader.isAtEnd {
            guard let gap = reader.nextVarint(), let count = reader.nextVarint(), count > 0,
                gap < Self.bucketCount - nextIndex
            else { return nil }
            counts.pointer[nextIndex + gap] = count
            storedTotalCount &+= count
            nextIndex += gap + 1
        }
        guard overflow <= storedTotalCount, storedTotalCount == 0 || min <= max else {
            return nil
        }
        storedOverflowCount = overflow
        if storedTotalCount > 0 {
            storedMin = min
            storedMax = max
        }
    }
}
