/// Why the server could not start or load its data. Setup errors only: per-request failures
/// are answered as HTTP responses and counted.
public enum ServerError: Error, Equatable, CustomStringConvertible {
    /// The host is not a numeric IPv4 or IPv6 address.
    case invalidHost(String)
    /// Binding or listening failed (port in use, permission).
    case cannotListen(host: String, port: UInt16, reason: String)
    /// The data file exists but cannot be read.
    case unreadableData(path: String, reason: String)
    /// The data file is not a JSON export the database can import.
    case invalidData(path: String, reason: String)
    /// The data file could not be written.
    case cannotPersist(path: String, reason: String)
    /// The last save at shutdown failed: the changes since the previous save are lost.
    case unsavedChanges(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidHost(let host):
            return "--host: \"\(host)\" is not a numeric address; use e.g. 127.0.0.1 or ::1"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason); check --host, or pick another "
                + "--port (0 for any free one)"
        case .unreadableData(let path, let reason):
            return "cannot read data file \(path): \(reason)"
        case .invalidData(let path, let reason):
            return "data file \(path) is not a Firebase JSON export (\(reason)); the file was "
                + "left untouched: fix it or point --data at another file"
        case .cannotPersist(let path, let reason):
            return "cannot write data file \(path): \(reason); point --data at a writable place"
        case .unsavedChanges(let path, let reason):
            return "could not save the tree to \(path) at shutdown: \(reason); the changes "
                + "since the last save are lost"
        }
    }
}
