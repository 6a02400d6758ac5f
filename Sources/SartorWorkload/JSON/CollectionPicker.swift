import Glibc
import SartorEngine
import SartorHTTP

/// Chooses one key of a collection (a top-level JSON object) uniformly at random while the
/// body streams in, by reservoir sampling: only among children whose string member `member`
/// equals `value` when a filter is given, and never `excluded`. It keeps one key whatever the
/// size of the collection, so a read of 10,000 agents in flight costs no more memory than a
/// read of ten.
///
/// It checks the structure (strings and their escapes, nesting, one top-level object or
/// `null`, nothing after it), not every token: enough to refuse a web page, an error text or a
/// truncated body; a picker whose choice is not used checks a body that way (status queries).
/// Cost: one pass over the bytes, a few comparisons each.
///
/// `@unchecked Sendable`: used by one transfer at a time on the HTTP client's loop thread, and
/// read by the agent only after `send` returned (see `ResponseBodyConsumer`).
public final class CollectionPicker: ResponseBodyConsumer, @unchecked Sendable {
    public enum Outcome: Equatable, Sendable {
        case picked(String)
        /// No child qualified (or the location is empty).
        case empty
        case invalid(String)
    }

    // One stored struct, so that the byte loop runs without a dynamic exclusivity check
    // for each access to the state.
    private var scan: CollectionScan

    /// `seed` drives the choice, so that the same body always gives the same key.
    public init(
        excluding excluded: String = "", whereMember member: String? = nil,
        equals value: String = "", seed: UInt64
    ) {
        scan = CollectionScan(
            excluded: Array(excluded.utf8), member: member.map { Array($0.utf8) },
            value: Array(value.utf8), seed: seed)
    }

    /// The choice, once the whole body has been consumed.
    public var outcome: Outcome { scan.outcome }

    public func begin() { scan.reset() }

    public func consume(_ bytes: UnsafeRawBufferPointer) { scan.consume(bytes) }
}

/// The state machine behind `CollectionPicker`.
struct CollectionScan {
    private enum StringRole { case childKey, memberKey, memberValue, other }

    private let seed: UInt64
    private let member: [UInt8]?
    private let value: [UInt8]
    private let excluded: [UInt8]

    private var random: SeededRandom
    private var containers: [Bool] = []  // per open level: true for an object
    private var expectingKey = false
    private var inString = false
    private var escaped = false
    private var role = StringRole.other
    private var text: [UInt8] = []
    /// The key of the child being read, in a buffer of its own that is reused (so that no
    /// key costs an allocation), and whether there is one.
    private var childKey: [UInt8] = []
    private var hasChildKey = false
    /// The string being read holds a backslash, so its content must be unescaped.
    private var textHasEscape = false
    private var memberPending = false
    private var childMatches = false
    private var topLevel: [UInt8] = []  // the bytes of a top-level `null`
    private var sawObject = false
    private var complete = false
    private var failure: String?
    private var candidates: UInt64 = 0
    private var chosen: [UInt8]?

    init(excluded: [UInt8], member: [UInt8]?, value: [UInt8], seed: UInt64) {
        self.seed = seed
        self.member = member
        self.value = value
        self.excluded = excluded
        random = SeededRandom(seed: seed)
    }

    var outcome: CollectionPicker.Outcome {
        if let failure { return .invalid(failure) }
        guard complete || topLevel == Self.null else { return .invalid("the body ends early") }
        guard let chosen else { return .empty }
        guard let key = Self.unescaped(chosen) else { return .invalid("a key with a bad escape") }
        return .picked(String(decoding: key, as: UTF8.self))
    }

    mutating func reset() {
        random = SeededRandom(seed: seed)
        containers.removeAll(keepingCapacity: true)
        expectingKey = false
        inString = false
        escaped = false
        text.removeAll(keepingCapacity: true)
        childKey.removeAll(keepingCapacity: true)
        hasChildKey = false
        textHasEscape = false
        memberPending = false
        childMatches = false
        topLevel = []
        sawObject = false
        complete = false
        failure = nil
        candidates = 0
        chosen = nil
    }

