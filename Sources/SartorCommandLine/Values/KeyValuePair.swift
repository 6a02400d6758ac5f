/// One `key=value` item of a comma-separated list such as `direct_message=30,broadcast=10`.
public struct KeyValuePair: Equatable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public static let hint = "use e.g. a=1,b=2"

    /// Parses a list, keeping the order as written; a key may appear once.
    public static func parseList(_ text: String) throws(ValueError) -> [KeyValuePair] {
        var pairs: [KeyValuePair] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValueError("is not a list of key=value pairs", hint: hint)
            }
            let pair = KeyValuePair(key: String(parts[0]), value: String(parts[1]))
            guard !pairs.contains(where: { $0.key == pair.key }) else {
                throw ValueError("names \(pair.key) twice", hint: "give each key once")
            }
            pairs.append(pair)
        }
        return pairs
    }

    /// Parses a list whose values are weights: numbers of zero or more (`a=30,b=10`).
    public static func parseWeights(_ text: String) throws(ValueError) -> [(String, Double)] {
        let hint = "use e.g. a=30,b=10 (weights of zero or more)"
        let pairs: [KeyValuePair]
        do { pairs = try parseList(text) } catch { throw ValueError(error.problem, hint: hint) }
        return try pairs.map { pair throws(ValueError) in
            guard let weight = Double(pair.value), weight.isFinite, weight >= 0 else {
                throw ValueError("gives \(pair.key) the weight \"\(pair.value)\"", hint: hint)
            }
            return (pair.key, weight)
        }
    }
}

/// One step of a load profile: ramp to `target` (agents or operations per second) over
/// `duration`. Written `30s:10`; a list is `30s:10,1m:200,30s:10`.
public struct Stage: Equatable, Sendable {
    public var duration: Duration
    public var target: Double

    public init(duration: Duration, target: Double) {
        self.duration = duration
        self.target = target
    }

    public static let hint = "use e.g. 30s:10,1m:200,30s:10 (duration:target, ...)"

    public static func parseList(_ text: String) throws(ValueError) -> [Stage] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map {
            item throws(ValueError) in
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ValueError("is not a list of stages", hint: hint) }
            do {
                return Stage(
                    duration: try DurationSyntax.parse(String(parts[0])),
                    target: try RateSyntax.parse(String(parts[1])))
            } catch {
                throw ValueError("has a bad stage \"\(item)\"", hint: hint)
            }
        }
    }
}
