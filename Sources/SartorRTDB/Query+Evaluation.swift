extension Query {
    /// A child reduced to what the sort compares; `order.index` points into the children.
    private struct Entry {
        let order: KeyOrder.OrderKey
        let value: SortValue
    }

    /// Index of a bound's key in comparisons (children use their position).
    private static let boundIndex: Int32 = -1

    /// The children of `node` that pass the range, sorted by the index, then limited.
    ///
    /// Cost: O(n) to filter plus O(m log m) to sort the m survivors.
    func evaluate(_ node: Node) -> [(key: String, node: Node)] {
        let index = self.index ?? .priority
        let children = Array(node.children)
        var entries: [Entry] = []
        entries.reserveCapacity(children.count)
        for position in children.indices {
            let (key, child) = children[position]
            let entry = Entry(
                order: KeyOrder.OrderKey(key, index: position),
                value: Self.sortValue(child, index))
            if passes(entry, index: index, children) { entries.append(entry) }
        }
        children.withUnsafeBufferPointer { buffer in
            entries.sort { Self.order($0, $1, index: index, buffer) < 0 }
        }
        if let limitToFirst, entries.count > limitToFirst {
            entries.removeSubrange(limitToFirst...)
        }
        if let limitToLast, entries.count > limitToLast {
            entries.removeSubrange(..<(entries.count - limitToLast))
        }
        return entries.map { entry in
            let (key, child) = children[Int(entry.order.index)]
            return (key, child)
        }
    }

    private static func sortValue(_ child: Node, _ index: Index) -> SortValue {
        switch index {
        case .key: .null
        case .value: SortValue(child)
        case .priority: SortValue(priority: child.priority)
        case .child(let path): SortValue(child.child(at: path))
        }
    }

    private static func order(
        _ lhs: Entry, _ rhs: Entry, index: Index,
        _ children: UnsafeBufferPointer<(key: String, value: Node)>
    ) -> Int {
        if index != .key {
            let byValue = SortValue.compare(lhs.value, rhs.value)
            if byValue != 0 { return byValue }
        }
        return KeyOrder.compare(lhs.order, rhs.order) { children[Int($0)].key }
    }

    /// The entry compared with a bound: negative when the entry sorts before it.
    private func compare(
        _ entry: Entry, with bound: Bound, index: Index, _ children: [(key: String, value: Node)]
    ) -> Int {
        let boundKey: String
        if index == .key {
            guard case .string(let text) = bound.value else { return 0 }
            boundKey = text
        } else {
            let byValue = SortValue.compare(entry.value, bound.value)
            if byValue != 0 { return byValue }
            guard let key = bound.key else { return 0 }
            boundKey = key
        }
        let boundOrder = KeyOrder.OrderKey(boundKey, index: Int(Self.boundIndex))
        return KeyOrder.compare(entry.order, boundOrder) { position in
            position == Self.boundIndex ? boundKey : children[Int(position)].key
        }
    }

    private func passes(
        _ entry: Entry, index: Index, _ children: [(key: String, value: Node)]
    ) -> Bool {
        if let start {
            let comparison = compare(entry, with: start, index: index, children)
            if comparison < 0 || (comparison == 0 && start.exclusive) { return false }
        }
        if let end {
            let comparison = compare(entry, with: end, index: index, children)
            if comparison > 0 || (comparison == 0 && end.exclusive) { return false }
        }
        return true
    }
}
