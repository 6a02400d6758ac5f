import Foundation

/// Number formatting shared by every text the reports produce; locale-independent.
enum Format {
    /// `value` with up to `decimals` decimals, trailing zeros dropped: `12`, `12.5`.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Milliseconds with three significant digits or whole numbers: `0.412 ms`, `12.3 ms`,
    /// `1234 ms`.
    static func milliseconds(_ value: Double) -> String {
        let decimals = value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0
        return "\(String(format: "%.\(decimals)f", value)) ms"
    }

    /// Microseconds shown as milliseconds.
    static func micros(_ value: Int) -> String {
        milliseconds(Double(value) / 1000)
    }

    /// A fraction as a percentage: `1.25%`.
    static func percent(_ fraction: Double) -> String {
        "\(number(fraction * 100))%"
    }

    /// Bytes in binary units: `512 B`, `1.5 KiB`, `3.2 MiB`.
    static func bytes(_ count: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(String(format: "%.1f", value)) \(units[unit])"
    }

    /// Seconds as `1h02m03s`, `2m05s`, `12.3s` or, under a second, `43ms`.
    static func elapsed(_ seconds: Double) -> String {
        // A short run (a few operations) would otherwise read "0s".
        if seconds > 0, seconds < 0.95 { return "\(Int((seconds * 1000).rounded()))ms" }
        guard seconds >= 60 else { return "\(number(seconds, decimals: 1))s" }
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let tail = String(format: "%02dm%02ds", minutes, rest)
        return hours > 0 ? "\(hours)h\(tail)" : "\(minutes)m\(String(format: "%02ds", rest))"
    }
}
