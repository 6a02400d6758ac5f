/// The six operations of a Sartor agent, in the order of `SartorWorkload.operations`.
public enum SartorOperation: Int, CaseIterable, Sendable {
    case directMessage
    case broadcast
    case taskCreate
    case taskClaim
    case knowledgeAdd
    case statusQuery

    /// The name used by flags, the dashboard and the reports.
    public var name: String {
        switch self {
        case .directMessage: "direct_message"
        case .broadcast: "broadcast"
        case .taskCreate: "task_create"
        case .taskClaim: "task_claim"
        case .knowledgeAdd: "knowledge_add"
        case .statusQuery: "status_query"
        }
    }

    /// The weight of the original load generator: 30/10/15/15/20/10.
    public var defaultWeight: Double {
        switch self {
        case .directMessage: 30
        case .broadcast: 10
        case .taskCreate, .taskClaim: 15
        case .knowledgeAdd: 20
        case .statusQuery: 10
        }
    }

    /// The operation called `name`, or nil.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// Every name, comma-separated, for help and error messages.
    public static var allNames: String { allCases.map(\.name).joined(separator: ", ") }
}

/// The weights of the six operations.
public struct OperationMix: Sendable, Equatable {
    /// Weight by operation; every operation has one, 0 when unused.
    public private(set) var weights: [SartorOperation: Double]

    /// The original mix, 30/10/15/15/20/10.
    public static let standard = OperationMix(
        weights: Dictionary(
            uniqueKeysWithValues: SartorOperation.allCases.map {
                ($0, $0.defaultWeight)
            }))

    public init(weights: [SartorOperation: Double]) {
        var complete: [SartorOperation: Double] = [:]
        for operation in SartorOperation.allCases { complete[operation] = weights[operation] ?? 0 }
        self.weights = complete
    }

    /// The weight of `operation`.
    public subscript(operation: SartorOperation) -> Double { weights[operation] ?? 0 }

    /// Parses `direct_message=30,broadcast=10,...`: names missing from the text get 0.
    /// Throws `MixError` for an unknown name, a bad number, a repeated name or an all-zero mix.
    public static func parse(_ text: String) throws(MixError) -> OperationMix {
        var named: [(name: String, weight: Double)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: " ")
            }
            guard parts.count == 2 else { throw .malformed(String(item)) }
            guard let weight = Double(parts[1]), weight >= 0, weight.isFinite else {
                throw .badWeight(parts[0], parts[1])
            }
            named.append((parts[0], weight))
        }
        return try OperationMix(named: named, text: text)
    }

    /// A mix from names and weights already split (by the command-line parser): every name
    /// must be an operation's, given once, and at least one weight must be above 0.
    public init(named: [(name: String, weight: Double)], text: String) throws(MixError) {
        var weights: [SartorOperation: Double] = [:]
        for (name, weight) in named {
            guard let operation = SartorOperation(name: name) else {
                throw .unknownOperation(name)
            }
            guard weights[operation] == nil else { throw .repeated(operation.name) }
            weights[operation] = weight
        }
        guard weights.values.contains(where: { $0 > 0 }) else { throw .empty(text) }
        self.init(weights: weights)
    }
}

/// Why a `--mix` value was refused; the description names the value and the fix.
public enum MixError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknownOperation(String)
    case badWeight(String, String)
    case repeated(String)
    case empty(String)

    public var description: String {
        switch self {
        case .malformed(let item):
            "'\(item)' is not name=weight; write for example direct_message=30,broadcast=10"
        case .unknownOperation(let name):
            "unknown operation '\(name)'; the operations are \(SartorOperation.allNames)"
        case .badWeight(let name, let value):
            "weight '\(value)' of \(name) is not a number >= 0"
        case .repeated(let name): "\(name) is given twice"
        case .empty(let text): "the mix '\(text)' gives no operation a weight above 0"
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
