import SartorCommandLine

/// One subcommand of the tool, declared in its own file (`RunCommand.swift`, ...).
///
/// `spec` both parses and documents the command; `run` does the work and returns the exit
/// code. Setup and configuration errors are thrown and mapped to messages and exit codes in
/// one place, `ErrorReport`.
protocol Subcommand: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ parsed: ParsedCommand) async throws -> ExitCode
}

/// Every subcommand of the tool; adding one is one line here.
let subcommands: [any Subcommand.Type] = [
    RunCommand.self, ServeCommand.self, HTTPCommand.self, ReportCommand.self, ThemesCommand.self,
]

/// The version printed by `--version` and recorded in reports.
enum SartorVersion {
    static let current = "0.1.0"
}
