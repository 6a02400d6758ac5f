import Foundation

/// The database the workload talks to: a base URL and an optional `auth` token.
///
/// Builds `<base>/<path>.json?<query>&auth=<token>` with each path segment and query value
/// percent-encoded. The base may be `https://` (a real RTDB) or `http://` (the embedded server).
public struct RTDBEndpoint: Sendable, Equatable {
    /// The base URL without a trailing slash, e.g. `https://example-default-rtdb.firebaseio.com`.
    public let baseURL: String
    /// Sent as the `auth` query parameter of every request when present.
    public let authToken: String?

    /// An endpoint at `baseURL` (a trailing slash is dropped).
    public init(baseURL: String, authToken: String? = nil) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.authToken = authToken
    }

    /// The URL of `path` (no `.json`), with `query` items in the order given.
    public func url(_ path: String, query: [(name: String, value: String)] = []) -> String {
        let segments = path.split(separator: "/").map { Self.percentEncoded(String($0)) }
        var url = baseURL + "/" + segments.joined(separator: "/") + ".json"
        var items = query
        if let authToken { items.append(("auth", authToken)) }
        for (index, item) in items.enumerated() {
            url += index == 0 ? "?" : "&"
            url += Self.percentEncoded(item.name) + "=" + Self.percentEncoded(item.value)
        }
        return url
    }

    /// `text` with the auth token, and a password in the base URL, replaced by `***`, so that
    /// no message or report shows them.
    public func masked(_ text: String) -> String {
        var text = text
        if let password = URLComponents(string: baseURL)?.percentEncodedPassword,
            !password.isEmpty
        {
            text = text.replacingOccurrences(of: ":\(password)@", with: ":***@")
        }
        guard let authToken, !authToken.isEmpty else { return text }
        return text.replacingOccurrences(of: Self.percentEncoded(authToken), with: "***")
            .replacingOccurrences(of: authToken, with: "***")
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "~")
            if isUnreserved {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
