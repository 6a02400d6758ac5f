/// The process exit codes, one meaning each.
struct ExitCode: Equatable, Sendable {
    var rawValue: Int32

    static let success = ExitCode(rawValue: 0)
    /// The run could not be done: target unreachable, server failed to start, I/O error.
    static let failure = ExitCode(rawValue: 1)
    /// `--verify` found missing data or double claims.
    static let verifyFailed = ExitCode(rawValue: 2)
    /// A flag or value the parser refused.
    static let usage = ExitCode(rawValue: 64)
    /// A theme, data or report file that cannot be parsed.
    static let badInput = ExitCode(rawValue: 65)
    /// One or more thresholds failed.
    static let thresholdsFailed = ExitCode(rawValue: 99)
    /// A second Ctrl-C: immediate exit.
    static let interrupted = ExitCode(rawValue: 130)
}
