/// What a cell shows, which a theme turns into colours and attributes.
///
/// Panels only ever name roles; the terminal looks them up in the current theme, so switching
/// theme redraws nothing but the colours.
public enum StyleRole: String, CaseIterable, Sendable {
    case text
    case muted
    case title
    case border
    case header
    case running
    case paused
    case stopping
    case good
    case warning
    case error
    case selected
    case chartOperations
    case chartErrors
    case p50
    case p95
    case p99
    case keyBar
    case keyName
    case overlay

    /// Attributes added when the terminal has no colours (or `NO_COLOR` is set), so that what
    /// colour told apart stays apart.
    var monochromeAttributes: Set<TextAttribute> {
        switch self {
        case .title, .error, .chartErrors, .p99, .running, .keyName: [.bold]
        case .selected, .header, .paused, .keyBar, .overlay: [.reverse]
        case .stopping: [.reverse, .bold]
        case .muted, .border, .p50: [.dim]
        case .warning, .p95: [.underline]
        case .text, .good, .chartOperations: []
        }
    }
}

/// A text attribute a terminal can show without colour.
public enum TextAttribute: String, CaseIterable, Sendable {
    case bold
    case dim
    case underline
    case reverse
}
