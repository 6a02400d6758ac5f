import SartorEngine

// Measures the engine alone: many virtual agents running an operation that only sleeps, while
// a reader takes 10 snapshots a second as the dashboard does. Prints CPU use and memory.
//
//   engine-bench [agents] [seconds] [think-min-ms] [think-max-ms] [op-ms]
//   engine-bench open [rate] [seconds] [max-in-flight] [op-ms]

let arguments = Array(CommandLine.arguments.dropFirst())
let isOpen = arguments.first == "open"
let numbers = arguments.drop { $0 == "open" }.compactMap { Double($0) }
func number(_ index: Int, _ fallback: Double) -> Double {
    index < numbers.count ? numbers[index] : fallback
}

let seconds = number(1, 30)
let operationTime = Duration.milliseconds(Int64(number(isOpen ? 3 : 4, 5)))
let model: LoadModel =
    isOpen
    ? .open(rate: number(0, 2_000), maxInFlight: Int(number(2, 1_000)))
    : .closed(
        agents: Int(number(0, 10_000)),
        think: ThinkTime(
            .milliseconds(Int64(number(2, 2_000))), .milliseconds(Int64(number(3, 8_000)))))
let controller = RunController(
    workload: SleepWorkload(operationTime: operationTime),
    configuration: RunConfiguration(
        model: model, duration: .seconds(seconds), seed: 1, drainTimeout: .seconds(10)))

let before = ProcessUsage.now()
let clock = ContinuousClock()
let start = clock.now
let reader = Task {
    var lastReport = clock.now
    var snapshots = 0
    while !Task.isCancelled {
        let snapshot = controller.snapshot()
        snapshots += 1
        if clock.now - lastReport >= .seconds(5) {
            lastReport = clock.now
            let usage = ProcessUsage.now()
            let wall = (clock.now - start).seconds
            let cpu = (usage.cpuTime - before.cpuTime).seconds
            print(
                "t=\(Int(wall))s agents=\(snapshot.agents) inFlight=\(snapshot.inFlight)"
                    + " ops/s=\(Int(snapshot.achievedRate)) expected=\(Int(snapshot.expectedRate))"
                    + " cpu=\(percent(cpu / wall)) rss=\(megabytes(usage.residentBytes))")
        }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return snapshots
}

let final = await controller.run()
reader.cancel()
let snapshots = await reader.value
let after = ProcessUsage.now()
let wall = (clock.now - start).seconds
let cpu = (after.cpuTime - before.cpuTime).seconds
let latency = final.latency
let recent = final.recentLatency
print(
    """
    model: \(isOpen ? "open" : "closed") \(final.model)
    operation: sleep \(operationTime), snapshots taken: \(snapshots)
    operations: \(final.completedOperations) in \(rounded(final.activeTime.seconds)) s \
    (\(Int(final.overallRate))/s), rate limited: \(final.operations[1].rateLimited), \
    missed starts: \(final.missedStarts), errors: \(final.errorCount)
    latency µs: p50 \(latency.value(atPercentile: 50)) p99 \(latency.value(atPercentile: 99)) \
    max \(latency.max); last 10 s: p50 \(recent.value(atPercentile: 50)) \
    p99 \(recent.value(atPercentile: 99))
    cpu: \(rounded(cpu)) s over \(rounded(wall)) s = \(percent(cpu / wall)) of one core
    rss: now \(megabytes(after.residentBytes)), peak \(megabytes(after.peakResidentBytes))
    """)

func percent(_ fraction: Double) -> String { "\(rounded(fraction * 100))%" }
func megabytes(_ bytes: Int) -> String { "\(rounded(Double(bytes) / 1_048_576)) MiB" }
func rounded(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) }
