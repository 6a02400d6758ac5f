import Synchronization
import Testing

@testable import SartorDashboard

/// Records what the keys asked the run to do, and serves a fixed model.
final class RecordingControl: DashboardControl {
    let calls = Mutex<[String]>([])
    let fixed: DashboardModel

    init(_ model: DashboardModel) { fixed = model }

    func model() -> DashboardModel { fixed }
    func pause() { calls.withLock { $0.append("pause") } }
    func resume() { calls.withLock { $0.append("resume") } }
    func restoreWeights() { calls.withLock { $0.append("restore") } }
    func stop() { calls.withLock { $0.append("stop") } }

    func setWeight(_ weight: Double, forOperation index: Int) {
        calls.withLock { $0.append("weight \(index)=\(Format.weight(weight))") }
    }

    func setLoad(_ load: DashboardModel.Load) {
        calls.withLock { $0.append("load \(load)") }
    }

    var recorded: [String] { calls.withLock { $0 } }
}

@Suite struct KeyCommandTests {
    func press(_ keys: [Key], model: DashboardModel = Fixtures.model, state: inout DashboardState)
        -> [String]
    {
        let control = RecordingControl(model)
        for key in keys { KeyCommand(key)?.apply(to: &state, model: model, control: control) }
        return control.recorded
    }

    @Test func arrowsAndVimKeysMoveTheSelectionAndWrap() {
        var state = DashboardState()
        _ = press([.down, .character("j")], state: &state)
        #expect(state.selected == 2)
        _ = press([.up, .character("k"), .up], state: &state)
        #expect(state.selected == 5)
    }

    @Test func weightKeysChangeTheSelectedOperation() {
        var state = DashboardState()
        state.selected = 3  // task claim, weight 25
        let calls = press(
            [.right, .character("+"), .left, .pageUp, .pageDown, .character("0")], state: &state)
        #expect(
            calls == [
                "weight 3=26", "weight 3=26", "weight 3=24", "weight 3=35", "weight 3=15",
                "weight 3=0",
            ])
    }

    @Test func weightNeverGoesBelowZero() {
        var state = DashboardState()
        state.selected = 1  // broadcast, weight 10
        #expect(press([.pageDown, .pageDown], state: &state) == ["weight 1=0", "weight 1=0"])
    }

    @Test func spaceAndPTogglePauseByTheRunState() {
        var state = DashboardState()
        #expect(press([.character(" ")], state: &state) == ["pause"])
        var paused = Fixtures.model
        paused.state = .paused
        #expect(press([.character("p")], model: paused, state: &state) == ["resume"])
    }

    @Test func bracketsScaleTheLoadByTenPercent() {
        var state = DashboardState()
        #expect(
            press([.character("]"), .character("[")], state: &state) == [
                "load agents(55)", "load agents(45)",
            ])
        #expect(KeyCommand.scaled(.agents(3), by: 1.1) == .agents(4))
        #expect(KeyCommand.scaled(.agents(1), by: 1 / 1.1) == .agents(1))
        #expect(KeyCommand.scaled(.ratePerSecond(200), by: 1.1) == .ratePerSecond(220))
    }

    @Test func uiKeysChangeOnlyTheScreenState() {
        var state = DashboardState()
        let calls = press([.character("w"), .tab, .tab, .character("?")], state: &state)
        #expect(calls.isEmpty)
        #expect(state.window == .wholeRun)
        #expect(state.page == .status)
        #expect(state.showsHelp)
        _ = press([.escape], state: &state)
        #expect(!state.showsHelp)
    }

    @Test func quitStopsTheRunOnce() {
        var state = DashboardState()
        #expect(press([.character("q"), .interrupt], state: &state) == ["stop"])
        #expect(state.quitting)
    }

    @Test func restoreAndUnboundKeys() {
        var state = DashboardState()
        #expect(press([.character("r"), .character("x")], state: &state) == ["restore"])
        #expect(KeyCommand(.character("x")) == nil)
        #expect(KeyCommand(.character("t")) == .nextTheme)
        #expect(KeyCommand(.resize) == .redraw)
    }

    @Test func weightChangeShowsInTheMixAtOnce() {
        var model = Fixtures.model
        model.operations[1].weight = 20
        let grid = Screen.render(model, state: DashboardState(), width: 120, height: 40)
        #expect(grid.text.contains("broadcast                20*"))
    }
}
