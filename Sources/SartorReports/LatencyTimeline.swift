import SartorMetrics

/// Per-operation latency by time slice, for "latency over time": each slice holds one histogram
/// per operation of what completed during it.
///
/// Fed with the whole-run histograms of periodic snapshots: each update keeps only what was
/// recorded since the previous one. Slices hold sparse histograms, a few KiB each for the
/// counters they use, not a dense histogram's 184 KiB. At most `maximumSlices` slices are kept;
/// past that, the slice width doubles and neighbours merge, so memory stays bounded for runs of
/// any length (by the slice count times the distinct latencies a slice can hold).
public struct LatencyTimeline: Sendable, Equatable {
    public struct Slice: Sendable, Equatable {
        /// Seconds of active time at which the slice begins.
        public var start: Double
        /// Latency in µs of the operations that completed in the slice, by operation name.
        public var latency: [String: SparseHistogram]

        public init(start: Double, latency: [String: SparseHistogram]) {
            self.start = start
            self.latency = latency
        }
    }

    public static let maximumSlices = 120

    public private(set) var sliceSeconds: Double
    /// Oldest first; slices where nothing completed are absent.
    public private(set) var slices: [Slice] = []
    /// The whole-run histograms at the last update, to take differences from: one dense
    /// histogram an operation, shared with the snapshot it came from.
    private var previous: [String: Histogram] = [:]

    /// A timeline whose slices start `sliceSeconds` wide (at least 1 s).
    public init(sliceSeconds: Double = 10, slices: [Slice] = []) {
        self.sliceSeconds = max(sliceSeconds, 1)
        self.slices = slices
    }

    /// Adds what each operation recorded since the last update to the slice holding `time`
    /// (seconds of active time). `cumulative` holds whole-run histograms, which only grow.
    /// O(operations × histogram counters).
    public mutating func update(cumulative: [(name: String, latency: Histogram)], at time: Double) {
        let start = (time / sliceSeconds).rounded(.down) * sliceSeconds
        for (name, latency) in cumulative {
            let delta = SparseHistogram(latency, since: previous[name] ?? Histogram())
            previous[name] = latency
            guard !delta.isEmpty else { continue }
            add(delta, for: name, start: start)
        }
        while slices.count > Self.maximumSlices { coarsen() }
    }

    /// Equal when the slices are; the update state is not part of the value.
    public static func == (lhs: LatencyTimeline, rhs: LatencyTimeline) -> Bool {
        lhs.sliceSeconds == rhs.sliceSeconds && lhs.slices == rhs.slices
    }

    /// Merges another timeline (of a run made at the same time) slice by slice.
    public mutating func merge(_ other: LatencyTimeline) {
        while sliceSeconds < other.sliceSeconds { coarsen() }
        var other = other
        while other.sliceSeconds < sliceSeconds { other.coarsen() }
        for slice in other.slices {
            for (name, latency) in slice.latency { add(latency, for: name, start: slice.start) }
        }
        slices.sort { $0.start < $1.start }
    }

    /// The bytes the slices hold, for checking that the timeline stays small.
    public var storedBytes: Int {
        slices.reduce(0) { total, slice in
            slice.latency.values.reduce(total) { $0 + $1.storedBytes }
        }
    }

    private mutating func add(_ latency: SparseHistogram, for name: String, start: Double) {
        if let index = slices.firstIndex(where: { $0.start == start }) {
            slices[index].latency[name, default: SparseHistogram()].add(latency)
        } else {
            slices.append(Slice(start: start, latency: [name: latency]))
            slices.sort { $0.start < $1.start }
        }
    }

    /// Doubles the slice width, merging the slices that now share a start.
    private mutating func coarsen() {
        sliceSeconds *= 2
        let old = slices
        slices = []
        for slice in old {
            let start = (slice.start / sliceSeconds).rounded(.down) * sliceSeconds
            for (name, latency) in slice.latency { add(latency, for: name, start: start) }
        }
    }
}
