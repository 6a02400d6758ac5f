/// Appends JSON tokens to a byte buffer, compact or in RTDB's pretty form.
///
/// The pretty form indents by two spaces per level and separates keys from values with
/// `" : "`, as RTDB's own error bodies do. Callers pair `begin…`/`end…` and call `nextElement()`
/// before each array element and `writeKey(_:)` before each member value.
struct JSONWriter {
    var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    private var needsComma = false

    init(pretty: Bool = false, capacity: Int = 64) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    mutating func writeNull() { bytes.append(contentsOf: "null".utf8) }

    mutating func writeBool(_ flag: Bool) {
        bytes.append(contentsOf: flag ? "true".utf8 : "false".utf8)
    }

    mutating func writeInt(_ number: Int64) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(48 + number))
        } else {
            bytes.append(contentsOf: String(number).utf8)
        }
    }

    /// Writes a finite double; integral values keep a `.0` so they read back as doubles.
    mutating func writeDouble(_ number: Double) {
        precondition(number.isFinite, "JSON cannot carry NaN or infinities")
        bytes.append(contentsOf: number.description.utf8)
    }

    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: "\\\"".utf8)
        case 0x5C: bytes.append(contentsOf: "\\\\".utf8)
        case 0x0A: bytes.append(contentsOf: "\\n".utf8)
        case 0x0D: bytes.append(contentsOf: "\\r".utf8)
        case 0x09: bytes.append(contentsOf: "\\t".utf8)
        case 0x08: bytes.append(contentsOf: "\\b".utf8)
        case 0x0C: bytes.append(contentsOf: "\\f".utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: "\\u00".utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endObject(empty: Bool) { close(UInt8(ascii: "}"), empty: empty) }
    mutating func endArray(empty: Bool) { close(UInt8(ascii: "]"), empty: empty) }

    mutating func writeKey(_ key: String) {
        nextElement()
        writeString(key)
        if pretty {
            bytes.append(contentsOf: " : ".utf8)
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Separates this element from the previous one of the same container.
    mutating func nextElement() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        if pretty { newline() }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8, empty: Bool) {
        depth -= 1
        if pretty && !empty { newline() }
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }
}
