import Testing

@testable import SartorCommandLine

@Suite struct HelpTests {
    @Test func commandHelpIsGenerated() {
        let expected = """
            USAGE: tool run [options] [FILE...]

            Run the sample load.

            Runs agents against a target.

            ARGUMENTS:
              FILE  Inputs.

            OPTIONS:
              -a, --agents <n>             Number of virtual agents. (default: 10)
              -d, --duration <duration>    How long to run. (default: 1m)
                  --think <min..max>       Pause between steps. (default: 2s..8s)
                  --rate <rate>            Open-model arrival rate.
                  --mix <name=weight,...>  Operation weights.
                  --claim <safe|naive>     Claim mode. (default: safe)
                  --threshold <rule>       A pass/fail criterion. (repeatable)
                  --no-tui                 Print status lines instead of the dashboard.
              -h, --help                   Show this help and exit.

            EXAMPLES:
              tool run -a 64 -d 30s
                  64 agents for 30 seconds.

            """
        #expect(sampleCommand.helpText() == expected)
    }

    @Test func longTextWrapsUnderItsColumn() {
        let spec = CommandSpec(
            name: "tool x", abstract: "Does x.",
            options: [
                OptionSpec(
                    "level", kind: .integer(0...9),
                    help: "One two three four five six seven eight nine ten eleven twelve."),
                OptionSpec(
                    "an-option-whose-name-is-far-too-long-for-the-column", kind: .flag,
                    help: "Described below its name."),
            ])
        let expected = """
            USAGE: tool x [options]

            Does x.

            OPTIONS:
                  --level <n>                     One two three four five six seven
                                                  eight nine ten eleven twelve.
                  --an-option-whose-name-is-far-too-long-for-the-column
                                                  Described below its name.
              -h, --help                          Show this help and exit.

            """
        #expect(spec.helpText(width: 75) == expected)
    }
}

@Suite struct ToolSpecTests {
    let tool = ToolSpec(
        name: "tool", abstract: "A sample tool.", version: "1.2.3",
        commands: [sampleCommand, CommandSpec(name: "tool serve", abstract: "Serve data.")],
        defaultCommand: "run")

    @Test func routesToNamedAndDefaultCommands() throws {
        guard case .command("serve", _) = try tool.route(["serve"]) else {
            Issue.record("serve not routed")
            return
        }
        guard case .command("run", let parsed) = try tool.route(["-a", "5"]) else {
            Issue.record("default command not routed")
            return
        }
        #expect(parsed.integer("agents") == 5)
        guard case .command("run", _) = try tool.route([]) else {
            Issue.record("empty command line not routed to the default")
            return
        }
    }

    @Test func answersHelpAndVersion() throws {
        guard case .help(let text) = try tool.route(["--help"]) else {
            Issue.record("no tool help")
            return
        }
        #expect(
            text == """
                USAGE: tool <command> [options]

                A sample tool.

                COMMANDS:
                  run    Run the sample load. (the default command)
                  serve  Serve data.

                The command may be left out: with no arguments, or when the first one is an option, the command is
                run.

                See 'tool help <command>' or 'tool <command> --help' for a command's options.
                'tool --version' prints the version.

                """)
        guard case .help(let runHelp) = try tool.route(["help", "run"]) else {
            Issue.record("no command help")
            return
        }
        #expect(runHelp == sampleCommand.helpText())
        guard case .help(let flagHelp) = try tool.route(["run", "--help"]) else {
            Issue.record("no command help from --help")
            return
        }
        #expect(flagHelp == sampleCommand.helpText())
        guard case .version("tool 1.2.3") = try tool.route(["--version"]) else {
            Issue.record("no version")
            return
        }
    }

    @Test func versionAndHelpAnswerWhereverAsked() throws {
        guard case .version("tool 1.2.3") = try tool.route(["run", "-a", "5", "--version"]) else {
            Issue.record("no version after a command")
            return
        }
        guard case .help(let text) = try tool.route(["help", "help"]) else {
            Issue.record("no tool help for help help")
            return
        }
        #expect(text == tool.helpText())
        // After --, --version is a positional like any other.
        guard case .command("run", let parsed) = try tool.route(["run", "--", "--version"]) else {
            Issue.record("-- --version not passed through")
            return
        }
        #expect(parsed.positional("FILE") == ["--version"])
    }

    @Test func refusesUnknownCommands() {
        #expect(
            throws: UsageError(
                value: "serv", problem: "is not a command", hint: "did you mean serve?")
        ) {
            try tool.route(["serv"])
        }
        #expect(
            throws: UsageError(
                value: "zzzzzz", problem: "is not a command", hint: "commands are run, serve")
        ) { try tool.route(["help", "zzzzzz"]) }
        #expect(throws: UsageError(problem: "unknown option --bogus", hint: "see tool run --help"))
        {
            try tool.route(["--bogus"])
        }
    }

    @Test func withoutDefaultCommandOptionsAreRefused() throws {
        let bare = ToolSpec(
            name: "tool", abstract: "", version: "1", commands: [], defaultCommand: "run")
        #expect(throws: UsageError(problem: "unknown option --x", hint: "see tool --help")) {
            try bare.route(["--x"])
        }
        guard case .help = try bare.route([]) else {
            Issue.record("an empty tool should show help")
            return
        }
    }
}
