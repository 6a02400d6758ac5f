extension JSONParser {
    /// Reads a string token starting at its opening quote; refuses raw control characters,
    /// bad escapes, unpaired surrogates and invalid UTF-8.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = position + 1
        var index = start
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: input[start..<index])
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw failure(.syntax, at: start)
                }
                position = index + 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure(.syntax, at: index) }
            index += 1
        }
        return try parseEscapedString(from: start)
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        var utf8: [UInt8] = []
        var index = start
        while index < input.count {
            let byte = input[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw failure(.syntax, at: start)
                }
                position = index
                return text
            case UInt8(ascii: "\\"):
                guard index < input.count else { throw failure(.syntax) }
                let escape = input[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape(at: &index)
                    utf8.append(contentsOf: String(Character(scalar)).utf8)
                default: throw failure(.syntax, at: index - 1)
                }
            default:
                if byte < 0x20 { throw failure(.syntax, at: index - 1) }
                utf8.append(byte)
            }
        }
        throw failure(.syntax, at: input.count)
    }

    private func hexQuad(at index: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= input.count else { throw failure(.syntax, at: index) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = input[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.syntax, at: index + offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Reads the four hex digits after `\u` (and, after a high surrogate, the escape of its low
    /// surrogate).
    private func parseUnicodeEscape(at index: inout Int) throws(JSONParseError) -> Unicode.Scalar {
        let first = try hexQuad(at: index)
        index += 4
        if (0xD800..<0xDC00).contains(first) {
            guard index + 6 <= input.count, input[index] == UInt8(ascii: "\\"),
                input[index + 1] == UInt8(ascii: "u")
            else { throw failure(.syntax, at: index) }
            let second = try hexQuad(at: index + 2)
            guard (0xDC00..<0xE000).contains(second) else { throw failure(.syntax, at: index) }
            index += 6
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(combined)!
        }
        guard let scalar = Unicode.Scalar(first) else { throw failure(.syntax, at: index - 4) }
        return scalar
    }

    /// Reads a number: an `Int64` when it has no fraction or exponent and fits, else a double.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var index = position
        if index < input.count && input[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < input.count && isDigit(input[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { throw failure(.syntax, at: start) }
        if integerDigits > 1 && input[integerStart] == UInt8(ascii: "0") {
            throw failure(.syntax, at: integerStart)
        }
        var isInteger = true
        if index < input.count && input[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            while index < input.count && isDigit(input[index]) { index += 1 }
            guard index > fractionStart else { throw failure(.syntax, at: index) }
        }
        if index < input.count && (input[index] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < input.count && (input[index] == 0x2B || input[index] == 0x2D) { index += 1 }
            let exponentStart = index
            while index < input.count && isDigit(input[index]) { index += 1 }
            guard index > exponentStart else { throw failure(.syntax, at: index) }
        }
        position = index
        let text = String(
            decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .int(integer) }
        guard let double = Double(text), double.isFinite else { throw failure(.syntax, at: start) }
        return .double(double)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
