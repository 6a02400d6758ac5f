extension Query {
    private struct Entry {
        let key: KeyOrder.SortKey
        let node: Node
        let value: SortValue
    }

    /// The children of `node` that pass the range, sorted by the index, then limited.
    ///
    /// Cost: O(n) to filter plus O(m log m) to sort the m survivors.
    func evaluate(_ node: Node) -> [(key: String, node: Node)] {
        let index = self.index ?? .priority
        var entries: [Entry] = []
        entries.reserveCapacity(node.children.count)
        for (key, child) in node.children {
            let entry = Entry(
                key: KeyOrder.SortKey(key), node: child, value: Self.sortValue(child, index))
            if passes(entry, index: index) { entries.append(entry) }
        }
        entries.sort { Self.order($0, $1, index: index) < 0 }
        if let limitToFirst, entries.count > limitToFirst {
            entries.removeSubrange(limitToFirst...)
        }
        if let limitToLast, entries.count > limitToLast {
            entries.removeSubrange(..<(entries.count - limitToLast))
        }
        return entries.map { ($0.key.key, $0.node) }
    }

    private static func sortValue(_ child: Node, _ index: Index) -> SortValue {
        switch index {
        case .key: .null
        case .value: SortValue(child)
        case .priority: SortValue(priority: child.priority)
        case .child(let path): SortValue(child.child(at: path))
        }
    }

    private static func keyCompare(_ lhs: KeyOrder.SortKey, _ rhs: KeyOrder.SortKey) -> Int {
        if lhs.key == rhs.key { return 0 }
        return KeyOrder.SortKey.less(lhs, rhs) ? -1 : 1
    }

    private static func order(_ lhs: Entry, _ rhs: Entry, index: Index) -> Int {
        if index != .key {
            let byValue = SortValue.compare(lhs.value, rhs.value)
            if byValue != 0 { return byValue }
        }
        return keyCompare(lhs.key, rhs.key)
    }

    /// The entry compared with a bound: negative when the entry sorts before it.
    private func compare(_ entry: Entry, with bound: Bound, index: Index) -> Int {
        if index == .key {
            guard case .string(let text) = bound.value else { return 0 }
            return Self.keyCompare(entry.key, KeyOrder.SortKey(text))
        }
        let byValue = SortValue.compare(entry.value, bound.value)
        if byValue != 0 { return byValue }
        guard let key = bound.key else { return 0 }
        return Self.keyCompare(entry.key, KeyOrder.SortKey(key))
    }

    private func passes(_ entry: Entry, index: Index) -> Bool {
        if let start {
            let comparison = compare(entry, with: start, index: index)
            if comparison < 0 || (comparison == 0 && start.exclusive) { return false }
        }
        if let end {
            let comparison = compare(entry, with: end, index: index)
            if comparison > 0 || (comparison == 0 && end.exclusive) { return false }
        }
        return true
    }
}
