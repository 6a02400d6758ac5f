import Foundation
import Testing

@testable import SartorDashboard

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test func builtInThemesAreTheFilesInThemesDirectory() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 4)
        for file in files {
            let text = try String(
                contentsOf: Self.themesDirectory.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(5))
            let embedded = BuiltinThemes.files.first { $0.name == name }?.json
            #expect(embedded.map { $0 + "\n" } == text, "rerun scripts/embed-themes for \(file)")
        }
        #expect(BuiltinThemes.files.count == files.count)
    }

    @Test(arguments: ["default-dark", "light", "high-contrast", "monochrome"])
    func requiredThemesResolveByName(name: String) throws {
        let theme = try ThemeCatalog.resolve(name)
        #expect(theme.name == name)
        #expect(theme.styles.count == StyleRole.allCases.count)
    }

    @Test func defaultThemeIsDefaultDark() {
        #expect(ThemeCatalog.defaultTheme.name == "default-dark")
    }

    @Test func themeFileResolvesByPath() throws {
        let path = Self.themesDirectory.appendingPathComponent("light.json").path
        #expect(try ThemeCatalog.resolve(path).name == "light")
    }

    func parse(_ json: String) throws -> Theme {
        try Theme(json: Data(json.utf8), file: "bad.json")
    }

    func lightWith(_ replace: String, by replacement: String) -> String {
        let light = BuiltinThemes.files.first { $0.name == "light" }!.json
        return light.replacingOccurrences(of: replace, with: replacement)
    }

    @Test func unknownColourNamesFileAndField() {
        let json = lightWith(
            #""title": {"foreground": 25"#, by: #""title": {"foreground": "purpel""#)
        #expect(throws: ThemeError.self) { try parse(json) }
        do {
            _ = try parse(json)
        } catch let error as ThemeError {
            #expect(error.file == "bad.json")
            #expect(error.field == "styles.title.foreground")
            #expect(error.description.contains("purpel"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        (#""p99": {"#, #""p98": {"#, "styles.p98"),
        (
            #""keyBar": {"foreground": 238"#, #""keyBar": {"foreground": 256"#,
            "styles.keyBar.foreground"
        ),
        (#"["bold"]"#, #"["blink"]"#, "styles.title.attributes"),
        (#""name": "light""#, #""name": """#, "name"),
    ])
    func invalidFieldIsNamed(replace: String, replacement: String, field: String) {
        do {
            _ = try parse(lightWith(replace, by: replacement))
            Issue.record("accepted an invalid \(field)")
        } catch let error as ThemeError {
            #expect(error.field == field)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingRoleIsNamed() throws {
        let json = #"{"name": "x", "description": "", "styles": {}}"#
        do {
            _ = try parse(json)
            Issue.record("accepted a theme without styles")
        } catch let error as ThemeError {
            #expect(error.field == "styles.text")
        }
    }

    @Test func invalidJSONAndMissingFileAreRefused() {
        #expect(throws: ThemeError.self) { try parse("{ not json") }
        #expect(throws: ThemeError.self) { try ThemeCatalog.resolve("/nonexistent/theme.json") }
        #expect(throws: ThemeError.self) { try ThemeCatalog.resolve("no-such-theme") }
    }

    @Test func colourFallbackToEightColours() {
        #expect(ThemeColor.indexed(9).basic == .indexed(1))
        #expect(ThemeColor.indexed(196).basic == .indexed(1))  // pure red in the cube
        #expect(ThemeColor.indexed(46).basic == .indexed(2))  // pure green
        #expect(ThemeColor.indexed(21).basic == .indexed(4))  // pure blue
        #expect(ThemeColor.indexed(231).basic == .indexed(7))  // white
        #expect(ThemeColor.indexed(236).basic == .indexed(0))  // dark grey
        #expect(ThemeColor.terminalDefault.basic == .terminalDefault)
    }

    @Test func cycleStartsAfterCurrentTheme() throws {
        let light = try ThemeCatalog.resolve("light")
        let cycle = ThemeCatalog.cycle(startingWith: light)
        #expect(cycle.first == light)
        #expect(cycle.count == ThemeCatalog.builtIn.count)
    }
}
