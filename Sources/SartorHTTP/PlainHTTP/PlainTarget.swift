import CCurlShim
import Glibc

/// A plain `http://` request prepared once for `PlainRepetition`: the server's address and the
/// request's bytes exactly as they go on the wire, headers in the order libcurl sends them.
struct PlainTarget {
    let method: String
    let url: String
    /// One resolved address: a `sockaddr_in` or `sockaddr_in6` and its family.
    struct Address {
        let bytes: [UInt8]
        let family: Int32
    }

    /// Every address the host resolves to, in `getaddrinfo`'s order (never empty): a name such
    /// as `localhost` may give `::1` first for a server listening on 127.0.0.1 only.
    var addresses: [Address]
    let requestBytes: [UInt8]
    let timeoutNanos: UInt64
    let connectTimeoutNanos: UInt64
    let keepsBody: Bool
    let capture: HeaderCapture

    /// `nil` for a request this path does not serve (a URL not `http://`, with user info, or
    /// whose host does not resolve; a body consumer): `HTTPClient` then uses libcurl, which
    /// also reports such problems.
    init?(_ request: HTTPRequest, configuration: HTTPClientConfiguration) {
        guard request.bodyConsumer == nil, let parts = Self.split(request.url),
            let addresses = Self.resolve(host: parts.host, port: parts.port)
        else { return nil }
        method = request.method
        url = request.url
        self.addresses = addresses
        keepsBody = request.keepsBody
        capture = request.capturedHeaders
        let timeout = request.timeout ?? configuration.requestTimeout
        timeoutNanos = UInt64(max(timeout.roundedUpMilliseconds, 1)) * 1_000_000
        connectTimeoutNanos =
            UInt64(max(configuration.connectTimeout.roundedUpMilliseconds, 1)) * 1_000_000

        var head = "\(request.method) \(parts.target) HTTP/1.1\r\n"
        var defaults = [
            ("Host", parts.authority), ("User-Agent", configuration.userAgent), ("Accept", "*/*"),
        ]
        if let body = request.body { defaults.append(("Content-Length", String(body.count))) }
        // A header the caller gives replaces the default of the same name.
        let given = Set(request.headers.map { $0.name.lowercased() })
        for (name, value) in defaults where !given.contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        for header in request.headers {
            head += "\(header.name): \(header.value)\r\n"
        }
        requestBytes = Array((head + "\r\n").utf8) + (request.body ?? [])
    }

    var expectsBody: Bool { method != "HEAD" }

    /// Host, port, `Host` header value and request target of an `http://` URL.
    private static func split(_ url: String)
        -> (host: String, port: UInt16, authority: String, target: String)?
    {
        guard url.lowercased().hasPrefix("http://") else { return nil }
        let rest = url.dropFirst("http://".count).prefix { $0 != "#" }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var target = String(rest.dropFirst(authority.count))
        if !target.hasPrefix("/") { target = "/" + target }
        guard !authority.isEmpty, !authority.contains("@"), !target.contains(" ") else {
            return nil
        }

        var host = Substring(authority)
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            portText = after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { return nil }
        let port = portText.isEmpty ? 80 : UInt16(portText)
        guard let port, port > 0 else { return nil }
        // As libcurl writes it: no port when it is the default one.
        let name = authority.hasPrefix("[") ? "[\(host)]" : String(host)
        return (String(host), port, port == 80 ? name : "\(name):\(port)", target)
    }

    // Limitation: the name is resolved once, when the repetition starts; a change of the
    // host's address during a run is not followed.
    /// The addresses `getaddrinfo` gives for a TCP connection to `host`; `nil` for none.
    private static func resolve(host: String, port: UInt16) -> [Address]? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0 else { return nil }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var next = list
        while let entry = next {
            let bytes = UnsafeRawBufferPointer(
                start: entry.pointee.ai_addr, count: Int(entry.pointee.ai_addrlen))
            addresses.append(Address(bytes: Array(bytes), family: entry.pointee.ai_family))
            next = entry.pointee.ai_next
        }
        return addresses.isEmpty ? nil : addresses
    }
}
