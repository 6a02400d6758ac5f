/// The whole tool: its subcommands and which one runs when none is named.
public struct ToolSpec: Sendable {
    public var name: String
    public var abstract: String
    public var version: String
    public var commands: [CommandSpec]
    /// The subcommand name used when the first argument names none (e.g. `run`).
    public var defaultCommand: String?

    public init(
        name: String, abstract: String, version: String, commands: [CommandSpec],
        defaultCommand: String?
    ) {
        self.name = name
        self.abstract = abstract
        self.version = version
        self.commands = commands
        self.defaultCommand = defaultCommand
    }

    /// What a command line asks for.
    public enum Route: Sendable {
        case help(String)
        case version(String)
        /// The subcommand's short name (`run`) and its parsed arguments.
        case command(String, ParsedCommand)
    }

    /// Picks the subcommand and parses its arguments. Throws `UsageError`; `--help` anywhere
    /// in a subcommand's arguments yields `.help` with that subcommand's text.
    public func route(_ arguments: [String]) throws -> Route {
        guard let first = arguments.first else {
            guard let fallback = command(named: defaultCommand) else { return .help(helpText()) }
            return try parse(fallback, [])
        }
        switch first {
        case "--help", "-h": return .help(helpText())
        case "--version": return .version("\(name) \(version)")
        case "help":
            guard let topic = arguments.dropFirst().first, topic != "help" else {
                return .help(helpText())
            }
            guard let command = command(named: topic) else { throw unknownCommand(topic) }
            return .help(command.helpText())
        default: break
        }
        if let command = command(named: first) {
            return try parse(command, Array(arguments.dropFirst()))
        }
        guard let fallback = command(named: defaultCommand), first.hasPrefix("-") else {
            if first.hasPrefix("-") {
                throw UsageError(problem: "unknown option \(first)", hint: "see \(name) --help")
            }
            throw unknownCommand(first)
        }
        return try parse(fallback, arguments)
    }

    private func parse(_ command: CommandSpec, _ arguments: [String]) throws -> Route {
        // `--version` after a command name still means the tool's version.
        if arguments.prefix(while: { $0 != "--" }).contains("--version") {
            return .version("\(name) \(version)")
        }
        do {
            return .command(shortName(command), try command.parse(arguments))
        } catch let request as HelpRequest {
            return .help(request.text)
        }
    }

    private func command(named short: String?) -> CommandSpec? {
        commands.first { shortName($0) == short }
    }

    private func shortName(_ command: CommandSpec) -> String {
        String(command.name.split(separator: " ").last ?? "")
    }

    private func unknownCommand(_ word: String) -> UsageError {
        let names = commands.map(shortName)
        let hint = NearestName.find(word, among: names).map { "did you mean \($0)?" }
        return UsageError(
            value: word, problem: "is not a command",
            hint: hint ?? "commands are \(names.joined(separator: ", "))")
    }

    /// The tool's own help: what it is and its subcommands.
    public func helpText(width: Int = 100) -> String {
        var sections = [
            "USAGE: \(name) <command> [options]",
            HelpLayout.wrap(abstract, width: width, indent: 0),
        ]
        let rows = commands.map { command in
            let short = shortName(command)
            let note = short == defaultCommand ? " (the default command)" : ""
            return (short, command.abstract + note)
        }
        if !rows.isEmpty { sections.append("COMMANDS:\n" + HelpLayout.table(rows, width: width)) }
        if let fallback = defaultCommand {
            let note =
                "The command may be left out: with no arguments, or when the first one is an "
                + "option, the command is \(fallback)."
            sections.append(HelpLayout.wrap(note, width: width, indent: 0))
        }
        sections.append(
            "See '\(name) help <command>' or '\(name) <command> --help' for a command's options.\n"
                + "'\(name) --version' prints the version.")
        return sections.joined(separator: "\n\n") + "\n"
    }
}
