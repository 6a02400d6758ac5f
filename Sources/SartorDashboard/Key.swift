/// A key press, as the terminal layer decodes it.
public enum Key: Equatable, Sendable {
    case up, down, left, right, pageUp, pageDown, tab, escape, resize
    case character(Character)
    /// Ctrl-C as a key (raw mode) or as SIGINT/SIGTERM seen by the signal handler.
    case interrupt
}

/// What a key asks for, independent of the terminal and of the engine.
public enum KeyCommand: Equatable, Sendable {
    case select(by: Int)
    case changeWeight(by: Double)
    case zeroWeight
    case restoreWeights
    case togglePause
    case scaleLoad(by: Double)
    case toggleWindow
    case nextTheme
    case nextPage
    case toggleHelp
    case closeHelp
    case quit
    case redraw

    /// The command bound to `key`, or nil for a key that does nothing.
    public init?(_ key: Key) {
        switch key {
        case .up, .character("k"): self = .select(by: -1)
        case .down, .character("j"): self = .select(by: 1)
        case .right, .character("+"), .character("="): self = .changeWeight(by: 1)
        case .left, .character("-"), .character("_"): self = .changeWeight(by: -1)
        case .pageUp: self = .changeWeight(by: 10)
        case .pageDown: self = .changeWeight(by: -10)
        case .character("0"): self = .zeroWeight
        case .character("r"): self = .restoreWeights
        case .character(" "), .character("p"): self = .togglePause
        case .character("]"): self = .scaleLoad(by: 1.1)
        case .character("["): self = .scaleLoad(by: 1 / 1.1)
        case .character("w"): self = .toggleWindow
        case .character("t"): self = .nextTheme
        case .tab: self = .nextPage
        case .character("?"), .character("h"): self = .toggleHelp
        case .escape: self = .closeHelp
        case .character("q"), .character("Q"), .interrupt: self = .quit
        case .resize, .character("\u{0C}"): self = .redraw
        default: return nil
        }
    }
}
