import Synchronization

/// The compact JSON of one object node, computed by the first reader that needs it and kept
/// until the node changes (a change gives the node a new, empty memo).
///
/// Thread-safety: the bytes are under a `Mutex`, because readers serialize nodes outside the
/// database lock. Two readers may both compute the bytes; they are equal, and one is kept.
final class CompactJSONMemo: Sendable {
    private let stored = Mutex<[UInt8]?>(nil)
    private let size: Atomic<Int>
    private let largeReads = Atomic<Int>(0)

    /// A memo for a changed node, given the previous memo's size (bytes kept or not) as the
    /// likely size of the new bytes, so that large nodes are written without regrowing.
    init(previous: CompactJSONMemo? = nil) {
        size = Atomic(previous?.size.load(ordering: .relaxed) ?? 0)
    }

    var bytes: [UInt8]? { stored.withLock { $0 } }

    /// The size of the node's compact JSON when last written, or of its previous version.
    var sizeHint: Int { size.load(ordering: .relaxed) }

    func store(_ bytes: [UInt8]) { stored.withLock { $0 = bytes } }

    func noteSize(_ count: Int) { size.store(count, ordering: .relaxed) }

    /// Counts a serialization of this (unchanged) node beyond `Node.memoizedJSONLimit`; true
    /// from the second on, when the node has shown it is read more often than written.
    func noteLargeRead() -> Bool { largeReads.add(1, ordering: .relaxed).newValue >= 2 }
}

extension Node {
    // Limitation: memoized bytes take memory beside the tree itself (about as much again for
    // the records). A node above this size (typically a whole collection, also written under
    // most often) keeps its bytes only from its second read without a change in between, so
    // that collections written between reads cost no memory and read-mostly ones (the agents
    // of a network) are served as one copy. Reading a changed large node sorts its keys and
    // concatenates its children's memos.
    /// The largest compact JSON a node keeps in its memo from its first read, in bytes.
    static let memoizedJSONLimit = 1 << 20

    /// The node as compact JSON (`json()` without options): from the memo when it holds the
    /// bytes, else serialized once, filling the memos of this node and its descendants.
    ///
    /// Cost: O(1) for an unchanged object node read before; otherwise O(n log n) in the
    /// number of children along changed paths, plus a copy of the unchanged children's bytes.
    public var compactJSON: [UInt8] {
        if let cached = memo?.bytes { return cached }
        var writer = JSONWriter(capacity: 256)
        writer.writeCompact(self)
        return writer.bytes
    }
}

extension JSONWriter {
    /// Appends `node` as compact JSON, reusing children's memos and filling the missing ones.
    /// The writer must be compact (not pretty).
    mutating func writeCompact(_ node: Node) {
        if let value = node.value { return write(value) }
        guard let memo = node.memo else { return writeNull() }
        if let cached = memo.bytes {
            bytes.append(contentsOf: cached)
            return
        }
        let start = bytes.count
        if memo.sizeHint >= Self.reserveThreshold {
            bytes.reserveCapacity(start + memo.sizeHint + memo.sizeHint / 16)
        }
        if let slots = node.arraySlots() {
            beginArray()
            for slot in slots {
                nextElement()
                if let slot { writeCompact(slot) } else { writeNull() }
            }
            endArray(empty: false)
        } else {
            beginObject()
            let children = node.children
            for index in KeyOrder.sortedIndices(children) {
                writeKey(children.keys[index])
                writeCompact(children.values[index])
            }
            endObject(empty: false)
        }
        memo.noteSize(bytes.count - start)
        if bytes.count - start <= Node.memoizedJSONLimit || memo.noteLargeRead() {
            memo.store(Array(bytes[start...]))
        }
    }

    /// Nodes whose previous JSON was at least this large get their room reserved up front.
    private static let reserveThreshold = 64 << 10
}
