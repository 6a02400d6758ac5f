extension JSONScanner {
    /// The keys of a top-level object (`null` gives none), skipping the values unbuilt.
    public static func keys(of bytes: [UInt8]) throws(JSONSyntaxError) -> [String] {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        if scanner.consume("null") { return [] }
        var keys: [String] = []
        try scanner.forEachMember { key, scanner throws(JSONSyntaxError) in
            keys.append(key)
            try scanner.skipValue()
        }
        return keys
    }

    /// The number of members of a top-level object (`null` gives 0), keeping no key: counting
    /// a shallow read of a large collection costs no memory beyond its bytes.
    public static func memberCount(of bytes: [UInt8]) throws(JSONSyntaxError) -> Int {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        if scanner.consume("null") { return 0 }
        var count = 0
        try scanner.forEachMember { _, scanner throws(JSONSyntaxError) in
            count += 1
            try scanner.skipValue()
        }
        return count
    }
}
