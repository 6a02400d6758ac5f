import SartorMetrics

/// The latency of the last `seconds` seconds, as a ring of one-second histograms.
///
/// Intervals harvested from a recorder are added to the slot of the current second; when the
/// second moves on, stale slots are cleared. The merge of the completed seconds is cached, so
/// `merged()` costs one histogram merge however often it is called within a second.
struct RecentWindow: Sendable {
    let seconds: Int
    private var slots: [Histogram]
    private var currentSecond = 0
    private var completedMerge: Histogram?

    init(seconds: Int = 10) {
        self.seconds = max(1, seconds)
        slots = Array(repeating: Histogram(), count: self.seconds)
    }

    /// Adds `interval` to whole second `second` of active time (seconds never go back).
    mutating func add(_ interval: Histogram, atSecond second: Int) {
        advance(to: second)
        guard !interval.isEmpty else { return }
        slots[currentSecond % seconds].add(interval)
    }

    /// Moves the window so that `second` is its newest slot.
    mutating func advance(to second: Int) {
        guard second > currentSecond else { return }
        let first = max(currentSecond + 1, second - seconds + 1)
        for stale in first...second {
            slots[stale % seconds].reset()
        }
        currentSecond = second
        completedMerge = nil
    }

    /// Everything in the window, the current (partial) second included.
    mutating func merged() -> Histogram {
        if completedMerge == nil {
            var merge = Histogram()
            for offset in 1..<seconds where currentSecond - offset >= 0 {
                merge.add(slots[(currentSecond - offset) % seconds])
            }
            completedMerge = merge
        }
        var result = completedMerge ?? Histogram()
        result.add(slots[currentSecond % seconds])
        return result
    }
}