    mutating func consume(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index < bytes.count, failure == nil {
            if inString {
                index = scanString(bytes, from: index)
                continue
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "\""): startString()
            case UInt8(ascii: "{"): open(object: true)
            case UInt8(ascii: "["): open(object: false)
            case UInt8(ascii: "}"): close(object: true)
            case UInt8(ascii: "]"): close(object: false)
            case UInt8(ascii: ","):
                guard !containers.isEmpty else { return fail("a comma outside any object") }
                if containers.count == 1 { endChild() }
                if containers.last == true { expectingKey = true }
            case UInt8(ascii: ":"):
                continue
            default:
                // Numbers and literals: only a top-level `null` matters.
                if containers.isEmpty { topLevelByte(byte) }
            }
        }
    }

    /// Reads string bytes up to the closing quote; returns the index after what it read.
    /// Strings without escapes, the usual case, are crossed with `memchr`.
    private mutating func scanString(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let base = bytes.baseAddress!
        var index = start
        if !escaped, let quote = memchr(base + start, 0x22, bytes.count - start) {
            let end = base.distance(to: UnsafeRawPointer(quote))
            if memchr(base + start, 0x5C, end - start) == nil {
                closeString(bytes, start, end)
                return end + 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                textHasEscape = true
            } else if byte == UInt8(ascii: "\"") {
                closeString(bytes, start, index)
                return index + 1
            }
            index += 1
        }
        if role != .other {
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        }
        return index
    }

    private mutating func closeString(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) {
        if role != .other {
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        }
        endString()
    }

    private mutating func startString() {
        guard !containers.isEmpty else { return fail("a string at the top level") }
        inString = true
        textHasEscape = false
        text.removeAll(keepingCapacity: true)
        let inChild = containers.count == 2 && containers[1] && member != nil
        if containers.count == 1 && expectingKey {
            role = .childKey
        } else if inChild && expectingKey {
            role = .memberKey
        } else if inChild && memberPending {
            role = .memberValue
        } else {
            role = .other
        }
    }

    private mutating func endString() {
        inString = false
        switch role {
        case .childKey:
            childKey.removeAll(keepingCapacity: true)
            childKey.append(contentsOf: text)
            hasChildKey = true
            childMatches = false
        case .memberKey:
            memberPending = (textHasEscape ? Self.unescaped(text) : text) == member
        case .memberValue:
            childMatches = (textHasEscape ? Self.unescaped(text) : text) == value
            memberPending = false
        case .other:
            break
        }
        if containers.last == true && expectingKey { expectingKey = false }
    }

    private mutating func open(object: Bool) {
        if containers.isEmpty {
            guard object, !sawObject, topLevel.isEmpty else {
                return fail(object ? "a second top-level value" : "an array, not an object")
            }
            sawObject = true
        }
        guard containers.count < 512 else { return fail("nesting deeper than 512") }
        containers.append(object)
        expectingKey = object
        memberPending = false
    }

    private mutating func close(object: Bool) {
        guard containers.last == object else { return fail("unbalanced brackets") }
        if containers.count == 1 { endChild() }
        containers.removeLast()
        expectingKey = false
        memberPending = false
        if containers.isEmpty { complete = true }
    }

    /// The value of the current child ended: it becomes a candidate if it qualifies.
    private mutating func endChild() {
        guard hasChildKey else { return }
        hasChildKey = false
        let key = childKey
        guard member == nil || childMatches, key != excluded else { return }
        candidates += 1
        if UInt64.random(in: 0..<candidates, using: &random) == 0 { chosen = key }
    }

    private mutating func topLevelByte(_ byte: UInt8) {
        guard !sawObject, topLevel.count < Self.null.count, Self.null[topLevel.count] == byte
        else { return fail("not a JSON object") }
        topLevel.append(byte)
    }

    private mutating func fail(_ reason: String) {
        if failure == nil { failure = reason }
    }

    private static let null = Array("null".utf8)

    /// The UTF-8 of a string's raw JSON content (between its quotes), escapes resolved; `nil`
    /// for a bad escape. Strings without a backslash are returned as they are.
    private static func unescaped(_ raw: [UInt8]) -> [UInt8]? {
        guard raw.contains(UInt8(ascii: "\\")) else { return raw }
        let quoted = [UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]
        return (try? JSONScanner.parse(quoted))?.stringValue.map { Array($0.utf8) }
    }
}
