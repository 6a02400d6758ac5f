/// How a node is turned into JSON.
public struct RenderOptions: Sendable, Equatable {
    /// RTDB's `print=pretty`.
    public var pretty: Bool
    /// `format=export`: priorities included, integer-keyed objects stay objects.
    public var export: Bool

    public init(pretty: Bool = false, export: Bool = false) {
        self.pretty = pretty
        self.export = export
    }
}

extension Node {
    /// The node as JSON: `null` when empty, children in `$key` order, and objects whose keys
    /// are all array indices rendered as arrays when more than half the slots are filled
    /// (`maxKey < 2 * count`), missing slots as `null` (not under `export`).
    /// The compact form comes from the memos (see `compactJSON`).
    public func json(_ options: RenderOptions = RenderOptions()) -> [UInt8] {
        if !options.pretty && !options.export { return compactJSON }
        var writer = JSONWriter(pretty: options.pretty, capacity: 256)
        writer.write(self, export: options.export)
        return writer.bytes
    }

    /// The node as a `JSONValue`, with the same rules as `json(_:)`.
    public func jsonValue(export: Bool = false) -> JSONValue {
        if let value {
            guard export, let priority else { return value.jsonValue }
            return .object([".value": value.jsonValue, ".priority": priority.jsonValue])
        }
        if children.isEmpty { return .null }
        if !export, let slots = arraySlots() {
            return .array(slots.map { $0?.jsonValue() ?? .null })
        }
        var members = children.mapValues { $0.jsonValue(export: export) }
        if export, let priority { members[".priority"] = priority.jsonValue }
        return .object(members)
    }

    /// The children as array slots when the array rule applies, else nil.
    func arraySlots() -> [Node?]? {
        guard let length = Self.arrayLength(children.keys, count: children.count) else {
            return nil
        }
        var slots = [Node?](repeating: nil, count: length)
        for (key, child) in children { slots[KeyRules.arrayIndex(key)!] = child }
        return slots
    }

    /// The array length (`maxKey + 1`) when every key is an index and `maxKey < 2 * count`.
    static func arrayLength(_ keys: some Sequence<String>, count: Int) -> Int? {
        var maximum = -1
        for key in keys {
            guard let index = KeyRules.arrayIndex(key) else { return nil }
            maximum = max(maximum, index)
        }
        return maximum < 2 * count ? maximum + 1 : nil
    }
}

extension JSONWriter {
    mutating func write(_ primitive: Primitive) {
        switch primitive {
        case .bool(let flag): writeBool(flag)
        case .int(let number): writeInt(number)
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        }
    }

    /// Appends `node`: compact JSON through the memos, other forms by `writeTree`.
    mutating func write(_ node: Node, export: Bool) {
        if !pretty && !export { return writeCompact(node) }
        writeTree(node, export: export)
    }

    /// Appends `node` walking the whole subtree, without memos.
    mutating func writeTree(_ node: Node, export: Bool) {
        if let value = node.value {
            guard export, let priority = node.priority else { return write(value) }
            beginObject()
            writeKey(".priority")
            write(priority)
            writeKey(".value")
            write(value)
            endObject(empty: false)
            return
        }
        if node.children.isEmpty { return writeNull() }
        if !export, let slots = node.arraySlots() {
            beginArray()
            for slot in slots {
                nextElement()
                if let slot { writeTree(slot, export: false) } else { writeNull() }
            }
            endArray(empty: false)
            return
        }
        beginObject()
        if export, let priority = node.priority {
            writeKey(".priority")
            write(priority)
        }
        for (key, child) in KeyOrder.sortedChildren(node.children) {
            writeKey(key)
            writeTree(child, export: export)
        }
        endObject(empty: false)
    }

    /// Writes `members` (already ordered) as an object, each child rendered with `export`.
    mutating func writeObject(_ members: [(String, Node)], export: Bool) {
        beginObject()
        for (key, child) in members {
            writeKey(key)
            write(child, export: export)
        }
        endObject(empty: members.isEmpty)
    }
}
