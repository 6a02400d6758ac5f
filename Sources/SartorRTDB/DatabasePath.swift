/// A location in the tree: a list of valid keys, the root being empty.
public struct DatabasePath: Sendable, Hashable, CustomStringConvertible {
    public var keys: [String]

    public init(_ keys: [String] = []) {
        self.keys = keys
    }

    /// Parses a `/`-separated path whose keys are already decoded; empty segments are ignored.
    /// Returns nil when a key breaks `KeyRules`.
    public init?(validating text: String) {
        var keys: [String] = []
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            let key = String(segment)
            guard KeyRules.isValidKey(key) else { return nil }
            keys.append(key)
        }
        self.keys = keys
    }

    public static let root = DatabasePath()

    public var isRoot: Bool { keys.isEmpty }

    /// `/a/b` form; `/` for the root.
    public var description: String {
        keys.isEmpty ? "/" : "/" + keys.joined(separator: "/")
    }

    public func appending(_ other: DatabasePath) -> DatabasePath {
        DatabasePath(keys + other.keys)
    }

    public func appending(_ key: String) -> DatabasePath {
        DatabasePath(keys + [key])
    }

    /// True when `self` equals `other` or lies above it.
    public func isAncestorOrSelf(of other: DatabasePath) -> Bool {
        other.keys.count >= keys.count && other.keys.starts(with: keys)
    }

    /// `other` relative to `self`, when `self` is an ancestor of (or equal to) it.
    public func relative(_ other: DatabasePath) -> DatabasePath? {
        guard isAncestorOrSelf(of: other) else { return nil }
        return DatabasePath(Array(other.keys[keys.count...]))
    }

    /// Total UTF-8 bytes of the keys joined by `/`.
    var byteCount: Int {
        keys.reduce(max(keys.count - 1, 0)) { $0 + $1.utf8.count }
    }
}
