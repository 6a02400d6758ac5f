import Foundation

/// A listening address written `host:port`, `[v6]:port` or a bare `port` (host left open).
public struct HostPort: Equatable, Sendable, CustomStringConvertible {
    /// The host as written, without IPv6 brackets; nil when only a port was given.
    public var host: String?
    /// 0 means "any free port".
    public var port: Int

    public init(host: String?, port: Int) {
        self.host = host
        self.port = port
    }

    public static let hint = "use e.g. 127.0.0.1:9000, [::1]:9000 or 9000"

    public static func parse(_ text: String) throws(ValueError) -> HostPort {
        let notAddress = ValueError("is not a host:port address", hint: hint)
        var host: String?
        var portText = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw notAddress }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(after: close)...]
            guard portText.hasPrefix(":") else { throw notAddress }
            portText = portText.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            guard !host!.contains(":") else { throw notAddress }
        }
        guard host?.isEmpty != true, let port = Int(portText) else { throw notAddress }
        guard (0...65535).contains(port) else {
            throw ValueError("has a port out of range", hint: "use a port from 0 to 65535")
        }
        return HostPort(host: host, port: port)
    }

    public var description: String {
        guard let host else { return "\(port)" }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// HTTP and HTTPS URLs with a host, such as an RTDB base URL.
public enum URLSyntax {
    public static let hint = "use e.g. http://127.0.0.1:9000 or https://NAME.firebaseio.com"

    public static func parse(_ text: String) throws(ValueError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else { throw ValueError("is not an http(s) URL", hint: hint) }
        // Foundation quietly percent-encodes a space, and reads `host:` as the scheme's port.
        guard !text.contains(where: { $0.isWhitespace || $0.isASCII && $0.asciiValue! < 0x20 })
        else {
            throw ValueError("contains a space or control character", hint: "percent-encode it")
        }
        let authority = text.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        if authority.count > 2, authority[2].hasSuffix(":") {
            throw ValueError("has an empty port", hint: hint)
        }
        return url
    }
}
