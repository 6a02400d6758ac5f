/// Short, fixed-precision renderings of numbers for narrow columns.
enum Format {
    /// A latency in microseconds: `850µs`, `12.3ms`, `1.23s`, `75.0s`, `12m`; `-` for none.
    static func micros(_ value: Int) -> String {
        guard value > 0 else { return "-" }
        let micros = Double(value)
        switch value {
        case ..<1_000: return "\(value)µs"
        case ..<10_000: return fixed(micros / 1_000, 2) + "ms"
        case ..<1_000_000: return fixed(micros / 1_000, micros < 100_000 ? 1 : 0) + "ms"
        case ..<10_000_000: return fixed(micros / 1_000_000, 2) + "s"
        case ..<600_000_000: return fixed(micros / 1_000_000, 1) + "s"
        default: return fixed(micros / 60_000_000, 0) + "m"
        }
    }

    /// A round latency for a scale: `1ms`, `100ms`, `2.5s`, without trailing zeros.
    static func tick(_ micros: Int) -> String {
        var text = Self.micros(micros)
        for unit in ["ms", "s", "µs", "m"] where text.hasSuffix(unit) {
            var number = String(text.dropLast(unit.count))
            if number.contains(".") {
                while number.hasSuffix("0") { number.removeLast() }
                if number.hasSuffix(".") { number.removeLast() }
            }
            text = number + unit
            break
        }
        return text
    }

    /// A weight of the mix: `30`, or `2.5` when it is not whole.
    static func weight(_ value: Double) -> String {
        value == value.rounded() ? fixed(value, 0) : fixed(value, 1)
    }

    /// A count: `999`, `12.3k`, `1.23M`.
    static func count(_ value: Int) -> String {
        switch abs(value) {
        case ..<10_000: return "\(value)"
        case ..<1_000_000: return fixed(Double(value) / 1_000, value < 100_000 ? 1 : 0) + "k"
        default: return fixed(Double(value) / 1_000_000, 2) + "M"
        }
    }

    /// A rate: `0.4`, `12.5`, `234`, `12.3k`.
    static func rate(_ value: Double) -> String {
        switch value {
        case ..<10: return fixed(value, 1)
        case ..<10_000: return fixed(value, 0)
        default: return count(Int(value.rounded()))
        }
    }

    /// A fraction 0...1 as a percentage: `0.00%`, `12.5%`, `100%`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return fixed(value, value < 10 ? 2 : value < 100 ? 1 : 0) + "%"
    }

    /// A time of day of the run: `03:07` or `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded(.down)))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let mmss = two(minutes) + ":" + two(rest)
        return hours > 0 ? "\(hours):" + mmss : mmss
    }

    /// Time left, rounded up, so that with the elapsed time (rounded down by `clock`) it adds
    /// up to a whole-second duration: `01:35` elapsed and `03:25` remaining of five minutes.
    static func countdown(_ seconds: Double) -> String {
        clock(seconds.rounded(.up))
    }

    /// `clock` with tenths, for the error feed: `03:07.4`.
    static func clockTenths(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded(.down)) % 10
        return clock(seconds) + ".\(tenths)"
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + "\(scaled)" }
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return sign + "\(whole)." + fraction
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
