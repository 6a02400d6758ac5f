/// A JSON value that keeps integers and doubles apart, as the database does.
///
/// Integers that fit in `Int64` stay `.int`; any number written with a fraction or an exponent,
/// or too large for `Int64`, is a `.double`. NaN and the infinities are never produced by the
/// parser and are refused by the serializer's callers.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// Parses `text` as one JSON document; throws `JSONParseError` with RTDB's message.
    public init(parsing text: String) throws(JSONParseError) {
        var bytes = Array(text.utf8)
        self = try bytes.withUnsafeMutableBufferPointer { buffer throws(JSONParseError) in
            var parser = JSONParser(UnsafeBufferPointer(buffer))
            return try parser.parseDocument()
        }
    }

    /// Parses UTF-8 bytes as one JSON document.
    public init(parsing bytes: [UInt8]) throws(JSONParseError) {
        self = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var parser = JSONParser(buffer)
            return try parser.parseDocument()
        }
    }

    /// Compact JSON (no spaces); object keys in ascending byte order.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// JSON as UTF-8 bytes, compact or in RTDB's pretty form (2 spaces, `" : "`).
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self)
        return writer.bytes
    }

    /// The object's members, or nil when this is not an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Member lookup for objects; nil for anything else or a missing key.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONWriter {
    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeNull()
        case .bool(let flag): writeBool(flag)
        case .int(let number): writeInt(number)
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            beginArray()
            for element in elements {
                nextElement()
                write(element)
            }
            endArray(empty: elements.isEmpty)
        case .object(let members):
            beginObject()
            for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                writeKey(key)
                write(members[key]!)
            }
            endObject(empty: members.isEmpty)
        }
    }
}
