import SartorCommandLine

extension ReportContext {
    /// Separates the values of a repeated option in `configuration`.
    public static let valueSeparator = "; "

    /// Every option's effective value as text, for `configuration`: the value given (the last
    /// one, for an option that keeps one), else the default. A repeatable option given several
    /// times keeps them all, in order, joined by `valueSeparator` (`p95<1500ms; error_rate<1%`).
    /// Flags read `true`; the options in `masked` read `***` when given, so that a report
    /// never shows a token.
    public static func configuration(
        _ parsed: ParsedCommand, masking masked: Set<String> = ["auth"]
    )
        -> [String: String]
    {
        var result: [String: String] = [:]
        for option in parsed.spec.options {
            let given = parsed.texts(option.long)
            if masked.contains(option.long) {
                if !given.isEmpty { result[option.long] = "***" }
                continue
            }
            let values = option.repeatable ? given : given.suffix(1)
            if option.kind == .flag {
                if !given.isEmpty { result[option.long] = "true" }
            } else if !values.isEmpty {
                result[option.long] = values.joined(separator: valueSeparator)
            } else if let text = option.defaultValue {
                result[option.long] = text
            }
        }
        return result
    }
}
