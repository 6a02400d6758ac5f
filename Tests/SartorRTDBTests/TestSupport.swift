import SartorRTDB

/// A database with a fixed clock, and shorthands to send it requests.
struct Harness {
    let database: Database

    init(secret: String? = nil, nowMillis: Int64 = 1_712_345_678_901, root: Node = Node()) {
        database = Database(
            configuration: Database.Configuration(secret: secret, nowMillis: { nowMillis }),
            root: root)
    }

    @discardableResult
    func send(
        _ method: String, _ path: String, _ body: String? = nil,
        query: [(String, String)] = [], headers: [(String, String)] = []
    ) -> RTDBResponse {
        let request = RTDBRequest(
            method: method, path: path, query: query.map { (name: $0.0, value: $0.1) },
            headers: headers.map { (name: $0.0, value: $0.1) },
            body: body.map { Array($0.utf8) } ?? [])
        return database.handle(request)
    }

    /// The compact JSON at `path`.
    func read(_ path: String, query: [(String, String)] = []) -> String {
        send("GET", path, query: query).bodyText
    }
}

func errorBody(_ message: String) -> String {
    "{\n  \"error\" : \"\(message)\"\n}\n"
}

/// SplitMix64: a small seeded generator so that property tests are reproducible.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Random JSON values for round-trip tests: every scalar kind, escapes, non-ASCII text.
enum RandomJSON {
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\u{01}", "é",
        "€", "😀", "/", ".", "\u{7F}", "\u{E000}",
    ]

    static func string(_ random: inout SeededRandom) -> String {
        let count = Int.random(in: 0..<8, using: &random)
        return (0..<count).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    static func value(_ random: inout SeededRandom, depth: Int = 0) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2:
            let magnitudes: [Int64] = [9, 1000, Int64.max]
            let limit = magnitudes.randomElement(using: &random)!
            return .int(Int64.random(in: -limit...limit, using: &random))
        case 3:
            let exponent = Double(Int.random(in: -30...30, using: &random))
            let mantissa = Double.random(in: -1...1, using: &random)
            return .double(mantissa * pow10(exponent))
        case 4: return .string(string(&random))
        case 5:
            let count = Int.random(in: 0..<4, using: &random)
            return .array((0..<count).map { _ in value(&random, depth: depth + 1) })
        default:
            let count = Int.random(in: 0..<4, using: &random)
            var members: [String: JSONValue] = [:]
            for _ in 0..<count { members[string(&random)] = value(&random, depth: depth + 1) }
            return .object(members)
        }
    }

    private static func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(abs(exponent)) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
