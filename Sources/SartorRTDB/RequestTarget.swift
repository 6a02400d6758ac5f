/// Where a request points: a location, and whether it addresses the location's priority.
struct RequestTarget: Equatable {
    var path: DatabasePath
    /// The URL ended in `/.priority.json`.
    var isPriority: Bool

    /// Parses a raw request path: `.json` suffix required, segments percent-decoded one by
    /// one, empty segments ignored, every key checked against `KeyRules`.
    static func parse(_ raw: String) -> Result<RequestTarget, RouteFailure> {
        guard raw.hasSuffix(".json") else { return .failure(.missingSuffix) }
        let stem = raw.dropLast(5)
        var keys: [String] = []
        var isPriority = false
        let segments = stem.split(separator: "/", omittingEmptySubsequences: true)
        for (index, segment) in segments.enumerated() {
            guard let key = percentDecoded(segment) else { return .failure(.invalidPath) }
            if key == ".priority" && index == segments.count - 1 && !keys.isEmpty {
                isPriority = true
                continue
            }
            guard KeyRules.isValidKey(key) else { return .failure(.invalidPath) }
            keys.append(key)
        }
        let path = DatabasePath(keys)
        guard path.byteCount <= KeyRules.maximumKeyBytes else { return .failure(.pathTooLong) }
        guard keys.count <= KeyRules.maximumDepth else { return .failure(.pathTooDeep) }
        return .success(RequestTarget(path: path, isPriority: isPriority))
    }

    /// `%XX` sequences decoded as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ segment: Substring) -> String? {
        guard segment.utf8.contains(UInt8(ascii: "%")) else { return String(segment) }
        var bytes: [UInt8] = []
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue),
                let low = iterator.next().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

enum RouteFailure: Error {
    case missingSuffix
    case invalidPath
    case pathTooLong
    case pathTooDeep

    var response: RTDBResponse {
        switch self {
        case .missingSuffix: .missingJSONSuffix
        case .invalidPath: .error(.invalidPath)
        case .pathTooLong: .error(.pathTooLong)
        case .pathTooDeep: .error(.tooDeep)
        }
    }
}
