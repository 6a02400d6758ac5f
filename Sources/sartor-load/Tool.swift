import Foundation
import SartorCommandLine

/// Routes the command line to a subcommand, runs it, and turns the outcome into an exit code.
enum Tool {
    static let name = "sartor-load"

    static var spec: ToolSpec {
        ToolSpec(
            name: name,
            abstract: """
                Load tester for agent networks on Firebase Realtime Database: many virtual \
                agents run a weighted mix of operations over the REST API, against a target \
                URL or an embedded RTDB-compatible server it starts itself.
                """,
            version: SartorVersion.current,
            commands: subcommands.map { $0.spec },
            defaultCommand: "run")
    }

    /// Runs the tool on `arguments` (without the program name) and returns the exit code.
    static func main(_ arguments: [String]) async -> ExitCode {
        do {
            switch try spec.route(arguments) {
            case .help(let text):
                print(text, terminator: "")
                return .success
            case .version(let text):
                print(text)
                return .success
            case .command(let name, let parsed):
                let fullName = "\(Tool.name) \(name)"
                guard let command = subcommands.first(where: { $0.spec.name == fullName }) else {
                    preconditionFailure("routed to \(name), which no subcommand declares")
                }
                return try await command.run(parsed)
            }
        } catch {
            let (message, code) = ErrorReport.describe(error)
            FileHandle.standardError.write(Data("\(name): \(message)\n".utf8))
            return code
        }
    }
}
