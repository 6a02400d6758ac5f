// Nanoseconds per record on the metrics hot path, in a release build:
//   swift run -c release sartor-bench [--records N] [--rounds N]
// Each case runs `rounds` times. Figures are CPU time of the writer threads per record, so that
// other processes sharing the machine do not inflate them; wall time is shown beside.
import SartorMetrics

let options = BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
let cases: [BenchCase] = [
    BenchCase(name: "Histogram.record, 1 writer", writers: 1) { records in
        var histogram = Histogram()
        let cpu = threadCPUNanoseconds {
            sampleValues.withUnsafeBufferPointer { values in
                for index in 0..<records { histogram.record(values[index & sampleMask]) }
            }
        }
        return BenchRun(recorded: histogram.totalCount, cpuNanoseconds: cpu)
    },
    BenchCase(name: "IntervalRecorder.record, 1 writer", writers: 1) { records in
        let recorder = IntervalRecorder()
        let cpu = runWriters(1, records: records) { recorder.record($0) }
        return BenchRun(recorded: recorder.takeInterval().totalCount, cpuNanoseconds: cpu)
    },
    BenchCase(name: "IntervalRecorder.record, 2 writers", writers: 2) { records in
        let recorder = IntervalRecorder()
        let cpu = runWriters(2, records: records) { recorder.record($0) }
        return BenchRun(recorded: recorder.takeInterval().totalCount, cpuNanoseconds: cpu)
    },
    BenchCase(name: "IntervalRecorder, 2 writers + reader", writers: 2) { records in
        let recorder = IntervalRecorder()
        var taken = 0
        let cpu = runWriters(2, records: records) {
            recorder.record($0)
        } whileWaiting: {
            taken += recorder.takeInterval().totalCount
        }
        taken += recorder.takeInterval().totalCount
        return BenchRun(recorded: taken, cpuNanoseconds: cpu)
    },
    BenchCase(name: "one shared lock, 2 writers (baseline)", writers: 2) { records in
        let shared = SharedLockHistogram()
        let cpu = runWriters(2, records: records) { shared.record($0) }
        return BenchRun(recorded: shared.totalCount, cpuNanoseconds: cpu)
    },
]

print("records per writer: \(options.records), rounds: \(options.rounds)")
print(pad("case", 40) + pad("cpu ns/record", 15) + pad("best", 8) + "wall ns/record")
for benchCase in cases {
    let result = benchCase.measure(records: options.records, rounds: options.rounds)
    print(
        pad(benchCase.name, 40) + pad(format(result.cpuMedian), 15) + pad(format(result.cpuBest), 8)
            + format(result.wallMedian))
}
