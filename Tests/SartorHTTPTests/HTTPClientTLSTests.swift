import Foundation
import SartorHTTP
import SartorMetrics
import Testing

/// HTTPS against `openssl s_server -WWW` (HTTP/1.0 over TLS, serving files from its directory)
/// with a self-signed certificate made for the test.
@Suite(
    "HTTPClient over TLS",
    .enabled(if: FileManager.default.isExecutableFile(atPath: TLSServer.openssl)))
struct HTTPClientTLSTests {
    @Test func verifiesAgainstTheGivenCABundle() async throws {
        let server = try TLSServer()
        defer { server.stop() }
        let configuration = HTTPClientConfiguration(caBundlePath: server.certificatePath)
        let client = try HTTPClient(configuration: configuration)

        let response = try await client.send(HTTPRequest(url: server.url)).get()

        #expect(response.status == 200)
        #expect(response.body == Array(TLSServer.content.utf8))
    }

    @Test func refusesAnUntrustedCertificate() async throws {
        let server = try TLSServer()
        defer { server.stop() }
        let client = try HTTPClient()

        guard case .failure(let failure) = await client.send(HTTPRequest(url: server.url)) else {
            Issue.record("a self-signed certificate must not be trusted by default")
            return
        }
        #expect(failure.kind == .tls)
        #expect(failure.message.contains(server.url))
    }

    @Test func skipsVerificationOnlyWhenTold() async throws {
        let server = try TLSServer()
        defer { server.stop() }
        let client = try HTTPClient(
            configuration: HTTPClientConfiguration(verifiesCertificates: false))

        #expect(try await client.send(HTTPRequest(url: server.url)).get().status == 200)
    }

    /// HTTPS repetitions go through libcurl (plain HTTP ones do not).
    @Test func repeatsOverTLS() async throws {
        let server = try TLSServer()
        defer { server.stop() }
        let configuration = HTTPClientConfiguration(caBundlePath: server.certificatePath)
        let client = try HTTPClient(configuration: configuration)
        let handler = CountingHandler(budget: 3)

        await client.repeatedly(HTTPRequest(url: server.url), lanes: 1, handler: handler)

        let results = handler.state.withLock { $0.results }
        #expect(results.count == 3)
        #expect(results.allSatisfy { (try? $0.get().body) == Array(TLSServer.content.utf8) })
    }
}

/// An `openssl s_server` child process on 127.0.0.1 with a fresh self-signed certificate.
final class TLSServer {
    static let openssl = "/usr/bin/openssl"
    static let content = "hello over tls"

    let directory: URL
    let port: UInt16
    private let process = Process()

    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    var url: String { "https://127.0.0.1:\(port)/index.txt" }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sartor-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.content.write(
            to: directory.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        try Self.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "key.pem", "-out", "cert.pem",
            ], in: directory)

        port = try RawServer.closedPort()
        process.executableURL = URL(fileURLWithPath: Self.openssl)
        process.arguments = [
            "s_server", "-quiet", "-accept", "127.0.0.1:\(port)", "-WWW", "-cert", "cert.pem",
            "-key", "key.pem",
        ]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do { try waitUntilListening() } catch {
            stop()
            throw error
        }
    }

    func stop() {
        // s_server ignores SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            if connected { return }
            usleep(20_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }

    private static func run(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EINVAL) }
    }
}
