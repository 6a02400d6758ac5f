/// An ordering and filtering query (`orderBy`, `limitTo*`, `startAt`, ...), parsed from the
/// request's JSON-encoded parameters.
struct Query {
    enum Index: Equatable {
        case key
        case value
        case priority
        case child(DatabasePath)
    }

    /// One end of a range: a primitive, an optional tie-breaking key, and exclusivity.
    struct Bound {
        var value: SortValue
        var key: String?
        var exclusive: Bool
    }

    static let parameterNames: Set<String> = [
        "orderBy", "limitToFirst", "limitToLast", "startAt", "endAt", "equalTo",
        "startAfter", "endBefore",
    ]

    // Limitation: `.indexOn` is not enforced (as in the emulator), so ordering by a child or
    // by `$value` never answers RTDB's "Index not defined" 400.

    /// nil when no `orderBy` was given: limits then use the default (priority) order.
    var index: Index?
    var limitToFirst: Int?
    var limitToLast: Int?
    var start: Bound?
    var end: Bound?

    var hasOrderingOrRange: Bool { index != nil || start != nil || end != nil }

    init(_ items: [(name: String, value: String)]) throws(RTDBError) {
        var ranges: [(String, String)] = []
        for (name, value) in items {
            switch name {
            case "orderBy": index = try Self.parseIndex(value)
            case "limitToFirst": limitToFirst = try Self.parseLimit(name, value)
            case "limitToLast": limitToLast = try Self.parseLimit(name, value)
            default: ranges.append((name, value))
            }
        }
        if limitToFirst != nil && limitToLast != nil {
            throw .unsupported("Combining limitToFirst and limitToLast")
        }
        guard ranges.isEmpty || index != nil else { throw .invalidOrderBy }
        try Self.checkRangeCombination(ranges.map(\.0))
        for (name, text) in ranges {
            let bound = try Self.parseBound(
                text,
                exclusive: name == "startAfter"
                    || name == "endBefore")
            if index == .key, case .string = bound.value {
            } else if index == .key {
                throw .invalidConstraintValue
            }
            switch name {
            case "startAt", "startAfter": start = bound
            case "endAt", "endBefore": end = bound
            default:
                start = bound
                end = bound
            }
        }
    }

    /// One start and one end at most, and `equalTo` alone, as the SDKs build queries: RTDB's
    /// answer to other combinations is not documented, and any choice among them would be
    /// a guess.
    static func checkRangeCombination(_ names: [String]) throws(RTDBError) {
        let starts = names.filter { $0 == "startAt" || $0 == "startAfter" }
        let ends = names.filter { $0 == "endAt" || $0 == "endBefore" }
        if names.contains("equalTo"), let other = names.first(where: { $0 != "equalTo" }) {
            throw .unsupported("Combining equalTo and \(other)")
        }
        if starts.count > 1 { throw .unsupported("Combining \(starts[0]) and \(starts[1])") }
        if ends.count > 1 { throw .unsupported("Combining \(ends[0]) and \(ends[1])") }
    }

    static func parseIndex(_ text: String) throws(RTDBError) -> Index {
        guard case .string(let name)? = try? JSONValue(parsing: text) else {
            throw .invalidOrderBy
        }
        switch name {
        case "$key": return .key
        case "$value": return .value
        case "$priority": return .priority
        default:
            guard let path = DatabasePath(validating: name), !path.isRoot else {
                throw .invalidOrderBy
            }
            return .child(path)
        }
    }

    static func parseLimit(_ name: String, _ text: String) throws(RTDBError) -> Int {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), text.count < 10,
            let count = Int(text)
        else { throw .invalidParameter(name, text) }
        return count
    }

    /// `<json primitive>` or `<json primitive>,<key>` where the key is JSON-quoted or bare.
    static func parseBound(_ text: String, exclusive: Bool) throws(RTDBError) -> Bound {
        if let value = try? JSONValue(parsing: text) {
            return Bound(value: try sortValue(value), key: nil, exclusive: exclusive)
        }
        var commas = text.indices.filter { text[$0] == "," }
        commas.reverse()
        for comma in commas {
            guard let value = try? JSONValue(parsing: String(text[..<comma])) else { continue }
            let keyText = String(text[text.index(after: comma)...])
            let key: String
            if case .string(let quoted)? = try? JSONValue(parsing: keyText) {
                key = quoted
            } else {
                key = keyText
            }
            guard KeyRules.isValidKey(key) else { throw .invalidConstraintKey }
            return Bound(value: try sortValue(value), key: key, exclusive: exclusive)
        }
        throw .invalidConstraintValue
    }

    private static func sortValue(_ value: JSONValue) throws(RTDBError) -> SortValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return flag ? .true : .false
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .array, .object: throw .invalidConstraintValue
        }
    }
}
