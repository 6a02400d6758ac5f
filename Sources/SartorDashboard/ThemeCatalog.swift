import Foundation

/// The built-in themes and the lookup behind `--theme NAME|PATH`.
public enum ThemeCatalog {
    /// The built-in themes, the default first. Their JSON is embedded in the binary, so they
    /// work from any directory; `Themes/*.json` in the source tree is where they are edited.
    public static let builtIn: [Theme] = BuiltinThemes.files.map { file in
        // A malformed built-in theme is a build defect, caught by the theme tests.
        try! Theme(json: Data(file.json.utf8), file: "built-in \(file.name)")
    }

    /// The theme used when none is chosen.
    public static var defaultTheme: Theme { builtIn[0] }

    /// The theme named `nameOrPath`: a built-in name, or else the path of a JSON theme file.
    /// - Throws: `ThemeError` for a file that cannot be read or parsed, or a name that is
    ///   neither built in nor an existing file.
    public static func resolve(_ nameOrPath: String) throws -> Theme {
        if let theme = builtIn.first(where: { $0.name == nameOrPath }) { return theme }
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            let names = builtIn.map(\.name).joined(separator: ", ")
            let problem =
                looksLikePath
                ? "no such file; give the path of a JSON theme or one of \(names)"
                : "no built-in theme of that name; use one of \(names) or a JSON file's path"
            throw ThemeError(file: nameOrPath, field: "", problem: problem)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            let problem = "is a directory; give the path of a JSON theme file"
            throw ThemeError(file: nameOrPath, field: "", problem: problem)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: nameOrPath))
        } catch {
            let problem = "cannot be read (\(error.localizedDescription))"
            throw ThemeError(file: nameOrPath, field: "", problem: problem)
        }
        return try Theme(json: data, file: nameOrPath)
    }

    /// The themes `t` cycles through: the built-ins, with `current` in its place or first.
    static func cycle(startingWith current: Theme) -> [Theme] {
        guard let index = builtIn.firstIndex(of: current) else { return [current] + builtIn }
        return Array(builtIn[index...] + builtIn[..<index])
    }
}
