/// Durations written as a number and a unit, one or more times: `250ms`, `10s`, `5m`, `1h`,
/// `1m30s`, `1.5s`, `500us`. A bare `0` means zero; any other number needs a unit.
public enum DurationSyntax {
    public static let hint = "use e.g. 30s, 5m"

    private static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ms", 1e6), ("us", 1e3), ("µs", 1e3), ("ns", 1), ("h", 3600e9), ("m", 60e9), ("s", 1e9),
    ]

    /// Parses `text`; throws a `ValueError` naming the accepted form.
    public static func parse(_ text: String) throws(ValueError) -> Duration {
        let notDuration = ValueError("is not a duration", hint: hint)
        if text == "0" { return .zero }
        var rest = Substring(text)
        var nanoseconds = 0.0
        guard !rest.isEmpty else { throw notDuration }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let amount = Double(number) else { throw notDuration }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }) else {
                throw notDuration
            }
            rest = rest.dropFirst(unit.suffix.count)
            nanoseconds += amount * unit.nanoseconds
        }
        guard nanoseconds < 1e18 else { throw ValueError("is too long", hint: "use at most 1000h") }
        return .nanoseconds(Int64(nanoseconds.rounded()))
    }

    /// Writes `duration` back in the same syntax, largest units first (`1m30s`, `250ms`).
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return duration == .zero ? "0s" : "<1ms" }
        if milliseconds % 1000 != 0 && milliseconds < 60_000 { return "\(milliseconds)ms" }
        var remaining = milliseconds / 1000
        var text = ""
        for (unit, size) in [("h", Int64(3600)), ("m", 60), ("s", 1)] where remaining >= size {
            text += "\(remaining / size)\(unit)"
            remaining %= size
        }
        return text
    }
}

/// A closed range of durations, written `2s..8s`; a single duration means a fixed value.
public struct DurationRange: Equatable, Sendable, CustomStringConvertible {
    public var lower: Duration
    public var upper: Duration

    public init(lower: Duration, upper: Duration) {
        self.lower = lower
        self.upper = upper
    }

    public static let hint = "use e.g. 2s..8s, or 5s for a fixed time"

    public static func parse(_ text: String) throws(ValueError) -> DurationRange {
        let parts = text.split(separator: "..", omittingEmptySubsequences: false)
        // `2s...8s` would otherwise read as 2s..0.8s.
        guard parts.count <= 2, !text.contains("...") else {
            throw ValueError("is not a duration range", hint: hint)
        }
        let bounds: [Duration]
        do {
            bounds = try parts.map { part throws(ValueError) in
                try DurationSyntax.parse(String(part))
            }
        } catch {
            throw ValueError("is not a duration range", hint: hint)
        }
        let range = DurationRange(lower: bounds[0], upper: bounds[bounds.count - 1])
        guard range.lower <= range.upper else {
            throw ValueError(
                "has its bounds reversed", hint: "write the smaller one first, e.g. 2s..8s")
        }
        return range
    }

    public var description: String {
        lower == upper
            ? DurationSyntax.format(lower)
            : "\(DurationSyntax.format(lower))..\(DurationSyntax.format(upper))"
    }
}
