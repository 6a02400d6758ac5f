extension Theme {
    /// One line per role: its colours and attributes, as `sartor-load themes NAME` prints them.
    public var styleTable: String {
        let width = StyleRole.allCases.map(\.rawValue.count).max() ?? 0
        return StyleRole.allCases.map { role in
            let style = self.style(role)
            let padding = String(repeating: " ", count: width - role.rawValue.count)
            let attributes = TextAttribute.allCases.filter(style.attributes.contains).map(
                \.rawValue)
            let suffix = attributes.isEmpty ? "" : "  " + attributes.joined(separator: " ")
            return
                "  \(role.rawValue)\(padding)  \(style.foreground.name) on "
                + "\(style.background.name)\(suffix)"
        }.joined(separator: "\n")
    }
}

extension ThemeColor {
    /// The colour as a theme file spells it: `default`, `red`, `bright-red` or a number.
    public var name: String {
        switch self {
        case .terminalDefault: "default"
        case .indexed(let index) where index < 8: Self.basicNames[Int(index)]
        case .indexed(let index) where index < 16: "bright-" + Self.basicNames[Int(index) - 8]
        case .indexed(let index): "\(index)"
        }
    }
}
