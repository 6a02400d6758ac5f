import CCurlShim
import SartorMetrics

extension Transfer {
    /// The result of a transfer libcurl reports as done, read from the handle's counters.
    /// Hands the body and headers over to the result, leaving the transfer ready for reuse.
    func finish(_ code: CURLcode) -> HTTPResult {
        // Limitation: byte counts are libcurl's: over HTTP/2 headers count as their HTTP/1-style
        // text rather than their HPACK-compressed size, and TLS record overhead is not counted.
        let bytesSent =
            Int(infoLong(CURLINFO_REQUEST_SIZE)) + Int(infoOffset(CURLINFO_SIZE_UPLOAD_T))
        let bytesReceived =
            Int(infoLong(CURLINFO_HEADER_SIZE)) + Int(infoOffset(CURLINFO_SIZE_DOWNLOAD_T))
        let receivedBody = body
        let receivedHeaders = headers
        body = []
        headers = []
        consumer = nil

        guard code == CURLE_OK else {
            let kind = CurlFailure.kind(of: code, osErrno: Int32(infoLong(CURLINFO_OS_ERRNO)))
            let message = CurlFailure.message(
                method: method, url: url, kind: kind, code: code,
                detail: String(cString: errorBuffer))
            return .failure(
                HTTPFailure(
                    kind: kind, message: message, bytesSent: bytesSent,
                    bytesReceived: bytesReceived))
        }
        return .success(
            HTTPResponse(
                method: method, url: url, status: Int(infoLong(CURLINFO_RESPONSE_CODE)),
                version: version, headers: receivedHeaders, body: receivedBody,
                bytesSent: bytesSent, bytesReceived: bytesReceived))
    }

    /// A failure decided outside libcurl (cancellation, shutdown), naming the request.
    func abandon(kind: ErrorKind, cause: String) -> HTTPResult {
        body = []
        headers = []
        consumer = nil
        return .failure(HTTPFailure(kind: kind, message: "\(method) \(url): \(cause)"))
    }

    private var version: HTTPVersion {
        switch Int(infoLong(CURLINFO_HTTP_VERSION)) {
        case Int(CURL_HTTP_VERSION_1_0): .http1_0
        case Int(CURL_HTTP_VERSION_1_1): .http1_1
        case Int(CURL_HTTP_VERSION_2_0): .http2
        case Int(CURL_HTTP_VERSION_3): .http3
        default: .unknown
        }
    }

    private func infoLong(_ info: CURLINFO) -> Int {
        var value = 0
        sartor_curl_easy_getinfo_long(easy, info, &value)
        return value
    }

    private func infoOffset(_ info: CURLINFO) -> Int {
        var value: curl_off_t = 0
        sartor_curl_easy_getinfo_off_t(easy, info, &value)
        return value
    }
}
