/// A leaf value stored in the tree.
public enum Primitive: Sendable, Equatable, Hashable {
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)

    public var jsonValue: JSONValue {
        switch self {
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        }
    }
}

/// One node of the tree: a leaf (`value`), or an object (`children`), or empty, plus an
/// optional priority.
///
/// Nodes are values with copy-on-write storage: a reader takes a node under the database lock
/// and serializes it after releasing the lock, while writers go on changing the tree.
/// Invariants kept by every mutation: a leaf has no children; no child is empty; an empty node
/// has no priority; an object node has a fresh `memo` after every change of its value or
/// children (a leaf or an empty node has none).
public struct Node: Sendable {
    public internal(set) var value: Primitive? {
        didSet { renewMemo() }
    }
    public internal(set) var children: [String: Node] {
        didSet { renewMemo() }
    }
    /// A number or a string, used by `orderBy="$priority"` and `format=export`. Not part of
    /// the compact JSON, so changing it keeps the memo.
    public internal(set) var priority: Primitive?
    /// This object node's compact JSON once computed; shared by the copies of the node and
    /// replaced, not cleared, when the node changes, so that older copies keep theirs.
    private(set) var memo: CompactJSONMemo?

    public init() {
        value = nil
        children = [:]
        priority = nil
        memo = nil
    }

    public init(_ value: Primitive, priority: Primitive? = nil) {
        self.value = value
        self.children = [:]
        self.priority = priority
        memo = nil
    }

    public init(children: [String: Node], priority: Primitive? = nil) {
        self.value = nil
        self.children = children.filter { !$0.value.isEmpty }
        self.priority = self.children.isEmpty ? nil : priority
        memo = self.children.isEmpty ? nil : CompactJSONMemo()
    }

    /// Children already known to be non-empty (skips the filtering copy).
    init(nonEmptyChildren children: [String: Node]) {
        self.value = nil
        self.children = children
        self.priority = nil
        memo = children.isEmpty ? nil : CompactJSONMemo()
    }

    private mutating func renewMemo() {
        memo = value == nil && !children.isEmpty ? CompactJSONMemo(previous: memo) : nil
    }

    public static let empty = Node()

    public var isEmpty: Bool { value == nil && children.isEmpty }

    /// The node at `path` below this one; an empty node when nothing is stored there.
    public func child(at path: DatabasePath) -> Node {
        child(at: path.keys[...])
    }

    func child(at keys: ArraySlice<String>) -> Node {
        var node = self
        for key in keys {
            guard let next = node.children[key] else { return .empty }
            node = next
        }
        return node
    }

    /// Replaces the node at `path`; an empty `node` deletes, and ancestors left empty vanish.
    public mutating func set(_ node: Node, at path: DatabasePath) {
        set(node, at: path.keys[...])
    }

    mutating func set(_ node: Node, at keys: ArraySlice<String>) {
        guard let first = keys.first else {
            self = node
            return
        }
        if node.isEmpty && children[first] == nil { return }
        if value != nil { value = nil }
        children[first, default: Node()].set(node, at: keys.dropFirst())
        if children[first]!.isEmpty { children[first] = nil }
        if isEmpty { priority = nil }
    }

    /// Sets the priority of the node at `path`; nothing happens to an empty location.
    mutating func setPriority(_ priority: Primitive?, at keys: ArraySlice<String>) {
        guard let first = keys.first else {
            if !isEmpty { self.priority = priority }
            return
        }
        guard children[first] != nil else { return }
        children[first]!.setPriority(priority, at: keys.dropFirst())
    }

    /// Number of nodes in this subtree, leaves and objects alike.
    public var nodeCount: Int {
        children.values.reduce(1) { $0 + $1.nodeCount }
    }
}

extension Node: Equatable {
    /// Equal values, children and priorities; the memo is a cache and takes no part.
    public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.value == rhs.value && lhs.priority == rhs.priority && lhs.children == rhs.children
    }
}
