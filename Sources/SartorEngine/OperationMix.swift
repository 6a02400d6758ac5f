/// The target weights of a run's operations and the weighted pick.
///
/// Held inside the controller's lock and read at every pick, so a weight change applies to the
/// very next operation any agent starts. A pick is O(number of operations), one random draw.
struct OperationMix: Sendable {
    /// The weights the workload declared, restored by `restore()`.
    let configured: [Double]
    private(set) var weights: [Double]
    private(set) var total: Double

    init(weights: [Double]) {
        configured = weights.map { $0.isFinite ? max(0, $0) : 0 }
        self.weights = configured
        total = configured.reduce(0, +)
    }

    /// Sets one weight; negative or non-finite weights become 0. Returns false for a bad index.
    mutating func set(_ weight: Double, at index: Int) -> Bool {
        guard weights.indices.contains(index) else { return false }
        weights[index] = weight.isFinite ? max(0, weight) : 0
        total = weights.reduce(0, +)
        return true
    }

    /// Sets every weight; returns false (changing nothing) when the count does not match.
    mutating func set(_ newWeights: [Double]) -> Bool {
        guard newWeights.count == weights.count else { return false }
        weights = newWeights.map { $0.isFinite ? max(0, $0) : 0 }
        total = weights.reduce(0, +)
        return true
    }

    mutating func restore() {
        weights = configured
        total = configured.reduce(0, +)
    }

    /// The share of operation `index` in `0...1`.
    func share(of index: Int) -> Double {
        total > 0 ? weights[index] / total : 0
    }

    /// An operation index drawn by weight, or `nil` when every weight is 0.
    func pick(using random: inout SeededRandom) -> Int? {
        guard total > 0 else { return nil }
        var remaining = random.nextUnitDouble() * total
        var last: Int?
        for (index, weight) in weights.enumerated() where weight > 0 {
            if remaining < weight { return index }
            remaining -= weight
            last = index
        }
        // Rounding can leave a sliver past the last positive weight.
        return last
    }
}
