/// A command line the parser refused, told in the user's terms.
///
/// Rendered as `<flag>: "<value>" <problem>; <hint>`, each part present only when known, e.g.
/// `--duration: "10x" is not a duration; use e.g. 30s, 5m`. The executable maps it to exit
/// code 64.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The option or positional as the user wrote it (`--duration`, `-n`, `FILE`), if any.
    public var flag: String?
    /// The offending value, quoted in the message, if any.
    public var value: String?
    /// What is wrong, as a sentence fragment (`is not a duration`).
    public var problem: String
    /// What to write instead (`use e.g. 30s, 5m`), if there is something useful to say.
    public var hint: String?

    public init(flag: String? = nil, value: String? = nil, problem: String, hint: String? = nil) {
        self.flag = flag
        self.value = value
        self.problem = problem
        self.hint = hint
    }

    /// Wraps a value parser's complaint with the option it was given to.
    public init(flag: String, value: String, _ error: ValueError) {
        self.init(flag: flag, value: value, problem: error.problem, hint: error.hint)
    }

    public var description: String {
        var text = ""
        if let flag { text += "\(flag): " }
        if let value { text += "\"\(value)\" " }
        text += problem
        if let hint { text += "; \(hint)" }
        return text
    }
}

/// A value parser's complaint about one piece of text, before it is tied to an option.
public struct ValueError: Error, Equatable, Sendable {
    /// What is wrong (`is not a duration`).
    public var problem: String
    /// The accepted form (`use e.g. 30s, 5m`).
    public var hint: String?

    public init(_ problem: String, hint: String? = nil) {
        self.problem = problem
        self.hint = hint
    }
}

/// Thrown by the parser when the user asked for `--help`; carries the text to print.
public struct HelpRequest: Error, Equatable, Sendable {
    public var text: String

    public init(text: String) {
        self.text = text
    }
}
