import Testing

@testable import SartorDashboard

/// Every built-in theme, mapped to the eight basic colours, keeps its frames, bars and
/// selection visible on the background it was made for, and its text readable.
@Suite struct EightColorThemeTests {
    /// The colours a cell really shows: the default ones replaced by the terminal's own,
    /// black and white on a dark terminal, the other way round on a light one.
    func shown(_ style: ThemeStyle, light: Bool) -> (foreground: UInt8, background: UInt8) {
        let resolve = { (color: ThemeColor, fallback: UInt8) -> UInt8 in
            if case .indexed(let index) = color { return index }
            return fallback
        }
        return (
            resolve(style.foreground, light ? 0 : 7), resolve(style.background, light ? 7 : 0)
        )
    }

    @Test(arguments: ["default-dark", "light", "high-contrast", "monochrome"])
    func themeStaysLegible(name: String) throws {
        let theme = try ThemeCatalog.resolve(name)
        let light = theme.assumesLightBackground
        #expect(light == (name == "light"))
        let mapped = theme.eightColors
        let terminalBackground: UInt8 = light ? 7 : 0
        for role in StyleRole.allCases {
            let style = mapped.style(role)
            for color in [style.foreground, style.background] {
                if case .indexed(let index) = color { #expect(index < 8, "\(name) \(role)") }
            }
            let (foreground, background) = shown(style, light: light)
            #expect(foreground != background, "\(name) \(role): \(foreground) on \(background)")
            if case .indexed = style.background, case .indexed = style.foreground {
                #expect(
                    style.foreground.isLightBasic != style.background.isLightBasic,
                    "\(name) \(role): \(foreground) on \(background)")
            }
        }
        // Frames show on the terminal's background.
        let border = shown(mapped.style(.border), light: light)
        #expect(border.foreground != terminalBackground, "\(name): frames vanish")
        // Bars and the selection stand out from the panels, by colour or by reverse video.
        for role in [StyleRole.header, .keyBar, .overlay, .selected] {
            let style = mapped.style(role)
            let stands =
                shown(style, light: light).background != terminalBackground
                || style.attributes.contains(.reverse)
            #expect(stands, "\(name) \(role) does not stand out from the background")
        }
        let selected = mapped.style(.selected)
        let text = mapped.style(.text)
        #expect(
            selected.foreground != text.foreground || selected.background != text.background
                || !selected.attributes.subtracting([.bold]).isEmpty,
            "\(name): the selected row is marked by bold only")
    }

    @Test func tintedBarsAndFramesOfTheDarkThemeGetVisibleColours() throws {
        let mapped = try ThemeCatalog.resolve("default-dark").eightColors
        #expect(mapped.style(.border).foreground == .indexed(7))
        #expect(mapped.style(.border).attributes.contains(.dim))
        #expect(mapped.style(.selected).background == .indexed(4))
        #expect(mapped.style(.header).background == .indexed(4))
        #expect(mapped.style(.overlay).background == .indexed(4))
    }

    @Test func basicKeepsHues() {
        #expect(ThemeColor.indexed(24).basic == .indexed(4))  // a dark steel blue
        #expect(ThemeColor.indexed(117).basic == .indexed(6))  // a light sky blue
        #expect(ThemeColor.indexed(221).basic == .indexed(3))  // a light gold
        #expect(ThemeColor.indexed(59).basic == .indexed(0))  // a dark grey in the cube
        #expect(ThemeColor.indexed(145).basic == .indexed(7))  // a light grey in the cube
        #expect(ThemeColor.indexed(240).greyLevel == 88)
    }
}
