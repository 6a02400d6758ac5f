import Foundation
import SartorCommandLine
import SartorReports

/// `sartor-load report`: re-renders or merges `report.json` files.
enum ReportCommand: Subcommand {
    static let spec = CommandSpec(
        name: "sartor-load report",
        abstract: "Summarise, re-render or merge report.json files.",
        discussion: """
            Reads one or more report.json files written by 'sartor-load run'. With several \
            files (load generators that ran at the same time against one target), counts add \
            up and latency histograms merge, so percentiles are those of every sample. Prints \
            the summary; --out writes the Markdown report and --json the merged report.json. \
            Thresholds given here are evaluated on the (merged) figures.

            Exit codes: 0 success, 1 a file cannot be read or written, 64 bad usage, 65 a file \
            that is not a sartor-load report.json, 99 a threshold failed.
            """,
        options: [
            OptionSpec(
                "out", short: "o", kind: .string, value: "file",
                help: "Write the Markdown report here."),
            OptionSpec(
                "json", kind: .string, value: "file", help: "Write the merged report.json here."),
            OptionSpec(
                "threshold", kind: .string, value: "rule", repeatable: true,
                help: "A pass/fail criterion such as p95<1500ms, error_rate<1%, "
                    + "direct_message.p99<2s or ops_per_second>10; any failure exits 99."),
        ],
        positionals: [
            PositionalSpec("FILE", variadic: true, help: "report.json files to read.")
        ],
        examples: [
            Example(
                "sartor-load report sartor-load-reports/20260101-120000/report.json --out r.md",
                "Print the summary of one run and write its Markdown report again to r.md."),
            Example(
                "sartor-load report a/report.json b/report.json --threshold 'p95<500ms'",
                "Merge two load generators' reports and check the combined p95."),
        ])

    static func run(_ parsed: ParsedCommand) async throws -> ExitCode {
        let thresholds = try parsed.strings("threshold").map(Threshold.parse)
        let reports = try parsed.positional("FILE").map(ReportWriter.read)
        guard var report = RunReport.merged(reports) else {
            preconditionFailure("FILE is required")
        }
        try Threshold.validate(thresholds, operations: report.operations.map(\.name))
        if !thresholds.isEmpty {
            report.thresholds = thresholds.map { $0.evaluate(report, final: true) }
        }
        print(StatusBlock.finalSummary(report), terminator: "")
        if let path = parsed.string("out") {
            try ReportWriter.writeFile(Data(report.markdown.utf8), to: path)
        }
        if let path = parsed.string("json") {
            try ReportWriter.writeFile(report.jsonData(), to: path)
        }
        return report.thresholds.contains { $0.verdict == .failed } ? .thresholdsFailed : .success
    }
}
