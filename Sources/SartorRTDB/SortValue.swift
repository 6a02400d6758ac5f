/// A value as the query orderings compare it: `null` (or missing) < `false` < `true` <
/// numbers < strings < objects.
enum SortValue: Equatable {
    case null
    case `false`
    case `true`
    case int(Int64)
    case double(Double)
    case string(String)
    case object

    init(_ node: Node) {
        switch node.value {
        case nil: self = node.children.isEmpty ? .null : .object
        case .bool(let flag)?: self = flag ? .true : .false
        case .int(let number)?: self = .int(number)
        case .double(let number)?: self = .double(number)
        case .string(let text)?: self = .string(text)
        }
    }

    /// Priorities order as: none, numbers, strings.
    init(priority: Primitive?) {
        switch priority {
        case .int(let number)?: self = .int(number)
        case .double(let number)?: self = .double(number)
        case .string(let text)?: self = .string(text)
        case .bool?, nil: self = .null
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .false: 1
        case .true: 2
        case .int, .double: 3
        case .string: 4
        case .object: 5
        }
    }

    /// -1, 0 or 1.
    static func compare(_ lhs: SortValue, _ rhs: SortValue) -> Int {
        switch (lhs, rhs) {
        case (.int(let left), .int(let right)): return left < right ? -1 : (left == right ? 0 : 1)
        case (.int(let left), .double(let right)): return compareDoubles(Double(left), right)
        case (.double(let left), .int(let right)): return compareDoubles(left, Double(right))
        case (.double(let left), .double(let right)): return compareDoubles(left, right)
        case (.string(let left), .string(let right)):
            if left == right { return 0 }
            return KeyOrder.stringLess(left, right) ? -1 : 1
        default:
            return lhs.rank < rhs.rank ? -1 : (lhs.rank == rhs.rank ? 0 : 1)
        }
    }

    private static func compareDoubles(_ left: Double, _ right: Double) -> Int {
        left < right ? -1 : (left == right ? 0 : 1)
    }
}
