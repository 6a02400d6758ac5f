import Testing

@testable import SartorCommandLine

/// A command declaring one option of each kind, shared by the parser and help tests.
let sampleCommand = CommandSpec(
    name: "tool run",
    abstract: "Run the sample load.",
    discussion: "Runs agents against a target.",
    options: [
        OptionSpec(
            "agents", short: "a", kind: .integer(1...10_000), default: "10",
            help: "Number of virtual agents."),
        OptionSpec(
            "duration", short: "d", kind: .duration, default: "1m", help: "How long to run."),
        OptionSpec("think", kind: .durationRange, default: "2s..8s", help: "Pause between steps."),
        OptionSpec("rate", kind: .rate, help: "Open-model arrival rate."),
        OptionSpec("mix", kind: .weights, help: "Operation weights."),
        OptionSpec(
            "claim", kind: .choice(["safe", "naive"]), default: "safe", help: "Claim mode."),
        OptionSpec(
            "threshold", kind: .string, value: "rule", repeatable: true,
            help: "A pass/fail criterion."),
        OptionSpec("no-tui", kind: .flag, help: "Print status lines instead of the dashboard."),
    ],
    positionals: [PositionalSpec("FILE", required: false, variadic: true, help: "Inputs.")],
    examples: [Example("tool run -a 64 -d 30s", "64 agents for 30 seconds.")])

@Suite struct ParserTests {
    @Test func appliesDefaults() throws {
        let parsed = try sampleCommand.parse([])
        #expect(parsed.integer("agents") == 10)
        #expect(parsed.duration("duration") == .seconds(60))
        #expect(
            parsed.durationRange("think") == DurationRange(lower: .seconds(2), upper: .seconds(8)))
        #expect(parsed.string("claim") == "safe")
        #expect(parsed.number("rate") == nil)
        #expect(parsed.flag("no-tui") == false)
        #expect(parsed.wasGiven("agents") == false)
        #expect(parsed.strings("threshold").isEmpty)
    }

    @Test(arguments: [
        ["--agents", "64", "--duration", "30s"], ["--agents=64", "--duration=30s"],
        ["-a", "64", "-d", "30s"], ["-a64", "-d30s"], ["-a=64", "-d", "30s"],
    ])
    func acceptsEverySpelling(arguments: [String]) throws {
        let parsed = try sampleCommand.parse(arguments)
        #expect(parsed.integer("agents") == 64)
        #expect(parsed.duration("duration") == .seconds(30))
        #expect(parsed.wasGiven("agents"))
    }

    @Test func readsFlagsListsAndRepeats() throws {
        let parsed = try sampleCommand.parse([
            "--no-tui", "--mix", "a=3,b=1", "--threshold", "p95<1s", "--threshold=error_rate<1%",
            "--rate", "600/m", "one.json", "two.json",
        ])
        #expect(parsed.flag("no-tui"))
        #expect(
            parsed.weights("mix") == [Weight(name: "a", weight: 3), Weight(name: "b", weight: 1)])
        #expect(parsed.strings("threshold") == ["p95<1s", "error_rate<1%"])
        #expect(parsed.texts("threshold") == ["p95<1s", "error_rate<1%"])
        #expect(parsed.number("rate") == 10)
        #expect(parsed.positional("FILE") == ["one.json", "two.json"])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try sampleCommand.parse(["-a", "2", "--", "--agents", "-x"])
        #expect(parsed.integer("agents") == 2)
        #expect(parsed.positional("FILE") == ["--agents", "-x"])
    }

    @Test(arguments: [
        (["--duration", "10x"], "--duration: \"10x\" is not a duration; use e.g. 30s, 5m"),
        (["-d", "10x"], "-d: \"10x\" is not a duration; use e.g. 30s, 5m"),
        (["--duratoin", "10s"], "unknown option --duratoin; did you mean --duration?"),
        (["--dur", "10s"], "unknown option --dur; did you mean --duration?"),
        (["--duration", "0"], "--duration: \"0\" must be above 0; use e.g. 30s, 5m"),
        (["--rate", "0/s"], "--rate: \"0/s\" must be above 0; use e.g. 50/s, 600/m or 50"),
        (["--threshold"], "--threshold: needs a value; use --threshold <rule>"),
        (["--zzzzzz"], "unknown option --zzzzzz; see tool run --help"),
        (["-q"], "unknown option -q; see tool run --help"),
        (["--duration"], "--duration: needs a value; use e.g. --duration 1m"),
        (["--rate"], "--rate: needs a value; use --rate <rate>"),
        (["--agents", "0"], "--agents: \"0\" is out of range; use a number from 1 to 10000"),
        (["--claim", "naiv"], "--claim: \"naiv\" is not one of safe, naive; did you mean naive?"),
        (
            ["--claim", "zzzzzz"],
            "--claim: \"zzzzzz\" is not one of safe, naive; use one of safe, naive"
        ),
        (
            ["--no-tui=yes"],
            "--no-tui: \"yes\" is not accepted; the option takes no value; write just --no-tui"
        ),
        (["-a", "1", "--agents", "2"], "--agents: given twice (\"1\" and \"2\"); give it once"),
        (
            ["--think", "8s..2s"],
            "--think: \"8s..2s\" has its bounds reversed; write the smaller one first, e.g. 2s..8s"
        ),
    ])
    func rendersUsageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try sampleCommand.parse(arguments) }
        do {
            _ = try sampleCommand.parse(arguments)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func negativeNumbersAreValues() throws {
        let spec = CommandSpec(
            name: "tool n", abstract: "",
            options: [OptionSpec("offset", kind: .integer(-10...10), help: "")])
        #expect(try spec.parse(["--offset", "-3"]).integer("offset") == -3)
    }

    @Test func positionalsAreCounted() throws {
        let spec = CommandSpec(
            name: "tool report", abstract: "",
            positionals: [PositionalSpec("FILE", help: "")])
        #expect(try spec.parse(["a.json"]).positional("FILE") == ["a.json"])
        #expect(
            throws: UsageError(problem: "missing FILE", hint: "usage: tool report [options] FILE")
        ) {
            try spec.parse([])
        }
        #expect(
            throws: UsageError(
                value: "b.json", problem: "is not expected; tool report takes fewer arguments",
                hint: "usage: tool report [options] FILE")
        ) { try spec.parse(["a.json", "b.json"]) }
        let bare = CommandSpec(name: "tool x", abstract: "")
        #expect(
            throws: UsageError(
                value: "a", problem: "is not expected; tool x takes no arguments",
                hint: "usage: tool x [options]")
        ) { try bare.parse(["a"]) }
    }

    @Test func helpIsARequest() {
        #expect(throws: HelpRequest(text: sampleCommand.helpText())) {
            try sampleCommand.parse(["-a", "3", "--help"])
        }
        #expect(throws: HelpRequest(text: sampleCommand.helpText())) {
            try sampleCommand.parse(["-h"])
        }
    }

    @Test func validateCatchesBadDeclarations() throws {
        try sampleCommand.validate()
        let badDefault = CommandSpec(
            name: "tool x", abstract: "",
            options: [OptionSpec("duration", kind: .duration, default: "soon", help: "")])
        #expect(
            throws: UsageError(
                flag: "--duration", value: "soon", problem: "is not a duration",
                hint: "use e.g. 30s, 5m")
        ) { try badDefault.validate() }
        let clash = CommandSpec(
            name: "tool x", abstract: "",
            options: [OptionSpec("hat", short: "h", kind: .flag, help: "")])
        #expect(throws: UsageError.self) { try clash.validate() }
    }
}
