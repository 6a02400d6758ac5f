/// Why an operation or a request did not succeed.
///
/// Real errors (`httpStatus`, `timeout`, `connectionRefused`, `connectionReset`, `tls`,
/// `invalidResponse`, `other`) are kept apart from client-side outcomes (`rateLimited`,
/// `skipped`, `conflict`), which are expected behaviour of the workload and never count towards
/// the error rate.
public enum ErrorKind: Hashable, Sendable {
    case httpStatus(Int)
    case timeout
    case connectionRefused
    case connectionReset
    case tls
    case invalidResponse
    case other
    case rateLimited
    case skipped
    case conflict

    /// True for outcomes the client chose (a rate limit, nothing to do, a lost race).
    public var isClientSide: Bool {
        switch self {
        case .rateLimited, .skipped, .conflict: true
        default: false
        }
    }

    /// A short stable label for tables and reports, such as `http 503` or `timeout`.
    public var label: String {
        switch self {
        case .httpStatus(let code): "http \(code)"
        case .timeout: "timeout"
        case .connectionRefused: "connection refused"
        case .connectionReset: "connection reset"
        case .tls: "tls"
        case .invalidResponse: "invalid response"
        case .other: "other"
        case .rateLimited: "rate limited"
        case .skipped: "skipped"
        case .conflict: "conflict"
        }
    }
}
