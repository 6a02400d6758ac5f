/// Why a JSON document was refused, with the byte offset where reading stopped.
public struct JSONParseError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Not JSON: a syntax error, invalid UTF-8 or trailing bytes.
        case syntax
        /// An object key that the database does not accept (see `KeyRules`).
        case invalidKey
        /// Containers nested deeper than the parser follows.
        case tooDeep
    }

    public let reason: Reason
    /// Zero-based byte offset of the offending token.
    public let offset: Int
    /// One-based line and column of `offset`, as RTDB reports them.
    public let line: Int
    public let column: Int
}

/// Which object keys a parse accepts.
enum KeyCheck {
    /// Any string.
    case any
    /// Database keys; `.sv`, `.value` and `.priority` allowed; at the top level `/` separated
    /// paths are allowed too when `topLevelPaths` (the body of a PATCH).
    case database(topLevelPaths: Bool)
}

/// A recursive-descent JSON parser over UTF-8 bytes.
struct JSONParser {
    /// Deeper documents are refused before the stack is at risk; the database's own limit of
    /// 32 levels is checked later with its own message.
    static let maximumNesting = 512

    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    private let keyCheck: KeyCheck

    init(_ input: UnsafeBufferPointer<UInt8>, keyCheck: KeyCheck = .any) {
        self.input = input
        self.keyCheck = keyCheck
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard position == input.count else { throw failure(.syntax) }
        return value
    }

    func failure(_ reason: JSONParseError.Reason, at offset: Int? = nil)
        -> JSONParseError
    {
        let offset = min(offset ?? position, input.count)
        var line = 1
        var column = 1
        for index in 0..<offset {
            if input[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONParseError(reason: reason, offset: offset, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard position < input.count else { throw failure(.syntax) }
        switch input[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default: return try parseNumber()
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue)
        throws(JSONParseError) -> JSONValue
    {
        let count = word.utf8CodeUnitCount
        guard position + count <= input.count else { throw failure(.syntax) }
        for index in 0..<count where input[position + index] != word.utf8Start[index] {
            throw failure(.syntax)
        }
        position += count
        return value
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maximumNesting else { throw failure(.tooDeep) }
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < input.count && input[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < input.count, input[position] == UInt8(ascii: "\"") else {
                throw failure(.syntax)
            }
            let keyStart = position
            let key = try parseString()
            guard isAcceptable(key, depth: depth) else { throw failure(.invalidKey, at: keyStart) }
            skipWhitespace()
            guard position < input.count, input[position] == UInt8(ascii: ":") else {
                throw failure(.syntax)
            }
            position += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth)
            skipWhitespace()
            guard position < input.count else { throw failure(.syntax) }
            if input[position] == UInt8(ascii: ",") {
                position += 1
            } else if input[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            } else {
                throw failure(.syntax)
            }
        }
    }

    private func isAcceptable(_ key: String, depth: Int) -> Bool {
        switch keyCheck {
        case .any: return true
        case .database(let topLevelPaths):
            if KeyRules.isSpecialBodyKey(key) { return true }
            if topLevelPaths && depth == 1 { return KeyRules.isValidPathKey(key) }
            return KeyRules.isValidKey(key)
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maximumNesting else { throw failure(.tooDeep) }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < input.count && input[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < input.count else { throw failure(.syntax) }
            if input[position] == UInt8(ascii: ",") {
                position += 1
            } else if input[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            } else {
                throw failure(.syntax)
            }
        }
    }
}
