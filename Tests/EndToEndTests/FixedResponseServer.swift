import Foundation

/// A listener on 127.0.0.1 (port 0) that answers whatever arrives on a connection with the same
/// bytes and closes it: a stand-in for a target that is not a Realtime Database (a web page, a
/// proxy, a service that speaks something else). Given several responses, connection `n` gets
/// the `n`th, and the last one answers every connection after it.
final class FixedResponseServer: Sendable {
    let port: UInt16
    private let listener: Int32

    convenience init(_ response: String) throws {
        try self.init(responses: [response])
    }

    init(responses: [String]) throws {
        let (fd, port) = try Self.listeningSocket()
        listener = fd
        self.port = port
        let answers = responses.map { Array($0.utf8) }
        Thread.detachNewThread {
            var request = [UInt8](repeating: 0, count: 4096)
            var served = 0
            while case let connection = accept(fd, nil, nil), connection >= 0 {
                _ = recv(connection, &request, request.count, 0)
                let bytes = answers[min(served, answers.count - 1)]
                _ = send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL))
                close(connection)
                served += 1
            }
        }
    }

    /// A socket listening on 127.0.0.1 at a port the kernel picked; connections complete in
    /// its backlog whether or not anyone accepts them.
    static func listeningSocket() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, ready else { throw POSIXError(.EADDRNOTAVAIL) }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
