import Foundation
import Glibc

/// A parsed HTTP/1.1 response.
struct HTTPReply {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct ClientError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking TCP connection to the server under test, speaking raw bytes, so that tests can
/// send half requests, garbage and pipelined requests that no HTTP library would send.
final class RawConnection {
    let fd: Int32
    private var pending: [UInt8] = []

    init(port: UInt16, host: String = "127.0.0.1") throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, connected == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw ClientError(description: "connect to \(port): \(reason)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw ClientError(description: "send failed") }
            offset += written
        }
    }

    /// Reads more bytes into the buffer; false on end of stream or timeout.
    @discardableResult
    func fill(timeout: Duration) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let millis = Int32(max(1, (timeout.seconds * 1000).rounded(.up)))
        guard poll(&poller, 1, millis) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        pending.append(contentsOf: chunk[0..<count])
        return true
    }

    /// True when the server closed the connection within `timeout`.
    func closedByServer(within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return true }
            pending.append(contentsOf: chunk[0..<count])
        }
        return false
    }

    private func takeLine(_ deadline: ContinuousClock.Instant) throws -> String {
        while true {
            if let index = pending.firstIndex(of: 10) {
                var line = Array(pending[..<index])
                pending.removeFirst(index + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            try fillOrThrow(deadline)
        }
    }

    private func take(count: Int, _ deadline: ContinuousClock.Instant) throws -> [UInt8] {
        while pending.count < count { try fillOrThrow(deadline) }
        defer { pending.removeFirst(count) }
        return Array(pending[..<count])
    }

    private func fillOrThrow(_ deadline: ContinuousClock.Instant) throws {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero, fill(timeout: left) else {
            let text = String(decoding: pending.prefix(200), as: UTF8.self)
            throw ClientError(
                description: "incomplete response (have \(pending.count) bytes: \(text))")
        }
    }

    /// Reads the status line and headers only (for streams).
    func readHead(timeout: Duration = .seconds(5)) throws -> HTTPReply {
        let deadline = ContinuousClock.now + timeout
        let statusLine = try takeLine(deadline)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw ClientError(description: "bad status line '\(statusLine)'")
        }
        var headers: [String: String] = [:]
        while true {
            let line = try takeLine(deadline)
            if line.isEmpty { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[line[..<colon].lowercased()] = value
        }
        return HTTPReply(status: status, headers: headers, body: [])
    }

    /// Reads one whole response (Content-Length or chunked; none for 204/304 or HEAD).
    func readResponse(timeout: Duration = .seconds(5), head: Bool = false) throws -> HTTPReply {
        let deadline = ContinuousClock.now + timeout
        var reply = try readHead(timeout: timeout)
        if head || reply.status == 204 || reply.status == 304 { return reply }
        if reply.headers["transfer-encoding"]?.lowercased() == "chunked" {
            while true {
                let sizeLine = try takeLine(deadline)
                guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                    throw ClientError(description: "bad chunk size '\(sizeLine)'")
                }
                if size == 0 {
                    _ = try takeLine(deadline)
                    return reply
                }
                reply.body += try take(count: size, deadline)
                _ = try takeLine(deadline)
            }
        }
        let length = Int(reply.headers["content-length"] ?? "0") ?? 0
        reply.body = try take(count: length, deadline)
        return reply
    }

    /// Reads a stream until `text` appears in what has arrived; returns everything unconsumed
    /// so far and consumes it.
    func readStream(until text: String, timeout: Duration = .seconds(5)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let sofar = String(decoding: pending, as: UTF8.self)
            if sofar.contains(text) {
                pending.removeAll()
                return sofar
            }
            try fillOrThrow(deadline)
        }
    }

    /// Sends one request and reads its response on this connection.
    func exchange(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil,
        timeout: Duration = .seconds(5)
    ) throws -> HTTPReply {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        try send(text)
        return try readResponse(timeout: timeout, head: method == "HEAD")
    }
}

/// One request on a fresh connection.
func request(
    _ port: UInt16, _ method: String, _ target: String, headers: [(String, String)] = [],
    body: String? = nil, timeout: Duration = .seconds(5)
) throws -> HTTPReply {
    try RawConnection(port: port).exchange(
        method, target, headers: headers, body: body, timeout: timeout)
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
