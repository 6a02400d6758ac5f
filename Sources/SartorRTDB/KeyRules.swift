/// The database's rules for keys and paths.
///
/// A key is a non-empty UTF-8 string without `. $ # [ ] /` or ASCII control characters
/// (0x00–0x1F, 0x7F), at most 768 bytes; a whole path is at most 32 keys deep.
public enum KeyRules {
    public static let maximumKeyBytes = 768
    public static let maximumDepth = 32
    /// The largest string value, in UTF-8 bytes.
    public static let maximumStringBytes = 10 * 1024 * 1024

    public static func isValidKey(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { isValidKeyBytes($0) }
    }

    static func isValidKeyBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumKeyBytes else { return false }
        for byte in bytes where isForbidden(byte) || byte == UInt8(ascii: "/") {
            return false
        }
        return true
    }

    static func isForbidden(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x1F, 0x7F: return true
        case UInt8(ascii: "."), UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "["),
            UInt8(ascii: "]"):
            return true
        default: return false
        }
    }

    /// A `/`-separated relative path, as PATCH bodies use for their top-level keys; empty
    /// segments are ignored but at least one key is needed.
    static func isValidPathKey(_ key: String) -> Bool {
        let segments = key.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty, key.utf8.count <= maximumKeyBytes else { return false }
        return segments.allSatisfy { isValidKey(String($0)) }
    }

    /// `.sv`, `.value` and `.priority` may appear in bodies.
    static func isSpecialBodyKey(_ key: String) -> Bool {
        key == ".sv" || key == ".value" || key == ".priority"
    }

    /// Keys that parse as 32-bit integers sort first, numerically, under `$key` ordering.
    static func integerValue(_ key: String) -> Int32? {
        guard let first = key.utf8.first else { return nil }
        if first == UInt8(ascii: "0") && key.utf8.count > 1 { return nil }
        if first == UInt8(ascii: "-") {
            guard key.utf8.count > 1 else { return nil }
            let second = key.utf8[key.utf8.index(after: key.utf8.startIndex)]
            if second == UInt8(ascii: "0") { return nil }
        }
        if first == UInt8(ascii: "+") { return nil }
        return Int32(key)
    }

    /// `^(0|[1-9][0-9]*)$` with a value that fits in `Int`: an array index.
    static func arrayIndex(_ key: String) -> Int? {
        let utf8 = key.utf8
        guard let first = utf8.first, utf8.count <= 18 else { return nil }
        if first == UInt8(ascii: "0") { return utf8.count == 1 ? 0 : nil }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
