/// Generates push ids: 8 characters of milliseconds then 12 random characters, in an alphabet
/// whose ASCII order is its numeric order, so that ids sort chronologically.
///
/// Within one millisecond (or if the clock steps back) the random part of the previous id is
/// incremented by one, so ids from one generator are strictly increasing.
struct PushIDGenerator {
    static let alphabet = Array(
        "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)

    private var lastMillis: Int64 = -1
    private var lastRandom = [Int](repeating: 0, count: 12)

    mutating func next(nowMillis: Int64) -> String {
        var random = SystemRandomNumberGenerator()
        return next(nowMillis: nowMillis, using: &random)
    }

    mutating func next(nowMillis: Int64, using random: inout some RandomNumberGenerator)
        -> String
    {
        let millis = max(nowMillis, lastMillis)
        if millis == lastMillis {
            var index = 11
            while index >= 0 && lastRandom[index] == 63 {
                lastRandom[index] = 0
                index -= 1
            }
            // 72 bits overflowing within one millisecond: move on to the next millisecond.
            if index < 0 {
                lastMillis += 1
                return next(nowMillis: lastMillis, using: &random)
            }
            lastRandom[index] += 1
        } else {
            for index in 0..<12 { lastRandom[index] = Int.random(in: 0..<64, using: &random) }
        }
        lastMillis = millis
        var id = [UInt8](repeating: 0, count: 20)
        var remaining = millis
        for index in stride(from: 7, through: 0, by: -1) {
            id[index] = Self.alphabet[Int(remaining % 64)]
            remaining /= 64
        }
        for index in 0..<12 { id[8 + index] = Self.alphabet[lastRandom[index]] }
        return String(decoding: id, as: UTF8.self)
    }
}
