import CCurlShim

/// One libcurl easy handle and the request it is running.
///
/// Used only on the event-loop thread. A transfer is reused for many requests: the handle keeps
/// its options between requests, so only what changed (URL, method, headers, timeout) is set
/// again, and the header list and upload buffer are rebuilt only when they differ.
final class Transfer {
    let easy: UnsafeMutableRawPointer
    var id: UInt64 = 0
    var continuation: UnsafeContinuation<HTTPResult, Never>?
    /// Set while the transfer serves a lane of a repetition instead of one request.
    var repetition: Repetition?
    var lane = 0
    /// When the running request was handed to libcurl (`CLOCK_MONOTONIC`), for repetitions.
    var startNanos: UInt64 = 0

    // Filled by the libcurl callbacks while the transfer runs.
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []
    var keepsBody = true
    var consumer: (any ResponseBodyConsumer)?
    var capture = HeaderCapture.none

    private(set) var method = ""
    private(set) var url = ""
    private var hasBody: Bool?
    private var timeoutMillis = -1
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var headerListSource: [HTTPHeader]?
    private var upload: UnsafeMutableRawPointer
    private var uploadCapacity = 64
    let errorBuffer: UnsafeMutablePointer<CChar>

    /// `nil` when libcurl cannot create a handle (out of memory). Sockets the handle opens are
    /// closed through `closeSocket` with `loop` as its context.
    init?(
        configuration: HTTPClientConfiguration, loop: UnsafeMutableRawPointer,
        closeSocket: curl_closesocket_callback
    ) {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        upload = .allocate(byteCount: uploadCapacity, alignment: 1)

        let context = Unmanaged.passUnretained(self).toOpaque()
        sartor_curl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        sartor_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        sartor_curl_easy_setopt_write_function(easy, CURLOPT_WRITEFUNCTION, receiveBody)
        sartor_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        sartor_curl_easy_setopt_close_socket_function(easy, closeSocket)
        sartor_curl_easy_setopt_pointer(easy, CURLOPT_CLOSESOCKETDATA, loop)
        sartor_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        sartor_curl_easy_setopt_long(easy, CURLOPT_TCP_NODELAY, 1)
        // No proxy: a load generator measures the target, and this spares libcurl from reading
        // the proxy environment variables (`no_proxy` included) on every request.
        sartor_curl_easy_setopt_string(easy, CURLOPT_PROXY, "")
        sartor_curl_easy_setopt_string(easy, CURLOPT_NOPROXY, "*")
        sartor_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent)
        sartor_curl_easy_setopt_long(
            easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.roundedUpMilliseconds)
        let version = configuration.prefersHTTP2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1
        sartor_curl_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(version))
        let verify = configuration.verifiesCertificates ? 1 : 0
        sartor_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, verify)
        sartor_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, verify * 2)
        if let path = configuration.caBundlePath {
            sartor_curl_easy_setopt_string(easy, CURLOPT_CAINFO, path)
        }
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        upload.deallocate()
    }

    /// Sets the options of `request` that differ from the previous request on this handle.
    func prepare(_ request: HTTPRequest, defaultTimeoutMillis: Int) {
        errorBuffer[0] = 0
        keepsBody = request.keepsBody
        consumer = request.bodyConsumer
        consumer?.begin()
        if request.capturedHeaders != capture {
            capture = request.capturedHeaders
            // Without a header callback libcurl skips header delivery altogether.
            let wantsHeaders = capture != .none
            let context = wantsHeaders ? Unmanaged.passUnretained(self).toOpaque() : nil
            sartor_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
            sartor_curl_easy_setopt_write_function(
                easy, CURLOPT_HEADERFUNCTION, wantsHeaders ? receiveHeader : nil)
        }
        if request.url != url {
            url = request.url
            sartor_curl_easy_setopt_string(easy, CURLOPT_URL, url)
        }

        let requestHasBody = request.body != nil
        if request.method != method || requestHasBody != hasBody {
            method = request.method
            hasBody = requestHasBody
            applyMethod()
        }
        if let body = request.body {
            copyUpload(body)
        }

        if request.headers != headerListSource {
            rebuildHeaderList(request.headers)
        }
        let millis = request.timeout?.roundedUpMilliseconds ?? defaultTimeoutMillis
        if millis != timeoutMillis {
            timeoutMillis = millis
            sartor_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, millis)
        }
    }

    private func applyMethod() {
        // HTTPGET resets any earlier POST, NOBODY or UPLOAD mode of this handle.
        sartor_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        sartor_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, nil)
        if hasBody == true {
            sartor_curl_easy_setopt_long(easy, CURLOPT_POST, 1)
            if method != "POST" {
                sartor_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method)
            }
        } else if method == "HEAD" {
            sartor_curl_easy_setopt_long(easy, CURLOPT_NOBODY, 1)
        } else if method != "GET" {
            sartor_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method)
        }
        // The header list depends on whether there is a body (see `rebuildHeaderList`).
        headerListSource = nil
    }

    /// Copies the body into a buffer owned by the transfer: libcurl reads it without copying
    /// while the transfer runs, so it must outlive the caller's array.
    private func copyUpload(_ body: [UInt8]) {
        if body.count > uploadCapacity {
            upload.deallocate()
            uploadCapacity = max(body.count, uploadCapacity * 2)
            upload = .allocate(byteCount: uploadCapacity, alignment: 1)
        }
        body.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress {
                upload.copyMemory(from: base, byteCount: bytes.count)
            }
        }
        sartor_curl_easy_setopt_pointer(easy, CURLOPT_POSTFIELDS, upload)
        sartor_curl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, body.count)
    }

    private func rebuildHeaderList(_ requestHeaders: [HTTPHeader]) {
        curl_slist_free_all(headerList)
        headerList = nil
        for header in requestHeaders {
            // libcurl sends `Name;` as a header with an empty value.
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            headerList = curl_slist_append(headerList, line)
        }
        // No `Expect: 100-continue` round trip for large bodies, and no form content type that
        // the caller did not ask for.
        headerList = curl_slist_append(headerList, "Expect:")
        let namesType = requestHeaders.contains { $0.name.lowercased() == "content-type" }
        if hasBody == true && !namesType {
            headerList = curl_slist_append(headerList, "Content-Type:")
        }
        sartor_curl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, headerList)
        headerListSource = requestHeaders
    }
}

