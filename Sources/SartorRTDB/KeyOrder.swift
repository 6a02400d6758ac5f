/// Orders keys and strings the way the database does.
enum KeyOrder {
    /// Compares strings by UTF-16 code unit, as the SDKs do, without leaving UTF-8: byte order
    /// equals code point order except that characters above U+FFFF (surrogates in UTF-16)
    /// sort before U+E000...U+FFFF.
    static func stringLess(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let count = min(left.count, right.count)
                var index = 0
                while index < count {
                    let x = left[index]
                    let y = right[index]
                    if x != y {
                        if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
                        if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
                        return x < y
                    }
                    index += 1
                }
                return left.count < right.count
            }
        }
    }

    static func keyLess(_ lhs: String, _ rhs: String) -> Bool {
        compare(OrderKey(lhs, index: 0), OrderKey(rhs, index: 1)) { $0 == 0 ? lhs : rhs } < 0
    }

    /// The children in `$key` order.
    static func sortedChildren(_ children: [String: Node]) -> [(key: String, node: Node)] {
        sortedIndices(children).map { (key: children[$0].key, node: children[$0].value) }
    }

    static func sortedKeys(_ children: [String: Node]) -> [String] {
        sortedIndices(children).map { children.keys[$0] }
    }

    /// The positions of the children in `$key` order.
    ///
    /// Cost: O(n log n) comparisons of plain integers (a 32-bit key value or the first 24
    /// bytes of the key); whole keys are compared only on ties. Neither keys nor nodes are
    /// copied into the sort, so that large collections sort without reference counting.
    static func sortedIndices(_ children: [String: Node]) -> [Dictionary<String, Node>.Index] {
        let positions = Array(children.indices)
        var order: [OrderKey] = []
        order.reserveCapacity(positions.count)
        for (position, index) in positions.enumerated() {
            order.append(OrderKey(children.keys[index], index: position))
        }
        let keys = children.keys
        order.sort { compare($0, $1) { keys[positions[Int($0)]] } < 0 }
        return order.map { positions[Int($0.index)] }
    }

    /// A key reduced to plain integers for fast `$key` comparisons.
    struct OrderKey {
        /// 0 for 32-bit integer keys, 1 for the others.
        let rank: UInt8
        let integer: Int32
        /// The first 24 UTF-8 bytes, big-endian, zero-padded (keys contain no NUL): push ids
        /// (20 bytes) never need the whole key.
        let head: UInt64
        let middle: UInt64
        let tail: UInt64
        /// These bytes hold no byte at or above 0xEE, so byte order is UTF-16 order there.
        let simple: Bool
        let index: Int32

        init(_ key: String, index: Int) {
            self.index = Int32(index)
            if let integer = KeyRules.integerValue(key) {
                rank = 0
                self.integer = integer
                head = 0
                middle = 0
                tail = 0
                simple = true
                return
            }
            rank = 1
            integer = 0
            var key = key
            var words: (UInt64, UInt64, UInt64, Bool) = (0, 0, 0, true)
            key.withUTF8 { bytes in
                for position in 0..<min(24, bytes.count) {
                    let byte = bytes[position]
                    if byte >= 0xEE { words.3 = false }
                    let shifted = UInt64(byte) << UInt64(8 * (7 - position % 8))
                    switch position / 8 {
                    case 0: words.0 |= shifted
                    case 1: words.1 |= shifted
                    default: words.2 |= shifted
                    }
                }
            }
            (head, middle, tail, simple) = words
        }
    }

    /// -1, 0 or 1 for two prepared keys; `key` gives the whole key of an index, for ties.
    @inline(__always)
    static func compare(_ lhs: OrderKey, _ rhs: OrderKey, key: (Int32) -> String) -> Int {
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank ? -1 : 1 }
        if lhs.rank == 0 {
            return lhs.integer < rhs.integer ? -1 : (lhs.integer == rhs.integer ? 0 : 1)
        }
        if lhs.simple && rhs.simple {
            if lhs.head != rhs.head { return lhs.head < rhs.head ? -1 : 1 }
            if lhs.middle != rhs.middle { return lhs.middle < rhs.middle ? -1 : 1 }
            if lhs.tail != rhs.tail { return lhs.tail < rhs.tail ? -1 : 1 }
        }
        let left = key(lhs.index)
        let right = key(rhs.index)
        if left == right { return 0 }
        return stringLess(left, right) ? -1 : 1
    }
}
