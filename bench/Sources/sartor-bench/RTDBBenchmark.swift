import SartorRTDB

/// In-process throughput of `Database.handle(_:)`: no sockets, so these figures bound what the
/// HTTP server can reach. Run with `swift run -c release sartor-bench rtdb`.
enum RTDBBenchmark {
    static func run() {
        let database = Database()
        let record = String(repeating: "x", count: 160)
        let body = Array("{\"owner\":\"agent-7\",\"n\":42,\"payload\":\"\(record)\"}".utf8)

        measure("PUT 200-byte record", count: 200_000) { index in
            let request = RTDBRequest(
                method: "PUT", path: "/records/r\(index % 5000).json",
                query: [("print", "silent")], body: body)
            _ = database.handle(request)
        }
        let get = RTDBRequest(method: "GET", path: "/records/r42.json")
        measure("GET small node", count: 300_000) { _ in _ = database.handle(get) }

        measure("POST push id", count: 100_000) { _ in
            _ = database.handle(RTDBRequest(method: "POST", path: "/big.json", body: body))
        }
        let big = RTDBRequest(method: "GET", path: "/big.json")
        var bytes = 0
        measure("GET 100,000-child collection", count: 10) { _ in
            bytes = database.handle(big).body.count
        }
        print("  (\(bytes) bytes per response)")
        // The workload's case: every read follows a write into the collection.
        measure("GET 100,000-child collection after a PUT into it", count: 10) { index in
            let request = RTDBRequest(
                method: "PUT", path: "/big/fresh\(index).json", query: [("print", "silent")],
                body: body)
            _ = database.handle(request)
            bytes = database.handle(big).body.count
        }
        let records = RTDBRequest(method: "GET", path: "/records.json")
        _ = database.handle(records)
        measure("GET unchanged 5,000-child collection (from the memo)", count: 200) { _ in
            bytes = database.handle(records).body.count
        }
        print("  (\(bytes) bytes per response)")
        let shallow = RTDBRequest(method: "GET", path: "/big.json", query: [("shallow", "true")])
        measure("GET shallow 100,000 children", count: 10) { _ in _ = database.handle(shallow) }
        let query = RTDBRequest(
            method: "GET", path: "/big.json",
            query: [("orderBy", "\"$key\""), ("limitToLast", "10")])
        measure("GET orderBy $key limitToLast 10", count: 10) { _ in _ = database.handle(query) }
        measure("PUT into the 100,000-child collection", count: 20_000) { index in
            let request = RTDBRequest(
                method: "PUT", path: "/big/extra\(index).json", query: [("print", "silent")],
                body: body)
            _ = database.handle(request)
        }
    }

    /// Prints operations per CPU-second of this thread (other processes sharing the machine do
    /// not inflate it) and the wall-clock time per operation beside it.
    private static func measure(_ name: String, count: Int, _ body: (Int) -> Void) {
        let clock = ContinuousClock()
        var cpuNanoseconds = 0.0
        let elapsed = clock.measure {
            cpuNanoseconds = threadCPUNanoseconds {
                for index in 0..<count { body(index) }
            }
        }
        let wallSeconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpuMicros = cpuNanoseconds / Double(count) / 1e3
        let perSecond = Int(1e6 / cpuMicros)
        let wallMicros = formatted(wallSeconds / Double(count) * 1e6)
        print(
            "\(name): \(perSecond) ops/CPU-s, \(formatted(cpuMicros)) µs CPU/op"
                + " (wall \(wallMicros) µs/op) over \(count)")
    }

    private static func formatted(_ value: Double) -> String {
        String(Double(Int(value * 10)) / 10)
    }
}
