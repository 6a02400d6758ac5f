/// The query parameters of a request, parsed and checked.
struct RequestOptions {
    enum Print: Equatable {
        case compact
        case pretty
        case silent
    }

    var print = Print.compact
    var export = false
    var shallow = false
    var query: Query?
    var timeoutMillis: Int64?
    var callback: String?
    var download: String?
    var methodOverride: String?
    var credentials: [String] = []

    var render: RenderOptions { RenderOptions(pretty: print == .pretty, export: export) }

    static let accepted: Set<String> = [
        "print", "format", "shallow", "timeout", "auth", "access_token",
        "auth_variable_override", "ns", "writeSizeLimit", "disableTriggers", "download",
        "callback", "x-http-method-override", "sse",
    ]

    static let writeSizeLimits: Set<String> = ["tiny", "small", "medium", "large", "unlimited"]

    init(_ items: [(name: String, value: String)]) throws(RTDBError) {
        if let repeated = Self.firstRepeatedName(items) { throw .repeatedParameter(repeated) }
        var queryItems: [(String, String)] = []
        for (name, value) in items {
            if Query.parameterNames.contains(name) {
                queryItems.append((name, value))
                continue
            }
            guard Self.accepted.contains(name) else { throw .unsupportedParameter(name) }
            try apply(name, value)
        }
        if !queryItems.isEmpty {
            let parsed = try Query(queryItems)
            if shallow && parsed.hasOrderingOrRange { throw .shallowWithQuery }
            query = parsed
        }
    }

    private mutating func apply(_ name: String, _ value: String) throws(RTDBError) {
        switch name {
        case "print":
            switch value {
            case "pretty": print = .pretty
            case "silent": print = .silent
            default: throw .invalidParameter(name, value)
            }
        case "format":
            guard value == "export" else { throw .invalidParameter(name, value) }
            export = true
        case "shallow":
            guard value == "true" || value == "false" else { throw .invalidParameter(name, value) }
            shallow = value == "true"
        // Limitation: reads are served from memory and never run out of time, so a valid
        // timeout never triggers RTDB's 400.
        case "timeout": timeoutMillis = try Self.parseTimeout(value)
        case "auth", "access_token": credentials.append(value)
        // Limitation: writeSizeLimit is checked but not enforced: in-memory writes finish in
        // far less than the smallest limit (1 s).
        case "writeSizeLimit":
            guard Self.writeSizeLimits.contains(value) else { throw .invalidParameter(name, value) }
        case "callback":
            let allowed = value.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || "_$.".unicodeScalars.contains($0))
            }
            guard allowed, !value.isEmpty else { throw .invalidParameter(name, value) }
            callback = value
        case "download": download = value
        case "x-http-method-override": methodOverride = value.uppercased()
        // Limitation: there are no security rules, so auth_variable_override downscopes
        // nothing; a request with the secret is an admin, one without is refused.
        default: break
        }
    }

    /// The first name that appears twice: every parameter may be given once (RTDB documents
    /// it for `orderBy`; for the others a second value would silently win).
    static func firstRepeatedName(_ items: [(name: String, value: String)]) -> String? {
        // Requests carry a handful of parameters: a scan allocates nothing on the write path.
        guard items.count > 16 else {
            for index in items.indices.dropFirst()
            where items[..<index].contains(where: { $0.name == items[index].name }) {
                return items[index].name
            }
            return nil
        }
        var seen = Set<String>()
        return items.first { !seen.insert($0.name).inserted }?.name
    }

    /// `<n>ms`, `<n>s` or `<n>min`, from 1 ms to 15 min.
    static func parseTimeout(_ text: String) throws(RTDBError) -> Int64 {
        let units: [(suffix: String, millis: Int64)] = [("ms", 1), ("min", 60_000), ("s", 1000)]
        for (suffix, millis) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                digits.count < 10, let count = Int64(digits)
            else { throw .invalidTimeout }
            let total = count * millis
            guard total >= 1 && total <= 15 * 60_000 else { throw .invalidTimeout }
            return total
        }
        throw .invalidTimeout
    }
}
