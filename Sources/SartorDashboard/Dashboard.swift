import Foundation

/// How the live dashboard runs.
public struct DashboardOptions: Sendable {
    /// Frames drawn per second, 1...60.
    public var framesPerSecond: Int
    public var theme: Theme
    /// Draw without colours, as `NO_COLOR` asks; attributes still tell roles apart.
    public var noColor: Bool

    public init(
        framesPerSecond: Int = 10, theme: Theme = ThemeCatalog.defaultTheme, noColor: Bool? = nil
    ) {
        self.framesPerSecond = min(max(framesPerSecond, 1), 60)
        self.theme = theme
        let environment = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        self.noColor = noColor ?? !environment.isEmpty
    }
}

/// How the dashboard ended, for the caller deciding what to do next.
public enum DashboardExit: Equatable, Sendable {
    /// The run finished by itself (duration or operation limit reached).
    case runFinished
    /// The user quit (q, Ctrl-C or SIGTERM) and the run drained.
    case userQuit
    /// A second Ctrl-C or q: the run was told to cancel at once.
    case interruptedTwice
}

/// The live dashboard's entry point.
public enum Dashboard {
    /// Shows the run on the terminal until it finishes or the user quits, then restores the
    /// terminal. The drawing loop owns a thread of its own, so neither drawing nor waiting for
    /// keys ever occupies the engine's tasks; each frame takes one snapshot.
    /// - Throws: `TerminalError` when the terminal cannot be used (the run is not touched).
    public static func run(
        _ control: some DashboardControl, options: DashboardOptions = DashboardOptions()
    ) async throws -> DashboardExit {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                // Named for tools that show threads (top -H, /proc/<pid>/task/*/comm).
                do {
                    continuation.resume(
                        returning: try DashboardLoop(control: control, options: options).run())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}
