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

    /// The keys of the children of a top-level object whose string member `member` equals
    /// `value`: the open tasks of a task list, without building the list.
    public static func keys(
        of bytes: [UInt8], whereMember member: String, equals value: String
    ) throws(JSONSyntaxError) -> [String] {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        if scanner.consume("null") { return [] }
        let memberBytes = Array(member.utf8)
        let valueBytes = Array(value.utf8)
        var keys: [String] = []
        try scanner.forEachMember { key, scanner throws(JSONSyntaxError) in
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                return
            }
            var matches = false
            // Keys compared as bytes: no `String` is built for the members of each child.
            try scanner.forEachMember(readingKeys: { scanner throws(JSONSyntaxError) in
                try scanner.readString(equals: memberBytes)
            }) { isMember, scanner throws(JSONSyntaxError) in
                scanner.skipWhitespace()
                if isMember, scanner.peek() == UInt8(ascii: "\"") {
                    matches = try scanner.readString(equals: valueBytes)
                } else {
                    try scanner.skipValue()
                }
            }
            if matches { keys.append(key) }
        }
        return keys
    }

    /// Reads the string at the current position and tells whether it equals `target`
    /// (UTF-8), comparing the raw bytes when the string holds no escape.
    mutating func readString(equals target: [UInt8]) throws(JSONSyntaxError) -> Bool {
        let quote = position
        try skipString()
        let raw = bytes[(quote + 1)..<(position - 1)]
        if !raw.contains(UInt8(ascii: "\\")) { return raw.elementsEqual(target) }
        position = quote
        return try Array(readString().utf8) == target
    }
}
