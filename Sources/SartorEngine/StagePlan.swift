/// The load asked for at each moment of active time by a list of stages.
///
/// Within a stage the load moves linearly from the previous stage's target (the model's
/// initial load for the first stage) to the stage's own target.
struct StagePlan: Sendable {
    let initial: Double
    let stages: [Stage]

    /// The total length of all stages.
    var totalDuration: Duration {
        stages.reduce(.zero) { $0 + $1.duration }
    }

    /// The stage playing at `time` and the load it asks for, or `nil` once every stage is over
    /// (or there are none).
    func load(at time: Duration) -> (stage: Int, load: Double)? {
        var start = Duration.zero
        var from = initial
        for (index, stage) in stages.enumerated() {
            let end = start + stage.duration
            if time < end {
                let length = stage.duration.seconds
                let progress = length > 0 ? (time - start).seconds / length : 1
                return (index, from + (stage.target - from) * progress)
            }
            start = end
            from = stage.target
        }
        return nil
    }

    /// The last stage's target, where the load rests once the stages are over.
    var finalLoad: Double { stages.last?.target ?? initial }
}
