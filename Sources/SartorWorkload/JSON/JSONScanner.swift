/// A JSON text that cannot be read: the byte offset and what was expected there.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let expected: String

    public var description: String { "invalid JSON at byte \(offset): expected \(expected)" }
}

/// A forward-only reader over JSON bytes.
///
/// The hot path of the workload needs only the keys of a collection and one member of each
/// child (a task's `status`), so the scanner can skip values without building them; `parse`
/// builds a full `JSONValue` where one is needed. Cost: one pass, no allocation while skipping.
public struct JSONScanner {
    let bytes: [UInt8]
    var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Reads a whole document; trailing bytes other than white space are an error.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(bytes)
        let value = try scanner.readValue()
        scanner.skipWhitespace()
        guard scanner.position == bytes.count else { throw scanner.failure("end of input") }
        return value
    }

    /// The members of a top-level object with the byte range of each value. `null` (an empty
    /// RTDB location) gives no members.
    public static func members(
        of bytes: [UInt8]
    ) throws(JSONSyntaxError) -> [(key: String, value: Range<Int>)] {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        if scanner.consume("null") { return [] }
        var members: [(key: String, value: Range<Int>)] = []
        try scanner.forEachMember { key, scanner throws(JSONSyntaxError) in
            let start = scanner.position
            try scanner.skipValue()
            members.append((key, start..<scanner.position))
        }
        return members
    }

    /// Calls `body` for each member of the object starting at the current position, with the
    /// scanner placed at the member's value; `body` must consume that value.
    mutating func forEachMember(
        _ body: (String, inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try forEachMember(
            readingKeys: { scanner throws(JSONSyntaxError) in
                try scanner.readString()
            }, body)
    }

    /// `forEachMember` with each key read by `readKey` (which consumes the key's string).
    mutating func forEachMember<Key>(
        readingKeys readKey: (inout JSONScanner) throws(JSONSyntaxError) -> Key,
        _ body: (Key, inout JSONScanner) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try readKey(&self)
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try body(key, &self)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        guard peek() == byte else { throw failure("'\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
            return false
        }
        position += count
        return true
    }

    func failure(_ expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, expected: expected)
    }
}
