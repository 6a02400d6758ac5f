/// The two header lines: what is being loaded, how hard, for how long, and how it goes.
enum HeaderPanel {
    static func draw(
        _ model: DashboardModel, state: DashboardState, into grid: inout CellGrid, rect: Rect
    ) {
        guard rect.height >= 2 else { return }
        grid.fill(rect, role: .header)
        let load =
            switch model.load {
            case .agents(let count): "closed: \(count) agents"
            case .ratePerSecond(let rate): "open: \(Format.rate(rate)) ops/s"
            }
        let (badge, badgeRole) =
            model.isIdle && !state.quitting
            ? (" IDLE: all weights 0 ", StyleRole.paused)
            : Self.badge(model.state, quitting: state.quitting)
        let badgeX = rect.maxX - DisplayWidth.of(badge) - 1
        let first = " sartor-load  \(model.target)  root \(model.root)  \(load)"
        grid.write(first, x: rect.x, y: rect.y, role: .header, maxWidth: badgeX - rect.x - 1)
        grid.write(badge, x: badgeX, y: rect.y, role: badgeRole)

        let remaining = model.remainingSeconds.map { Format.countdown($0) } ?? "until stopped"
        var parts = [
            "elapsed \(Format.clock(model.elapsedSeconds))", "remaining \(remaining)",
            "ops \(Format.count(model.totalOperations))",
            "now \(Format.rate(model.operationsPerSecondNow))/s",
            "avg \(Format.rate(model.operationsPerSecondAverage))/s",
            "in flight \(model.inFlight)",
        ]
        let errors = "errors \(Format.percent(model.errorRate))"
        // Narrow terminals get tighter spacing first, then lose the in-flight count.
        var separator = "   "
        let fits = { (list: [String], gap: String) in
            DisplayWidth.of(" " + (list + [errors]).joined(separator: gap)) <= rect.width
        }
        if !fits(parts, separator) { separator = "  " }
        if !fits(parts, separator) { parts.removeLast() }
        let second = " " + parts.joined(separator: separator) + separator
        let used = grid.write(second, x: rect.x, y: rect.y + 1, role: .header)
        let errorRole: StyleRole = model.totalErrors > 0 ? .error : .header
        grid.write(errors, x: rect.x + used, y: rect.y + 1, role: errorRole)
    }

    private static func badge(_ runState: DashboardModel.RunState, quitting: Bool) -> (
        String, StyleRole
    ) {
        if quitting && runState != .finished { return (" STOPPING ", .stopping) }
        switch runState {
        case .starting: return (" STARTING ", .paused)
        case .running: return (" RUNNING ", .running)
        case .paused: return (" PAUSED ", .paused)
        case .stopping: return (" STOPPING ", .stopping)
        case .finished: return (" FINISHED ", .stopping)
        }
    }
}
