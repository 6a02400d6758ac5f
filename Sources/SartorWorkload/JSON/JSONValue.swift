/// A JSON document as the workload writes and reads it.
///
/// Objects are dictionaries: key order carries no meaning in RTDB, so two values are equal when
/// they hold the same members. `canonicalBytes` writes keys in byte order, which makes the
/// encoding a fingerprint that the integrity check can compare.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or nil for a missing member or a value that is no object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string held, or nil when the value is not a string.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The boolean held, or nil when the value is not a boolean.
    public var boolValue: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    /// The members of an object, or nil when the value is not an object.
    public var objectValue: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// A copy of an object with `members` merged in (a shallow merge, as RTDB's PATCH does).
    /// A value that is not an object is returned unchanged.
    public func merging(_ members: [String: JSONValue]) -> JSONValue {
        guard case .object(var current) = self else { return self }
        current.merge(members) { _, new in new }
        return .object(current)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
