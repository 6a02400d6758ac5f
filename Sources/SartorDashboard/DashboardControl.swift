import SartorEngine

/// What the dashboard reads and what its keys do: a running load test.
///
/// `RunController` is the real one (see `EngineControl`); tests use a recording fake. Every
/// method must return at once: the dashboard calls them from its drawing thread.
public protocol DashboardControl: Sendable {
    /// The figures now, ready to draw.
    func model() -> DashboardModel
    func pause()
    func resume()
    func setWeight(_ weight: Double, forOperation index: Int)
    func restoreWeights()
    func setLoad(_ load: DashboardModel.Load)
    /// Ends the run gracefully: no new operations; running ones drain.
    func stop()
}

/// The dashboard's handle on a `RunController`, with what the header shows about the target.
public struct EngineControl: DashboardControl {
    public let controller: RunController
    public let target: String
    public let root: String
    let initialWeights: [Double]

    public init(controller: RunController, target: String, root: String) {
        self.controller = controller
        self.target = target
        self.root = root
        self.initialWeights = controller.operations.map(\.weight)
    }

    public func model() -> DashboardModel {
        DashboardModel(
            snapshot: controller.snapshot(), initialWeights: initialWeights, target: target,
            root: root)
    }

    public func pause() { controller.pause() }
    public func resume() { controller.resume() }
    public func restoreWeights() { controller.restoreWeights() }

    public func setWeight(_ weight: Double, forOperation index: Int) {
        _ = controller.setWeight(weight, forOperation: index)
    }

    public func setLoad(_ load: DashboardModel.Load) {
        switch load {
        case .agents(let count): _ = controller.setLoad(.agents(count))
        case .ratePerSecond(let rate): _ = controller.setLoad(.rate(rate))
        }
    }

    public func stop() { controller.stop(drainFor: controller.configuration.drainTimeout) }
}
