import Glibc

/// An incremental HTTP/1.x response parser: bytes go in as they arrive, split anywhere, and it
/// says when one response is complete. Handles `Content-Length`, chunked bodies (with chunk
/// extensions and trailers), bodies delimited by the end of the connection, interim `1xx`
/// responses, and responses that never have a body (`HEAD`, `204`, `304`).
///
/// Cost: one `memchr` per line of the head and of each chunk size, and nothing per body byte
/// unless the body is kept.
struct ResponseParser {
    enum Progress: Equatable {
        case needsMore
        /// The response ended; `leftover` bytes of the input followed it.
        case complete(leftover: Int)
        case invalid(String)
    }

    /// What the end of the connection means for the response being read.
    enum EndOfStream: Equatable {
        /// The body was delimited by the end of the connection: the response is complete.
        case complete
        /// Not one byte of a response arrived.
        case nothingReceived
        /// The response was cut short.
        case truncated
        /// What arrived before the end cannot be the start of an HTTP/1.x response.
        case invalid(String)
    }

    private enum State: Equatable {
        case statusLine, headerLine
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd, trailer, untilClose, done
    }

    /// The longest line of a head or chunk size accepted.
    static let maxLineBytes = 64 << 10

    private(set) var status = 0
    private(set) var version = HTTPVersion.unknown
    /// The headers `capture` keeps, in the order received.
    private(set) var headers: [HTTPHeader] = []
    /// The decoded body, when `keepsBody`.
    var body: [UInt8] = []
    /// Whether the connection cannot carry another request after this response.
    private(set) var closesConnection = false

    private var state = State.statusLine
    private var line: [UInt8] = []
    private var receivedAny = false
    private var expectsBody = true
    private var keepsBody = false
    private var capture = HeaderCapture.none
    private var contentLength: Int?
    private var chunked = false
    private var connectionClose = false
    private var connectionKeepAlive = false

    /// Prepares for the response to a new request.
    mutating func reset(expectsBody: Bool, keepsBody: Bool, capture: HeaderCapture) {
        self = ResponseParser()
        self.expectsBody = expectsBody
        self.keepsBody = keepsBody
        self.capture = capture
        line.reserveCapacity(256)
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Progress {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return progress(leftover: 0) }
        receivedAny = true
        var index = 0
        while index < bytes.count {
            switch state {
            case .body(let remaining):
                let take = min(remaining, bytes.count - index)
                keep(base + index, take)
                index += take
                state = remaining == take ? .done : .body(remaining: remaining - take)
            case .chunkData(let remaining):
                let take = min(remaining, bytes.count - index)
                keep(base + index, take)
                index += take
                state = remaining == take ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .untilClose:
                keep(base + index, bytes.count - index)
                index = bytes.count
            case .done:
                return .complete(leftover: bytes.count - index)
            default:
                let rest = bytes.count - index
                guard let found = memchr(base + index, 0x0A, rest) else {
                    line.append(
                        contentsOf: UnsafeRawBufferPointer(start: base + index, count: rest))
                    index = bytes.count
                    if line.count > Self.maxLineBytes { return .invalid("a line over 64 KiB") }
                    if !statusLineMayFollow { return .invalid("not an HTTP/1.x status line") }
                    continue
                }
                let end = base.distance(to: UnsafeRawPointer(found))
                line.append(
                    contentsOf: UnsafeRawBufferPointer(start: base + index, count: end - index))
                index = end + 1
                if line.last == 0x0D { line.removeLast() }
                if line.count > Self.maxLineBytes { return .invalid("a line over 64 KiB") }
                if let failure = endLine() { return .invalid(failure) }
                line.removeAll(keepingCapacity: true)
            }
        }
        return progress(leftover: 0)
    }

    /// The connection ended while this response was being read.
    mutating func endOfStream() -> EndOfStream {
        if state == .untilClose {
            state = .done
            return .complete
        }
        if !statusLineMayFollow { return .invalid("not an HTTP/1.x status line") }
        return receivedAny ? .truncated : .nothingReceived
    }

    /// False once the status line read so far cannot begin with `HTTP/1.`.
    private var statusLineMayFollow: Bool {
        guard state == .statusLine else { return true }
        let count = min(line.count, Self.httpPrefix.count)
        return line.prefix(count).elementsEqual(Self.httpPrefix.prefix(count))
    }

    private func progress(leftover: Int) -> Progress {
        state == .done ? .complete(leftover: leftover) : .needsMore
    }

