/// A colour of a theme: the terminal's default, or one of the 256 indexed colours.
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    /// The eight basic colour names, in their curses numbering (0 to 7).
    static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The nearest of the eight basic colours, for terminals without 256 colours.
    public var basic: ThemeColor {
        guard case .indexed(let index) = self else { return self }
        switch index {
        case 0...15:
            return .indexed(index % 8)
        case 16...231:
            let cube = Int(index) - 16
            let (red, green, blue) = (cube / 36, cube / 6 % 6, cube % 6)
            let bits = (red > 2 ? 1 : 0) | (green > 2 ? 2 : 0) | (blue > 2 ? 4 : 0)
            return .indexed(UInt8(bits))
        default:
            return .indexed(index < 244 ? 0 : 7)
        }
    }
}

/// How one role looks: foreground, background and attributes.
public struct ThemeStyle: Equatable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Set<TextAttribute>

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        attributes: Set<TextAttribute> = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A named set of styles, one for every `StyleRole`, read from a JSON file.
public struct Theme: Equatable, Sendable {
    public let name: String
    public let summary: String
    let styles: [StyleRole: ThemeStyle]

    public init(name: String, summary: String, styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.summary = summary
        self.styles = styles
    }

    /// The style of `role`; every role is present in a validated theme.
    public func style(_ role: StyleRole) -> ThemeStyle {
        styles[role] ?? ThemeStyle()
    }
}
