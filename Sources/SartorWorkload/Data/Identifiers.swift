import Foundation

/// Identifiers chosen by the client, as the Sartor Network's agents choose them.
public enum Identifiers {
    /// An agent id: `claude-<unix seconds>-<8 lowercase hex digits>`.
    public static func agentID(
        unixSeconds: Int, using random: inout some RandomNumberGenerator
    ) -> String {
        let suffix = UInt32.random(in: 0...UInt32.max, using: &random)
        return "claude-\(unixSeconds)-\(hex(UInt64(suffix), digits: 8))"
    }

    /// A random (version 4) UUID in lowercase text, drawn from `random` so that a seeded run
    /// writes the same keys every time.
    public static func uuid(using random: inout some RandomNumberGenerator) -> String {
        var high = random.next()
        var low = random.next()
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let text = hex(high, digits: 16) + hex(low, digits: 16)
        let characters = Array(text)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-"
            + String(characters[12..<16]) + "-" + String(characters[16..<20]) + "-"
            + String(characters[20..<32])
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// ISO 8601 timestamps in UTC with milliseconds (`2025-11-04T13:33:16.123Z`), the form the
/// agents write into `timestamp`, `created_at` and the like.
public enum Timestamp {
    /// The current time of the client's clock.
    public static func now() -> String { format(Date()) }

    /// `date` in UTC, to the millisecond.
    public static func format(_ date: Date) -> String {
        let totalMillis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(totalMillis / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-"
            + "\(pad(Int(parts.tm_mday), 2))T\(pad(Int(parts.tm_hour), 2)):"
            + "\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))."
            + "\(pad(totalMillis % 1000, 3))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
