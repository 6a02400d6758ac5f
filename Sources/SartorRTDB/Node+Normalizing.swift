/// Resolves `{".sv": ...}` placeholders: the request's timestamp and the stored values that
/// increments add to. `root` is the tree before the write; drop the resolver before mutating
/// the tree, or the copy-on-write storage along the path gets copied.
struct ServerValueResolver {
    let nowMillis: Int64
    let root: Node

    func resolve(_ spec: JSONValue, at path: DatabasePath) throws(RTDBError) -> Primitive {
        if case .string("timestamp") = spec { return .int(nowMillis) }
        guard case .object(let members) = spec, members.count == 1,
            let delta = members["increment"]
        else { throw RTDBError.unrecognizedServerValue }
        let existing = root.child(at: path).value
        switch (existing, delta) {
        case (.int(let base)?, .int(let step)):
            let (sum, overflow) = base.addingReportingOverflow(step)
            return overflow ? .double(Double(base) + Double(step)) : .int(sum)
        case (.int(let base)?, .double(let step)): return .double(Double(base) + step)
        case (.double(let base)?, .int(let step)): return .double(base + Double(step))
        case (.double(let base)?, .double(let step)): return .double(base + step)
        case (_, .int(let step)): return .int(step)
        case (_, .double(let step)): return .double(step)
        default: throw RTDBError.unrecognizedServerValue
        }
    }
}

extension Node {
    /// Builds the node to store at `path` from a request body: nulls and empty containers
    /// dropped, arrays turned into `"0"`, `"1"`, ... children, `.value`/`.priority` applied,
    /// depth and string limits checked. Without a `resolver`, a server value throws
    /// `RTDBError.needsServerValues` so that the caller can retry under the lock.
    static func normalizing(
        _ value: JSONValue, at path: DatabasePath, resolver: ServerValueResolver?
    ) throws(RTDBError) -> Node {
        var builder = NodeBuilder(resolver: resolver)
        return try builder.build(value, at: path, pathBytes: path.byteCount)
    }

    /// A priority from a request body: a number, a string, `null` or a server value.
    static func normalizingPriority(
        _ value: JSONValue, at path: DatabasePath, resolver: ServerValueResolver?
    ) throws(RTDBError) -> Primitive? {
        var builder = NodeBuilder(resolver: resolver)
        return try builder.buildPriority(value, at: path)
    }
}

private struct NodeBuilder {
    let resolver: ServerValueResolver?

    /// `pathBytes` is `path.byteCount`, carried down rather than recounted at every level.
    mutating func build(_ value: JSONValue, at path: DatabasePath, pathBytes: Int)
        throws(RTDBError) -> Node
    {
        guard path.keys.count <= KeyRules.maximumDepth else { throw RTDBError.tooDeep }
        switch value {
        case .null: return .empty
        case .bool(let flag): return Node(.bool(flag))
        case .int(let number): return Node(.int(number))
        case .double(let number): return Node(.double(number))
        case .string(let text):
            guard text.utf8.count <= KeyRules.maximumStringBytes else {
                throw RTDBError.stringTooLong
            }
            return Node(.string(text))
        case .array(let elements):
            var children: [String: Node] = [:]
            for (index, element) in elements.enumerated() {
                let key = String(index)
                let bytes = try childPathBytes(pathBytes, path, key)
                let child = try build(element, at: path.appending(key), pathBytes: bytes)
                if !child.isEmpty { children[key] = child }
            }
            return Node(nonEmptyChildren: children)
        case .object(let members):
            return try buildObject(members, at: path, pathBytes: pathBytes)
        }
    }

    /// The byte count of `path` plus `key`, refused past the limit on whole key paths, as a
    /// URL naming the same location is.
    private func childPathBytes(_ pathBytes: Int, _ path: DatabasePath, _ key: String)
        throws(RTDBError) -> Int
    {
        let bytes = pathBytes + (path.keys.isEmpty ? 0 : 1) + key.utf8.count
        guard bytes <= KeyRules.maximumKeyBytes else { throw RTDBError.pathTooLong }
        return bytes
    }

    private mutating func buildObject(
        _ members: [String: JSONValue], at path: DatabasePath, pathBytes: Int
    ) throws(RTDBError) -> Node {
        if let spec = members[".sv"] {
            guard members.count == 1 else { throw RTDBError.invalidData }
            guard let resolver else { throw RTDBError.needsServerValues }
            return Node(try resolver.resolve(spec, at: path))
        }
        var node: Node
        if let inner = members[".value"] {
            guard members.keys.allSatisfy({ $0 == ".value" || $0 == ".priority" }) else {
                throw RTDBError.invalidData
            }
            node = try build(inner, at: path, pathBytes: pathBytes)
        } else {
            var children: [String: Node] = [:]
            children.reserveCapacity(members.count)
            for (key, member) in members where key != ".priority" {
                guard KeyRules.isValidKey(key) else { throw RTDBError.invalidData }
                let bytes = try childPathBytes(pathBytes, path, key)
                let child = try build(member, at: path.appending(key), pathBytes: bytes)
                if !child.isEmpty { children[key] = child }
            }
            node = Node(nonEmptyChildren: children)
        }
        if let priority = members[".priority"], !node.isEmpty {
            node.priority = try buildPriority(priority, at: path)
        }
        return node
    }

    /// A priority is a number, a string, `null` or a server value.
    mutating func buildPriority(_ value: JSONValue, at path: DatabasePath)
        throws(RTDBError) -> Primitive?
    {
        switch value {
        case .null: return nil
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .object(let members) where members.count == 1 && members[".sv"] != nil:
            guard let resolver else { throw RTDBError.needsServerValues }
            return try resolver.resolve(members[".sv"]!, at: path.appending(".priority"))
        default: throw RTDBError.invalidPriority
        }
    }
}
