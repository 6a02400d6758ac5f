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

    /// A key prepared for `$key` ordering: 32-bit integer keys first, numerically.
    struct SortKey {
        let integer: Int32?
        let key: String

        init(_ key: String) {
            self.key = key
            self.integer = KeyRules.integerValue(key)
        }

        static func less(_ lhs: SortKey, _ rhs: SortKey) -> Bool {
            switch (lhs.integer, rhs.integer) {
            case (let left?, let right?): return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return stringLess(lhs.key, rhs.key)
            }
        }
    }

    static func keyLess(_ lhs: String, _ rhs: String) -> Bool {
        SortKey.less(SortKey(lhs), SortKey(rhs))
    }

    /// The keys of `children` in `$key` order.
    static func sortedKeys(_ children: [String: Node]) -> [String] {
        var keys = children.keys.map(SortKey.init)
        keys.sort(by: SortKey.less)
        return keys.map(\.key)
    }
}
