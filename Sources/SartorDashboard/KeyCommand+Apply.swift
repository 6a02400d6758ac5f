extension KeyCommand {
    /// Carries out the command: changes the UI state and calls the run's control.
    ///
    /// `model` is the latest one drawn, used for the current weights, state and load; the caller
    /// takes a fresh model afterwards, so that a change shows in the next frame at once.
    public func apply(
        to state: inout DashboardState, model: DashboardModel, control: some DashboardControl
    ) {
        let count = model.operations.count
        let selected = min(max(0, state.selected), max(0, count - 1))
        switch self {
        case .select(let step):
            guard count > 0 else { return }
            state.selected = (selected + step + count) % count
        case .changeWeight(let step):
            guard selected < count else { return }
            control.setWeight(
                max(0, model.operations[selected].weight + step), forOperation: selected)
        case .zeroWeight:
            guard selected < count else { return }
            control.setWeight(0, forOperation: selected)
        case .restoreWeights:
            control.restoreWeights()
        case .togglePause:
            if model.state == .paused {
                control.resume()
            } else if model.state == .running {
                control.pause()
            }
        case .scaleLoad(let factor):
            control.setLoad(Self.scaled(model.load, by: factor))
        case .toggleWindow:
            state.window = state.window == .recent ? .wholeRun : .recent
        case .nextPage:
            state.page =
                CompactPage(rawValue: (state.page.rawValue + 1) % CompactPage.allCases.count)
                ?? .latency
        case .toggleHelp:
            state.showsHelp.toggle()
        case .closeHelp:
            state.showsHelp = false
        case .quit:
            if !state.quitting { control.stop() }
            state.quitting = true
        case .nextTheme, .redraw:
            // Themes live in the terminal layer; a redraw needs no state.
            break
        }
    }

    /// `load` times `factor`, moving by at least one agent (or 1 op/s) and never below one.
    static func scaled(_ load: DashboardModel.Load, by factor: Double) -> DashboardModel.Load {
        switch load {
        case .agents(let count):
            var next = Int((Double(count) * factor).rounded())
            if next == count { next += factor > 1 ? 1 : -1 }
            return .agents(max(1, next))
        case .ratePerSecond(let rate):
            var next = (rate * factor * 10).rounded() / 10
            if next == rate { next += factor > 1 ? 1 : -1 }
            return .ratePerSecond(max(0.1, next))
        }
    }
}