extension Transfer {
    /// Reserves room for the whole body when the response announced its length, so that a
    /// large body is not copied at every doubling of the buffer (capped at 64 MiB).
    fileprivate func reserveBodyForContentLength() {
        var length: curl_off_t = -1
        sartor_curl_easy_getinfo_off_t(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length)
        if length > 0 { body.reserveCapacity(Int(min(length, 64 << 20))) }
    }
}

/// libcurl's body callback: keeps or counts the bytes. Returning less than given aborts.
private let receiveBody: curl_write_callback = { data, size, count, context in
    let length = size * count
    let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
    if let consumer = transfer.consumer, let data {
        consumer.consume(UnsafeRawBufferPointer(start: data, count: length))
    } else if transfer.keepsBody, let data {
        if transfer.body.isEmpty { transfer.reserveBodyForContentLength() }
        transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    }
    return length
}

/// libcurl's header callback, called once per header line including the status line.
private let receiveHeader: curl_write_callback = { data, size, count, context in
    let length = size * count
    let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
    guard transfer.capture != .none, let data else { return length }
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    let line = String(decoding: bytes, as: UTF8.self)
    if line.hasPrefix("HTTP/") {
        // A new response (after `100 Continue` or a redirect) replaces the headers.
        transfer.headers.removeAll(keepingCapacity: true)
    } else if let header = HTTPHeader(parsing: line), transfer.capture.keeps(header.name) {
        transfer.headers.append(header)
    }
    return length
}

extension HeaderCapture {
    func keeps(_ name: String) -> Bool {
        switch self {
        case .none: false
        case .all: true
        case .named(let names): names.contains { $0.lowercased() == name.lowercased() }
        }
    }
}
