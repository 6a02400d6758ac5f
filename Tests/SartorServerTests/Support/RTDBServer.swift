import SartorRTDB

@testable import SartorServer

/// A server over a fresh database on a free loopback port.
func rtdbServer(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) throws -> EmbeddedServer {
    var configuration = ServerConfiguration()
    configuration.threadCount = 2
    adjust(&configuration)
    return try EmbeddedServer.start(configuration)
}
