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
        var bytes: [UInt8] = [Self.encodingVersion]
        bytes.appendVarint(storedOverflowCount)
        bytes.appendVarint(min)
        bytes.appendVarint(storedMax)
        var nextIndex = 0
        let pointer = counts.pointer
        for index in 0..<Self.bucketCount where pointer[index] != 0 {
            bytes.appendVarint(index - nextIndex)
            bytes.appendVarint(pointer[index])
            nextIndex = index + 1
        }
        return Data(bytes).base64EncodedString()
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

extension [UInt8] {
    /// Appends a non-negative integer as an unsigned LEB128 varint: 7 bits a byte, low first.
    fileprivate mutating func appendVarint(_ value: Int) {
        var rest = UInt(Swift.max(value, 0))
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }
}

/// Reads bytes and LEB128 varints from the front of a byte array; nil at a truncated or
/// oversized value.
private struct VarintReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func nextByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A varint that fits a non-negative `Int`.
    mutating func nextVarint() -> Int? {
        var value: UInt = 0
        var shift: UInt = 0
        while let byte = nextByte() {
            guard shift < 63 else { return nil }
            value |= UInt(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                return value <= UInt(Int.max) ? Int(value) : nil
            }
            shift += 7
        }
        return nil
    }
}
