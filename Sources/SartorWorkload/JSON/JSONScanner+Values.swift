#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONScanner {
    /// Reads the value at the current position into a `JSONValue`.
    mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try forEachMember { key, scanner throws(JSONSyntaxError) in
                members[key] = try scanner.readValue()
            }
            return .object(members)
        case UInt8(ascii: "["):
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                elements.append(try readValue())
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return .array(elements)
            }
        case UInt8(ascii: "\""): return .string(try readString())
        default: return try readScalar()
        }
    }

    /// Moves past the value at the current position without building it.
    mutating func skipValue() throws(JSONSyntaxError) {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"):
            try forEachMember { _, scanner throws(JSONSyntaxError) in try scanner.skipValue() }
        case UInt8(ascii: "["):
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue()
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return
            }
        case UInt8(ascii: "\""): try skipString()
        default: _ = try readScalar()
        }
    }

    mutating func readScalar() throws(JSONSyntaxError) -> JSONValue {
        if consume("null") { return .null }
        if consume("true") { return .bool(true) }
        if consume("false") { return .bool(false) }
        let start = position
        while let byte = peek(), Self.isNumberByte(byte) { position += 1 }
        guard position > start else { throw failure("a JSON value") }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if let integer = Int(text) { return .int(integer) }
        if let number = Double(text) { return .double(number) }
        position = start
        throw failure("a number")
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// Moves past the string at the current position: `memchr` finds each quote, and a quote
    /// preceded by an odd run of backslashes is escaped and skipped.
    mutating func skipString() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "\""))
        let opened = position
        let closed = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var from = opened
            while from < buffer.count {
                guard let found = memchr(base + from, 0x22, buffer.count - from) else {
                    return nil
                }
                let quote = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                var backslashes = 0
                while quote - backslashes > opened && buffer[quote - backslashes - 1] == 0x5C {
                    backslashes += 1
                }
                if backslashes % 2 == 0 { return quote + 1 }
                from = quote + 1
            }
            return nil
        }
        guard let closed else {
            position = bytes.count
            throw failure("'\"' closing a string")
        }
        position = closed
    }

    /// Reads a string, decoding escapes (surrogate pairs included).
    mutating func readString() throws(JSONSyntaxError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            position += 1
        }
        if peek() == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: bytes[start..<position - 1], as: UTF8.self)
        }
        var decoded = Array(bytes[start..<position])
        while let byte = peek() {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"): try readEscape(into: &decoded)
            default: decoded.append(byte)
            }
        }
        throw failure("'\"' closing a string")
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(JSONSyntaxError) {
        guard let escape = peek() else { throw failure("an escape") }
        position += 1
        switch escape {
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar), consume("\\u") {
                let low = try readHex4()
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            decoded.append(contentsOf: String(Character(character)).utf8)
        default: decoded.append(escape)
        }
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(
                String(decoding: bytes[position..<position + 4], as: UTF8.self),
                radix: 16)
        else { throw failure("four hex digits") }
        position += 4
        return value
    }
}
