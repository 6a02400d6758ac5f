/// How long an agent of the closed model waits between two operations: uniform in
/// `minimum...maximum`, or exactly `minimum` when both are equal.
public struct ThinkTime: Sendable, Equatable {
    public var minimum: Duration
    public var maximum: Duration

    /// A think time between `minimum` and `maximum`; they are swapped if given in reverse.
    public init(_ minimum: Duration, _ maximum: Duration) {
        self.minimum = Swift.min(minimum, maximum)
        self.maximum = Swift.max(minimum, maximum)
    }

    /// A fixed think time.
    public static func fixed(_ duration: Duration) -> ThinkTime { ThinkTime(duration, duration) }

    /// No think time at all.
    public static let none = ThinkTime.fixed(.zero)

    /// One draw from the distribution.
    public func next(using random: inout SeededRandom) -> Duration {
        guard maximum > minimum else { return minimum }
        return minimum + (maximum - minimum) * random.nextUnitDouble()
    }

    /// The mean think time.
    public var mean: Duration { (minimum + maximum) / 2 }
}

/// How load is generated.
public enum LoadModel: Sendable, Equatable {
    /// `agents` virtual agents, each looping pick, run, think; the request rate follows the
    /// system's latency.
    case closed(agents: Int, think: ThinkTime)
    /// `rate` operations per second started on schedule whatever the latency, at most
    /// `maxInFlight` at once; late starts are counted as missed.
    case open(rate: Double, maxInFlight: Int)

    /// The load the model starts at: the agent count or the rate.
    public var load: Load {
        switch self {
        case .closed(let agents, _): .agents(agents)
        case .open(let rate, _): .rate(rate)
        }
    }
}

/// An amount of load: virtual agents for the closed model, operations per second for the open.
public enum Load: Sendable, Equatable {
    case agents(Int)
    case rate(Double)

    /// The amount as a number, whichever the unit.
    public var value: Double {
        switch self {
        case .agents(let count): Double(count)
        case .rate(let rate): rate
        }
    }
}

/// One step of a load profile: over `duration`, the load moves linearly from where the
/// previous stage ended (or the model's initial load) to `target` (agents or operations/s).
public struct Stage: Sendable, Equatable {
    public var duration: Duration
    public var target: Double

    public init(duration: Duration, target: Double) {
        self.duration = duration
        self.target = target
    }
}

/// Everything a run needs besides the workload.
///
/// The run ends at the first of: `duration` of active time, `operationLimit` operations
/// started, the end of the last stage (unless `RunController.setLoad` took over from the
/// stages), or `RunController.stop`.
/// With none of these it runs until stopped.
public struct RunConfiguration: Sendable, Equatable {
    public var model: LoadModel
    public var stages: [Stage]
    /// Active time (pauses excluded) after which the run stops; `nil` for no limit.
    public var duration: Duration?
    /// Operations after which no more start; `nil` for no limit.
    public var operationLimit: Int?
    /// The seed of every random choice; agents derive their generators from it.
    public var seed: UInt64
    public var retryPolicy: RetryPolicy
    /// How long in-flight operations may finish when the run ends by a limit.
    public var drainTimeout: Duration
    /// In the open model, how late an operation may start before it counts as missed.
    public var lateStartTolerance: Duration
    /// In the closed model without stages, whether the agents of the run's start join over
    /// the first mean think time (each after its own seeded delay, uniform in
    /// `0..<think.mean`) rather than all in the same instant, as real agents would: thousands
    /// of agents connecting at once make a burst the steady run never sees again. Agents
    /// added later (`RunController.setLoad`) start at once; `stages` are the explicit ramp.
    public var spreadsStart: Bool

    public init(
        model: LoadModel,
        stages: [Stage] = [],
        duration: Duration? = nil,
        operationLimit: Int? = nil,
        seed: UInt64 = 1,
        retryPolicy: RetryPolicy = .standard,
        drainTimeout: Duration = .seconds(10),
        lateStartTolerance: Duration = .milliseconds(10),
        spreadsStart: Bool = true
    ) {
        self.model = model
        self.stages = stages
        self.duration = duration
        self.operationLimit = operationLimit
        self.seed = seed
        self.retryPolicy = retryPolicy
        self.drainTimeout = drainTimeout
        self.lateStartTolerance = lateStartTolerance
        self.spreadsStart = spreadsStart
    }
}
