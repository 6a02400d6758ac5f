import Foundation

/// What an option takes, which decides how its text is parsed and how `--help` names it.
public enum ValueKind: Equatable, Sendable {
    /// A boolean switch: present or not, takes no value.
    case flag
    case string
    /// One of a fixed set of words.
    case choice([String])
    case integer(ClosedRange<Int>)
    /// A length of time above zero (a zero interval or deadline means nothing useful).
    case duration
    case durationRange
    /// Events per second, above zero.
    case rate
    /// A fraction 0...1, written `1%` or `0.01`.
    case fraction
    case pairs
    case weights
    case stages
    case hostPort
    case url

    /// The placeholder shown in usage and help (`<duration>`).
    public var placeholder: String {
        switch self {
        case .flag: ""
        case .string: "<value>"
        case .choice(let words): "<\(words.joined(separator: "|"))>"
        case .integer: "<n>"
        case .duration: "<duration>"
        case .durationRange: "<min..max>"
        case .rate: "<rate>"
        case .fraction: "<percent>"
        case .pairs: "<k=v,...>"
        case .weights: "<name=weight,...>"
        case .stages: "<time:target,...>"
        case .hostPort: "<host:port>"
        case .url: "<url>"
        }
    }

    /// Parses one value of this kind.
    public func parse(_ text: String) throws(ValueError) -> ArgumentValue {
        switch self {
        case .flag: return .flag(true)
        case .string: return .string(text)
        case .choice(let words):
            guard words.contains(text) else {
                var hint = "use one of \(words.joined(separator: ", "))"
                if let near = NearestName.find(text, among: words) {
                    hint = "did you mean \(near)?"
                }
                throw ValueError("is not one of \(words.joined(separator: ", "))", hint: hint)
            }
            return .string(text)
        case .integer(let bounds): return .integer(try IntegerSyntax.parse(text, in: bounds))
        case .duration:
            let duration = try DurationSyntax.parse(text)
            guard duration > .zero else {
                throw ValueError("must be above 0", hint: DurationSyntax.hint)
            }
            return .duration(duration)
        case .durationRange: return .durationRange(try DurationRange.parse(text))
        case .rate:
            let rate = try RateSyntax.parse(text)
            guard rate > 0 else { throw ValueError("must be above 0", hint: RateSyntax.hint) }
            return .number(rate)
        case .fraction: return .number(try FractionSyntax.parse(text))
        case .pairs: return .pairs(try KeyValuePair.parseList(text))
        case .weights:
            let weights = try KeyValuePair.parseWeights(text)
            return .weights(weights.map { Weight(name: $0.0, weight: $0.1) })
        case .stages: return .stages(try Stage.parseList(text))
        case .hostPort: return .hostPort(try HostPort.parse(text))
        case .url: return .url(try URLSyntax.parse(text))
        }
    }
}

/// A named weight of a `--mix`-style list.
public struct Weight: Equatable, Sendable {
    public var name: String
    public var weight: Double

    public init(name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// A parsed option value; `ParsedCommand`'s typed accessors unwrap it.
public enum ArgumentValue: Equatable, Sendable {
    case flag(Bool)
    case string(String)
    case integer(Int)
    case number(Double)
    case duration(Duration)
    case durationRange(DurationRange)
    case pairs([KeyValuePair])
    case weights([Weight])
    case stages([Stage])
    case hostPort(HostPort)
    case url(URL)
}
