import Foundation

/// A horizontal scale from latencies in microseconds to columns, shared by every latency row.
///
/// Linear from zero when the largest p99 is under 20 times the smallest p50; otherwise
/// logarithmic between the decades around them, so that a 2 ms read and a 2 s claim both show.
struct LatencyScale: Equatable {
    let isLogarithmic: Bool
    let lowMicros: Double
    let highMicros: Double
    let columns: Int

    init(smallestMicros: Int, largestMicros: Int, columns: Int) {
        self.columns = max(1, columns)
        let smallest = Double(max(1, smallestMicros))
        let largest = Double(max(smallestMicros + 1, largestMicros, 10))
        if largest / smallest >= 20 {
            isLogarithmic = true
            lowMicros = pow(10, floor(log10(smallest)))
            highMicros = pow(10, ceil(log10(largest)))
        } else {
            isLogarithmic = false
            lowMicros = 0
            highMicros = ThroughputPanel.niceCeiling(largest)
        }
    }

    /// How many columns a bar reaching `micros` fills, 0...columns.
    func columns(for micros: Int) -> Int {
        guard micros > 0 else { return 0 }
        let value = min(max(Double(micros), max(lowMicros, 1)), highMicros)
        let fraction =
            isLogarithmic
            ? log10(value / lowMicros) / log10(highMicros / lowMicros)
            : value / highMicros
        return max(1, Int((fraction * Double(columns)).rounded()))
    }

    /// Tick labels and the column each one sits at: every decade, or 0, half and full.
    var ticks: [(column: Int, label: String)] {
        var values: [Double] = []
        if isLogarithmic {
            var value = lowMicros
            while value <= highMicros * 1.001 {
                values.append(value)
                value *= 10
            }
        } else {
            values = [highMicros / 2, highMicros]
        }
        let marks = values.map {
            (column: columns(for: Int($0.rounded())), label: Format.tick(Int($0.rounded())))
        }
        return (isLogarithmic ? [] : [(column: 0, label: "0")]) + marks
    }
}
