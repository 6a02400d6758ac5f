/// A theme as a terminal of eight colours shows it.
///
/// Mapping each colour to its nearest basic one is not enough: the dark greys that dark themes
/// use for frames and bars all become black, the terminal's own background, and vanish. So the
/// theme is mapped as a whole, against the background it was made for (dark, or light when its
/// text is dark): a foreground that would match that background takes the opposite one, a tinted
/// background that would match it becomes blue (cyan on light themes), text on a coloured
/// background is kept light on dark and dark on light, and mid greys are drawn dim.
extension Theme {
    /// The same roles in the basic colours 0...7 (or the terminal's default) only.
    public var eightColors: Theme {
        let light = assumesLightBackground
        var mapped: [StyleRole: ThemeStyle] = [:]
        for role in StyleRole.allCases {
            mapped[role] = Self.eightColors(style(role), onLightBackground: light)
        }
        return Theme(name: name, summary: summary, styles: mapped)
    }

    /// True when the theme is drawn for a light terminal background: its text is dark.
    var assumesLightBackground: Bool {
        let text = style(.text)
        if case .indexed = text.background { return text.background.basic.isLightBasic }
        if case .indexed = text.foreground { return !text.foreground.basic.isLightBasic }
        return false
    }

    private static func eightColors(_ style: ThemeStyle, onLightBackground light: Bool)
        -> ThemeStyle
    {
        let terminalBackground = ThemeColor.indexed(light ? 7 : 0)
        let opposite = ThemeColor.indexed(light ? 0 : 7)
        var result = ThemeStyle(
            foreground: style.foreground.basic, background: style.background.basic,
            attributes: style.attributes)
        if let grey = style.foreground.greyLevel, (64..<192).contains(grey) {
            result.attributes.insert(.dim)
        }
        if case .indexed(let index) = style.background, index >= 16,
            result.background == terminalBackground
        {
            // A tint of the background, such as a bar's dark grey, must still show as a bar.
            result.background = .indexed(light ? 6 : 4)
        }
        switch result.background {
        case .terminalDefault:
            if result.foreground == terminalBackground { result.foreground = opposite }
        case .indexed:
            let backgroundIsLight = result.background.isLightBasic
            if case .indexed = result.foreground,
                result.foreground.isLightBasic == backgroundIsLight
            {
                result.foreground = .indexed(backgroundIsLight ? 0 : 7)
            }
        }
        return result
    }
}

extension ThemeColor {
    /// For a basic colour (0...7): whether it is one of the light ones (green, yellow, cyan,
    /// white), on which dark text reads better than light.
    var isLightBasic: Bool {
        guard case .indexed(let index) = self else { return false }
        return [2, 3, 6, 7].contains(index % 8)
    }
}
