import CCurlShim
import Glibc
import SartorMetrics

/// Maps libcurl's result codes onto the error kinds the metrics core counts.
enum CurlFailure {
    /// The kind for a failed transfer; `osErrno` refines connection failures.
    static func kind(of code: CURLcode, osErrno: Int32) -> ErrorKind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_COULDNT_CONNECT:
            return osErrno == ETIMEDOUT ? .timeout : .connectionRefused
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return .connectionReset
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING,
            CURLE_HTTP3, CURLE_UNSUPPORTED_PROTOCOL, CURLE_TOO_MANY_REDIRECTS:
            return .invalidResponse
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tls
        default:
            return .other
        }
    }

    /// `GET http://host/path: connection refused (Failed to connect to ...)`.
    static func message(
        method: String, url: String, kind: ErrorKind, code: CURLcode, detail: String
    ) -> String {
        let cause = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return "\(method) \(url): \(kind.label) (\(cause))"
    }
}
