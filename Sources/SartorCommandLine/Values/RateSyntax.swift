/// Rates written `50/s`, `600/m`, `3600/h` or a plain `50` (per second), as events per second.
public enum RateSyntax {
    public static let hint = "use e.g. 50/s, 600/m or 50"

    /// Parses `text` into events per second (zero or more).
    public static func parse(_ text: String) throws(ValueError) -> Double {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let count = Double(parts[0]), count.isFinite else {
            throw ValueError("is not a rate", hint: hint)
        }
        guard count >= 0 else { throw ValueError("is negative", hint: hint) }
        guard parts.count == 2 else { return count }
        switch parts[1] {
        case "s": return count
        case "m": return count / 60
        case "h": return count / 3600
        default: throw ValueError("is not a rate", hint: "the unit is /s, /m or /h; \(hint)")
        }
    }
}

/// Fractions written as a percentage (`1%`, `0.5%`) or as a number from 0 to 1 (`0.01`).
public enum FractionSyntax {
    public static let hint = "use e.g. 1% or 0.01"

    /// Parses `text` into a fraction in 0...1.
    public static func parse(_ text: String) throws(ValueError) -> Double {
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()) : text), number.isFinite
        else { throw ValueError("is not a percentage", hint: hint) }
        let fraction = isPercent ? number / 100 : number
        guard fraction >= 0 else { throw ValueError("is negative", hint: hint) }
        guard fraction <= 1 else {
            let hint = isPercent ? "use at most 100%" : "write \(text)% for a percentage"
            throw ValueError("is more than 100%", hint: hint)
        }
        return fraction
    }
}

/// Whole numbers within bounds, with `_` allowed as a digit separator (`100_000`).
public enum IntegerSyntax {
    /// Parses `text` and checks it lies in `bounds`.
    public static func parse(_ text: String, in bounds: ClosedRange<Int>) throws(ValueError) -> Int
    {
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard let number = Int(digits) else {
            // All digits but too large for an Int: a number, just out of range.
            let unsigned = digits.hasPrefix("-") ? digits.dropFirst() : Substring(digits)
            if !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValueError("is out of range", hint: "use \(describe(bounds))")
            }
            throw ValueError("is not a whole number", hint: "use e.g. \(bounds.lowerBound)")
        }
        guard bounds.contains(number) else {
            throw ValueError("is out of range", hint: "use \(describe(bounds))")
        }
        return number
    }

    static func describe(_ bounds: ClosedRange<Int>) -> String {
        if bounds.upperBound == Int.max { return "\(bounds.lowerBound) or more" }
        return "a number from \(bounds.lowerBound) to \(bounds.upperBound)"
    }
}
