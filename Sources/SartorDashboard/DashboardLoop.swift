import Foundation

/// The frame loop: wait for a key or the next frame, apply the key, draw a fresh snapshot.
struct DashboardLoop<Control: DashboardControl> {
    let control: Control
    let options: DashboardOptions

    func run() throws -> DashboardExit {
        let terminal = CursesTerminal()
        defer { terminal.stop() }
        try terminal.start(theme: options.theme, noColor: options.noColor)
        var themes = ThemeCatalog.cycle(startingWith: options.theme)
        var state = DashboardState(themeName: options.theme.name)
        let frame = Duration.milliseconds(1_000 / options.framesPerSecond)
        let clock = ContinuousClock()
        var model = control.model()
        var nextFrame = clock.now
        var quitRequests = 0
        var handledSignals = 0

        while true {
            var changed = false
            // Each SIGINT or SIGTERM counts as one quit request, like q.
            let signals = terminal.signalCount
            if signals > handledSignals {
                quitRequests += signals - handledSignals
                handledSignals = signals
                changed = true
            }
            let wait = clock.now.duration(to: nextFrame)
            let waitMilliseconds = Int(
                wait.components.seconds * 1_000 + wait.components.attoseconds
                    / 1_000_000_000_000_000)
            if !changed, let key = terminal.readKey(timeoutMilliseconds: waitMilliseconds) {
                changed = true
                switch KeyCommand(key) {
                case .quit?:
                    quitRequests += 1
                case .nextTheme?:
                    themes = Array(themes.dropFirst()) + themes.prefix(1)
                    terminal.apply(themes[0])
                    state.themeName = themes[0].name
                case .redraw?:
                    terminal.invalidate()
                case let command?:
                    command.apply(to: &state, model: model, control: control)
                case nil:
                    changed = false
                }
            }
            if quitRequests >= 2 {
                control.stop()
                return .interruptedTwice
            }
            if quitRequests == 1 && !state.quitting {
                KeyCommand.quit.apply(to: &state, model: model, control: control)
            }
            guard changed || clock.now >= nextFrame else { continue }
            model = control.model()
            state.selected = min(state.selected, max(0, model.operations.count - 1))
            let size = terminal.size
            terminal.draw(
                Screen.render(model, state: state, width: size.width, height: size.height))
            nextFrame = clock.now.advanced(by: frame)
            if model.state == .finished { return state.quitting ? .userQuit : .runFinished }
        }
    }
}
