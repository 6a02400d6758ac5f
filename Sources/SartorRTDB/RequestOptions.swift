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
        case "timeout": timeoutMillis = try Self.parseTimeout(value)
        case "auth", "access_token": credentials.append(value)
        case "writeSizeLimit":
            guard Self.writeSizeLimits.contains(value) else { throw .invalidParameter(name, value) }
        case "callback": callback = value
        case "download": download = value
        case "x-http-method-override": methodOverride = value.uppercased()
        default: break
        }
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