    private mutating func keep(_ start: UnsafeRawPointer, _ count: Int) {
        guard keepsBody, count > 0 else { return }
        body.append(contentsOf: UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Handles the line just read (without its line end); returns why it is invalid, if it is.
    private mutating func endLine() -> String? {
        switch state {
        case .statusLine:
            // A client should ignore empty lines before a status line.
            return line.isEmpty ? nil : parseStatusLine()
        case .headerLine:
            return line.isEmpty ? endHead() : parseHeaderLine()
        case .chunkSize:
            guard let size = Self.chunkSize(line) else { return "a bad chunk size" }
            state = size == 0 ? .trailer : .chunkData(remaining: size)
        case .chunkDataEnd:
            guard line.isEmpty else { return "no line end after a chunk" }
            state = .chunkSize
        case .trailer:
            if line.isEmpty { state = .done }
        case .body, .chunkData, .untilClose, .done:
            break
        }
        return nil
    }

    private mutating func parseStatusLine() -> String? {
        // `HTTP/1.1 200 OK`: the reason phrase is optional and ignored.
        guard line.count >= 12, line.starts(with: Self.httpPrefix), line[8] == 0x20 else {
            return "not an HTTP/1.x status line"
        }
        switch line[7] {
        case UInt8(ascii: "1"): version = .http1_1
        case UInt8(ascii: "0"): version = .http1_0
        default: return "an unsupported HTTP version"
        }
        var code = 0
        for byte in line[9..<12] {
            guard byte >= 0x30 && byte <= 0x39 else { return "a bad status code" }
            code = code * 10 + Int(byte - 0x30)
        }
        guard code >= 100, line.count == 12 || line[12] == 0x20 else { return "a bad status code" }
        status = code
        headers.removeAll()
        contentLength = nil
        chunked = false
        connectionClose = false
        connectionKeepAlive = false
        state = .headerLine
        return nil
    }

    private mutating func parseHeaderLine() -> String? {
        // An obsolete folded continuation line belongs to a header none of ours reads.
        if line[0] == 0x20 || line[0] == 0x09 { return nil }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
            return "a header line without a name"
        }
        let name = line[..<colon]
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }

        if Self.equalsIgnoringCase(name, "content-length") {
            guard let length = Self.decimal(value), contentLength == nil || contentLength == length
            else { return "a bad Content-Length" }
            contentLength = length
        } else if Self.equalsIgnoringCase(name, "transfer-encoding") {
            chunked = Self.lowercased(value).hasSuffix("chunked")
        } else if Self.equalsIgnoringCase(name, "connection") {
            let tokens = Self.lowercased(value)
            connectionClose = connectionClose || tokens.contains("close")
            connectionKeepAlive = connectionKeepAlive || tokens.contains("keep-alive")
        }
        if capture != .none {
            let header = HTTPHeader(
                name: String(decoding: name, as: UTF8.self),
                value: String(decoding: value, as: UTF8.self))
            if capture.keeps(header.name) { headers.append(header) }
        }
        return nil
    }

    /// After the empty line ending a head: decides how the body is delimited.
    private mutating func endHead() -> String? {
        if status < 200 && status != 101 {
            // An interim response (`100 Continue`): the real one follows.
            state = .statusLine
            return nil
        }
        closesConnection = connectionClose || (version == .http1_0 && !connectionKeepAlive)
        if !expectsBody || status == 204 || status == 304 || status < 200 {
            state = .done
        } else if chunked {
            state = .chunkSize
        } else if let contentLength {
            state = contentLength == 0 ? .done : .body(remaining: contentLength)
        } else {
            closesConnection = true
            state = .untilClose
        }
        return nil
    }

    private static let httpPrefix = Array("HTTP/1.".utf8)

    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ name: String) -> Bool {
        bytes.count == name.utf8.count
            && zip(bytes, name.utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var number = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number
    }

    /// The size of a chunk-size line (`1a3f`, optionally `;name=value` extensions after it).
    private static func chunkSize(_ line: [UInt8]) -> Int? {
        var size = 0
        var digits = 0
        for byte in line {
            let digit: Int
            switch byte {
            case 0x30...0x39: digit = Int(byte - 0x30)
            case 0x41...0x46: digit = Int(byte - 0x41 + 10)
            case 0x61...0x66: digit = Int(byte - 0x61 + 10)
            case 0x3B, 0x20, 0x09: return digits > 0 ? size : nil
            default: return nil
            }
            guard digits < 15 else { return nil }
            size = size * 16 + digit
            digits += 1
        }
        return digits > 0 ? size : nil
    }
}
