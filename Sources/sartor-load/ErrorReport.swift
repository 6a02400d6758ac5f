import SartorCommandLine
import SartorDashboard
import SartorReports
import SartorServer

/// The one place where an error becomes a message on stderr and an exit code.
enum ErrorReport {
    /// The message to print (without the tool name) and the exit code for `error`.
    static func describe(_ error: any Error) -> (message: String, code: ExitCode) {
        switch error {
        case let usage as UsageError:
            return ("\(usage)", .usage)
        case let theme as ThemeError:
            return ("\(theme)", .badInput)
        case let server as ServerError:
            if case .invalidData = server { return ("\(server)", .badInput) }
            if case .invalidHost = server { return ("\(server)", .usage) }
            return ("\(server)", .failure)
        case let file as ReportFileError:
            return ("\(file)", file.unreadable ? .failure : .badInput)
        default:
            return ("\(error)", .failure)
        }
    }
}
