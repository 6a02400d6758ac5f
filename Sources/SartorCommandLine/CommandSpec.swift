/// One option of a command, declared once: it both parses and documents itself.
public struct OptionSpec: Sendable {
    /// Without the dashes: `duration` for `--duration`.
    public var long: String
    public var short: Character?
    public var kind: ValueKind
    /// What help calls the value (`dir` shows `<dir>`); nil for the kind's own placeholder.
    public var valueName: String?
    /// The value used when the option is absent, written as the user would write it (`30s`).
    public var defaultValue: String?
    public var help: String
    /// Whether the option may be given more than once (each value is kept, in order).
    public var repeatable: Bool

    public init(
        _ long: String, short: Character? = nil, kind: ValueKind, value valueName: String? = nil,
        default defaultValue: String? = nil,
        repeatable: Bool = false, help: String
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        self.valueName = valueName
        self.defaultValue = defaultValue
        self.help = help
        self.repeatable = repeatable
    }

    /// `-d, --duration <duration>` as shown in help.
    var label: String {
        let names = (short.map { "-\($0), " } ?? "    ") + "--\(long)"
        return kind == .flag ? names : "\(names) \(placeholder)"
    }

    /// `<dir>`, or the kind's placeholder (`<duration>`).
    var placeholder: String {
        valueName.map { "<\($0)>" } ?? kind.placeholder
    }
}

/// A positional argument: `FILE`, optionally several.
public struct PositionalSpec: Sendable {
    public var name: String
    public var help: String
    /// Whether at least one must be given.
    public var required: Bool
    /// Whether it takes every remaining argument.
    public var variadic: Bool

    public init(_ name: String, required: Bool = true, variadic: Bool = false, help: String) {
        self.name = name
        self.help = help
        self.required = required
        self.variadic = variadic
    }
}

/// A worked example shown under EXAMPLES in help: the command line and what it does.
public struct Example: Sendable {
    public var command: String
    public var explanation: String

    public init(_ command: String, _ explanation: String) {
        self.command = command
        self.explanation = explanation
    }
}

/// The declaration of a command: its name, what it does, its options, positionals and examples.
/// `--help`/`-h` is added by the parser.
public struct CommandSpec: Sendable {
    /// The full invocation prefix shown in usage, e.g. `sartor-load run`.
    public var name: String
    /// One line, shown in the tool's command list.
    public var abstract: String
    /// Paragraphs shown under the usage line.
    public var discussion: String
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    public var examples: [Example]

    public init(
        name: String, abstract: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], examples: [Example] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.examples = examples
    }

    static let helpOption = OptionSpec(
        "help", short: "h", kind: .flag, help: "Show this help and exit.")

    func option(long: String) -> OptionSpec? {
        long == "help" ? Self.helpOption : options.first { $0.long == long }
    }

    func option(short: Character) -> OptionSpec? {
        short == "h" ? Self.helpOption : options.first { $0.short == short }
    }

    /// Checks the declaration itself: unique names, and defaults that parse. Meant for tests.
    public func validate() throws {
        let longs = options.map(\.long) + ["help"]
        let shorts = options.compactMap(\.short) + ["h"]
        if Set(longs).count != longs.count || Set(shorts).count != shorts.count {
            throw UsageError(flag: name, problem: "declares an option name twice")
        }
        for option in options {
            guard let value = option.defaultValue else { continue }
            do { _ = try option.kind.parse(value) } catch {
                throw UsageError(flag: "--\(option.long)", value: value, error)
            }
        }
    }
}
