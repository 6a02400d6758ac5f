import Foundation
import SartorCommandLine
import SartorDashboard

/// `sartor-load themes`: lists the dashboard's themes, or checks a theme file.
enum ThemesCommand: Subcommand {
    static var spec: CommandSpec {
        CommandSpec(
            name: "sartor-load themes",
            abstract: "List the dashboard's colour themes, or check a theme file.",
            discussion: """
                Themes are JSON files: a name, a description, and for every role of the \
                screen (text, title, border, selected, chartErrors, p99, ...) a foreground, a \
                background and attributes (bold, dim, underline, reverse). Colours are \
                "default", a basic name (red), bright-<name>, or a number 0 to 255; terminals \
                with 8 colours get the nearest basic one, and NO_COLOR or a terminal without \
                colours keeps only the attributes. The built-in themes are embedded in the \
                binary; start your own from a copy of one (Themes/ in the source tree) and \
                pass its path to run --theme. Press t in the dashboard to cycle themes.
                """,
            positionals: [
                PositionalSpec(
                    "theme", required: false,
                    help: "A built-in name or a JSON file to check; prints its styles.")
            ],
            examples: [
                Example("sartor-load themes", "Lists the built-in themes."),
                Example(
                    "sartor-load themes my-theme.json", "Checks a theme file (exit 65 if bad)."),
                Example("sartor-load run --theme light", "A run drawn with the light theme."),
            ])
    }

    static func run(_ parsed: ParsedCommand) async throws -> ExitCode {
        guard let nameOrPath = parsed.positional("theme").first else {
            let width = ThemeCatalog.builtIn.map(\.name.count).max() ?? 0
            print("Built-in themes (choose with run --theme NAME or --theme PATH):")
            for (index, theme) in ThemeCatalog.builtIn.enumerated() {
                let padding = String(repeating: " ", count: width - theme.name.count)
                let mark = index == 0 ? " (default)" : ""
                print("  \(theme.name)\(padding)  \(theme.summary)\(mark)")
            }
            return .success
        }
        let theme = try resolve(nameOrPath, flag: "theme")
        print("\(theme.name): \(theme.summary)")
        print(theme.styleTable)
        return .success
    }

    /// The theme `text` names: a built-in name or a theme file. A name that is neither is a
    /// usage error (exit 64) naming `flag`; a file that cannot be used is a `ThemeError` (65).
    static func resolve(_ text: String, flag: String) throws -> Theme {
        let names = ThemeCatalog.builtIn.map(\.name)
        guard names.contains(text) || FileManager.default.fileExists(atPath: text) else {
            let looksLikePath = text.contains("/") || text.hasSuffix(".json")
            let near = looksLikePath ? nil : NearestName.find(text, among: names)
            throw UsageError(
                flag: flag, value: text,
                problem: looksLikePath ? "is not a file" : "is not a built-in theme",
                hint: near.map { "did you mean \($0)?" }
                    ?? "use one of \(names.joined(separator: ", ")) or a theme file's path")
        }
        return try ThemeCatalog.resolve(text)
    }
}
