import Foundation
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1, port 0, written on raw sockets so that tests can make
/// it misbehave in ways a real server never would. One thread accepts, one thread serves each
/// connection; `stop()` closes the listening socket.
final class RawServer: Sendable {
    enum Behaviour: Sendable {
        /// Answers every request on a kept-alive connection; echoes the request body when
        /// `body` is nil.
        case respond(status: Int, body: [UInt8]?)
        /// Answers one request with `Connection: close` and closes, or with no such header and
        /// closes shortly after (an idle timeout, as servers have), when `announced` is false.
        case respondOnceThenClose(announced: Bool)
        /// Reads the request and never answers.
        case silent
        /// Sends headers announcing 1000 bytes, then 10 bytes, then closes.
        case closeMidResponse
        /// Answers every request with a chunked body of `chunks`, on a kept-alive connection.
        case respondChunked(chunks: [String])
        /// Answers with a line that is not HTTP.
        case malformed
        /// Answers with bytes that are not HTTP and no line end, then closes.
        case garbageThenClose
        /// Writes bytes that are neither HTTP nor TLS as soon as a client connects, then closes.
        case garbageOnConnect
    }

    /// A request as the server read it.
    struct Received: Sendable {
        var head: String
        var body: [UInt8]
        var byteCount: Int
    }

    let port: UInt16
    let behaviour: Behaviour
    let connections = Atomic<Int>(0)
    /// Bytes of every response written so far.
    let bytesWritten = Atomic<Int>(0)
    private let received = Mutex<[Received]>([])
    private let listener: Int32

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        (listener, port) = try Self.listen()
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    var requests: [Received] { received.withLock { $0 } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port where nothing listens: bound, then closed.
    static func closedPort() throws -> UInt16 {
        let (socket, port) = try listen()
        close(socket)
        return port
    }

    private static func listen() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && Glibc.listen(fd, 128) == 0
                    && getsockname(fd, address, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            connections.wrappingAdd(1, ordering: .relaxed)
            Thread.detachNewThread { self.serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        if case .garbageOnConnect = behaviour {
            write(connection, Array("\u{1}\u{2}garbage\r\n\r\n".utf8))
            return
        }
        var buffer: [UInt8] = []
        while let request = readRequest(connection, &buffer) {
            received.withLock { $0.append(request) }
            switch behaviour {
            case .respond(let status, let body):
                let payload = body ?? request.body
                let head =
                    "HTTP/1.1 \(status) Whatever\r\nContent-Length: \(payload.count)\r\n"
                    + "ETag: \"v1\"\r\nX-Other: 1\r\n\r\n"
                write(connection, Array(head.utf8) + payload)
            case .respondOnceThenClose(let announced):
                let head =
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                    + (announced ? "Connection: close\r\n\r\n" : "\r\n")
                write(connection, Array(head.utf8) + Array("ok".utf8))
                if !announced { usleep(20_000) }
                return
            case .respondChunked(let chunks):
                var text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                for chunk in chunks {
                    text += String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n"
                }
                write(connection, Array((text + "0\r\n\r\n").utf8))
            case .silent:
                continue
            case .closeMidResponse:
                let head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789"
                write(connection, Array(head.utf8))
                return
            case .malformed:
                write(connection, Array("this is not http at all\r\n\r\n".utf8))
                return
            case .garbageThenClose:
                write(connection, [0, 1, 2] + Array("junkjunk".utf8))
                return
            case .garbageOnConnect:
                return
            }
        }
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) {
        // Counted before sending, so a client that has read the bytes always sees them counted;
        // whatever could not be sent is taken back.
        bytesWritten.wrappingAdd(bytes.count, ordering: .relaxed)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else {
                bytesWritten.wrappingSubtract(bytes.count - offset, ordering: .relaxed)
                return
            }
            offset += count
        }
    }

    /// Reads one request (head and `Content-Length` body); nil when the peer closed.
    private func readRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> Received? {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 65536)
        func fill() -> Bool {
            let count = chunk.withUnsafeMutableBytes {
                recv(connection, $0.baseAddress, $0.count, 0)
            }
            guard count > 0 else { return false }
            buffer += chunk[0..<count]
            return true
        }
        var end: Int?
        while end == nil {
            end = buffer.indices.dropLast(3).first {
                buffer[$0..<($0 + 4)].elementsEqual(terminator)
            }
            if end == nil, !fill() { return nil }
        }
        let headLength = end! + 4
        let head = String(decoding: buffer[0..<headLength], as: UTF8.self)
        let length =
            head.split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        while buffer.count < headLength + length {
            if !fill() { return nil }
        }
        let body = Array(buffer[headLength..<(headLength + length)])
        buffer.removeFirst(headLength + length)
        return Received(head: head, body: body, byteCount: headLength + length)
    }
}
