/// One non-empty counter of a histogram: its index in `Histogram`'s layout and its count.
struct Counter: Equatable {
    var index: Int
    var count: Int
}

/// The non-empty counters of a histogram in increasing index order, packed as LEB128 varint
/// pairs (gap, count), where the gap is the number of empty counters skipped since the
/// previous one. This is the body of `Histogram.encoded()`, and what `SparseHistogram` stores:
/// two or three bytes a non-empty counter, against eight a counter for a dense histogram.
struct PackedCounters: Sendable, Hashable, Sequence {
    private(set) var bytes: [UInt8] = []
    /// The index after the last counter appended, where the next gap starts.
    private var nextIndex = 0

    /// Appends a counter; `index` must be above every index appended before, `count` positive.
    mutating func append(index: Int, count: Int) {
        assert(index >= nextIndex && count > 0, "PackedCounters: out of order or empty counter")
        bytes.appendVarint(index - nextIndex)
        bytes.appendVarint(count)
        nextIndex = index + 1
    }

    /// Gives the unused capacity back, once no more counters will be appended.
    mutating func shrinkToFit() {
        guard bytes.capacity > bytes.count else { return }
        // A plain `Array(bytes)` would share the buffer, spare capacity and all.
        bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: bytes)
        }
    }

    func makeIterator() -> Iterator {
        Iterator(reader: VarintReader(bytes: bytes))
    }

    /// Walks the pairs appended by `append`, which are well formed by construction.
    struct Iterator: IteratorProtocol {
        var reader: VarintReader
        var nextIndex = 0

        mutating func next() -> Counter? {
            guard !reader.isAtEnd, let gap = reader.nextVarint(), let count = reader.nextVarint()
            else { return nil }
            let index = nextIndex + gap
            nextIndex = index + 1
            return Counter(index: index, count: count)
        }
    }

    /// The counters of both, added index by index. O(counters of both).
    static func merging(_ left: PackedCounters, _ right: PackedCounters) -> PackedCounters {
        var result = PackedCounters()
        result.bytes.reserveCapacity(Swift.max(left.bytes.count, right.bytes.count))
        var lefts = left.makeIterator()
        var rights = right.makeIterator()
        var leftCounter = lefts.next()
        var rightCounter = rights.next()
        while leftCounter != nil || rightCounter != nil {
            let leftIndex = leftCounter?.index ?? Int.max
            let rightIndex = rightCounter?.index ?? Int.max
            let index = Swift.min(leftIndex, rightIndex)
            var count = 0
            if leftIndex == index, let counter = leftCounter {
                count += counter.count
                leftCounter = lefts.next()
            }
            if rightIndex == index, let counter = rightCounter {
                count += counter.count
                rightCounter = rights.next()
            }
            result.append(index: index, count: count)
        }
        result.shrinkToFit()
        return result
    }

    static func == (lhs: PackedCounters, rhs: PackedCounters) -> Bool {
        lhs.bytes == rhs.bytes
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes)
    }
}

extension [UInt8] {
    /// Appends a non-negative integer as an unsigned LEB128 varint: 7 bits a byte, low first.
    mutating func appendVarint(_ value: Int) {
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
struct VarintReader {
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
