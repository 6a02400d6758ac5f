import SartorMetrics

/// What one round of a case did: the records that reached the histograms, and the CPU time the
/// writer threads spent making them.
struct BenchRun {
    let recorded: Int
    let cpuNanoseconds: Double
}

/// One measured case: `body` makes `records` records on each of `writers` threads.
struct BenchCase {
    let name: String
    let writers: Int
    let body: (_ records: Int) -> BenchRun

    /// Nanoseconds per record on each writer: CPU median and best, wall median, over `rounds`.
    func measure(records: Int, rounds: Int) -> (
        cpuMedian: Double, cpuBest: Double, wallMedian: Double
    ) {
        _ = body(Swift.min(records, 100_000))
        var cpu: [Double] = []
        var wall: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            let run = body(records)
            let elapsed = ContinuousClock.now - start
            precondition(run.recorded == records * writers, "\(name): lost records")
            cpu.append(run.cpuNanoseconds / Double(records * writers))
            wall.append(nanoseconds(elapsed) / Double(records))
        }
        cpu.sort()
        wall.sort()
        return (cpu[cpu.count / 2], cpu[0], wall[wall.count / 2])
    }
}

/// Recorded values: a fixed spread of latencies from 50 µs to 2 s, cycled by index.
let sampleMask = (1 << 16) - 1
let sampleValues: [Int] = {
    var state: UInt64 = 0x5EED
    return (0...sampleMask).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let exponent = Double(state >> 11) / Double(1 << 53) * 10.6
        return 50 + Int((2.0 as Double).squareRoot() * pow2(exponent) * 30)
    }
}()

private func pow2(_ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= 2 }
    return result * (1 + (exponent - exponent.rounded(.down)))
}

func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// The command line: `--records N` (per writer, default 20,000,000) and `--rounds N` (5).
struct BenchOptions {
    var records = 20_000_000
    var rounds = 5

    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let text = rest.popFirst(), let number = Int(text), number > 0 else {
                fatalError("\(flag) needs a positive whole number, e.g. \(flag) 1000000")
            }
            switch flag {
            case "--records": records = number
            case "--rounds": rounds = number
            default: fatalError("unknown option \(flag); use --records N or --rounds N")
            }
        }
    }
}
