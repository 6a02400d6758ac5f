import SartorCommandLine

/// `sartor-load run`: the Sartor Network workload against a target or the embedded server.
enum RunCommand: Subcommand {
    static var spec: CommandSpec {
        CommandSpec(
            name: "sartor-load run",
            abstract: "Run virtual Sartor agents against an RTDB.",
            discussion: """
                Each agent registers, then loops: pick an operation by weight, run its REST \
                requests, think, repeat; at the end it goes offline. Operations: \
                \(operationNames). Without --target an embedded RTDB-compatible server is \
                started on 127.0.0.1 (a free port) and the load goes there.

                Latency covers an operation's requests only: the simulated work between a \
                task claim and its update (--work) is the agent's own time. A task_claim with \
                no available task is skipped; a lost claim race is a conflict; neither is an \
                error. Headless (--no-tui, or stdout not a terminal) prints a status block \
                every --status-interval and writes report.md and report.json on every ending: \
                the end of the run, Ctrl-C (a second Ctrl-C exits at once), q, or a target \
                that stops answering.

                run is the default command: 'sartor-load --agents 5' is 'sartor-load run \
                --agents 5', and 'sartor-load' alone starts a 10-minute run of 10 agents \
                against the embedded server.

                Exit codes: 0 success (also after one Ctrl-C or q), 1 the run could not be \
                done (target unreachable, or lost mid-run: reports are still written; or the \
                reports could not be written), 2 --verify found \
                missing data or double claims, 64 bad usage, 65 a theme file that cannot be \
                used, 99 a threshold failed, 130 a second Ctrl-C.
                """,
            options: targetOptions + loadOptions + workloadOptions + outputOptions,
            examples: [
                Example(
                    "sartor-load run --agents 50 --duration 2m",
                    "50 agents for two minutes against the embedded server, with the dashboard."),
                Example(
                    "sartor-load run --no-tui --agents 64 --think 0s --work 0s --duration 30s",
                    "Flat out for 30 s, headless, reports in sartor-load-reports/<time>/."),
                Example(
                    "sartor-load run --claim naive --agents 32 --think 0s --verify",
                    "The original racy claim: --verify lists every double claim (exit 2)."),
                Example(
                    "sartor-load run --target https://my-db.firebaseio.com --auth $TOKEN "
                        + "--root load-test --threshold 'p95<1500ms' --no-tui",
                    "A real database under the root load-test; exit 99 if p95 >= 1.5 s."),
            ])
    }

    static let operationNames =
        "direct_message, broadcast, task_create, task_claim, knowledge_add, status_query"

    static let targetOptions = [
        OptionSpec(
            "target", kind: .url,
            help: "RTDB base URL (https://<db>.firebaseio.com, or http://127.0.0.1:<port>). "
                + "Default: start the embedded server on 127.0.0.1."),
        OptionSpec(
            "auth", kind: .string, value: "token",
            help: "Token sent as auth=<token> on every request."),
        OptionSpec(
            "root", kind: .string, value: "key", default: "agents-network",
            help: "Root key all data lives under; choose another to keep tests apart."),
    ]

    static let loadOptions = [
        OptionSpec(
            "agents", short: "a", kind: .integer(1...100_000), default: "10",
            help: "Virtual agents (closed model: each waits for its operation, then thinks)."),
        OptionSpec(
            "rate", short: "r", kind: .rate,
            help: "Open model instead: start this many operations per second (e.g. 200/s) "
                + "whatever the latency."),
        OptionSpec(
            "max-in-flight", kind: .integer(1...1_000_000), default: "1000",
            help: "Open model: operations in flight at most; later starts count as missed."),
        OptionSpec(
            "stages", kind: .stages,
            help: "Load profile: ramp agents (or rate) over time, e.g. 30s:10,1m:200,30s:0."),
        OptionSpec(
            "duration", short: "d", kind: .duration, default: "10m",
            help: "Active run time (pauses excluded); with --stages, their total instead."),
        OptionSpec(
            "operations", short: "n", kind: .integer(1...Int.max),
            help: "Stop after this many operations."),
        OptionSpec(
            "seed", kind: .integer(0...Int.max), default: "1",
            help: "Seed of every random choice (operations, think times, content, ids)."),
        OptionSpec(
            "retries", kind: .integer(0...20), default: "3",
            help: "Retries of a request on 500/503/504, timeouts and dropped connections, "
                + "with exponential backoff from 1 s."),
        OptionSpec(
            "timeout", kind: .duration, default: "30s",
            help: "Deadline of each request (connecting, sending, receiving); a later answer "
                + "counts as a timeout, and a target that never answers fails this soon."),
    ]

    static let workloadOptions = [
        OptionSpec(
            "mix", kind: .weights,
            default: "direct_message=30,broadcast=10,task_create=15,task_claim=15,"
                + "knowledge_add=20,status_query=10",
            help: "Operation weights; operations not named get 0."),
        OptionSpec(
            "think", kind: .durationRange, default: "2s..8s",
            help: "Time an agent waits between operations, uniform in the range."),
        OptionSpec(
            "work", kind: .durationRange, default: "500ms..2s",
            help: "Simulated work between a claim and its update (not counted as latency)."),
        OptionSpec(
            "claim", kind: .choice(["safe", "naive"]), default: "safe",
            help: "safe: conditional write with ETag (412 = conflict); naive: the original "
                + "read-then-PATCH, which lets two agents claim one task."),
        OptionSpec(
            "status-query", kind: .choice(["full", "shallow"]), default: "full",
            help: "full: download agents, tasks and knowledge whole, as the original does; "
                + "shallow: keys only."),
        OptionSpec(
            "broadcast-limit", kind: .integer(0...1_000_000), default: "10",
            help: "Broadcasts per minute per agent (0 for no limit); over it, rate limited."),
    ]

    static let outputOptions = [
        OptionSpec(
            "no-tui", kind: .flag,
            help: "No dashboard: status block every --status-interval, then a summary. "
                + "Automatic when stdout is not a terminal."),
        OptionSpec(
            "theme", kind: .string, value: "name|file",
            help: "Dashboard theme: a built-in name or a theme JSON file (see sartor-load themes)."),
        OptionSpec(
            "fps", kind: .integer(1...60), default: "10",
            help: "Dashboard frames per second; each frame draws one snapshot of the run."),
        OptionSpec(
            "status-interval", kind: .duration, default: "30s",
            help: "Headless: time between status blocks."),
        OptionSpec(
            "report-dir", kind: .string, value: "dir",
            help: "Where report.md and report.json go. Default: sartor-load-reports/<time>."),
        OptionSpec(
            "threshold", kind: .string, value: "rule", repeatable: true,
            help: "Pass/fail rule checked at the end, e.g. 'p95<1500ms', 'error_rate<1%', "
                + "'direct_message.p99<2s'. A failure exits 99."),
        OptionSpec(
            "abort-on-fail", kind: .flag,
            help: "Check thresholds during the run too and stop at the first failure."),
        OptionSpec(
            "verify", kind: .flag,
            help: "At the end, read back every acknowledged write, check agents are offline "
                + "and list double claims. A failure exits 2."),
        OptionSpec(
            "sample-interval", kind: .duration, default: "5s",
            help: "Time between samples of the data size (shallow reads, not counted as load)."),
    ]
}
