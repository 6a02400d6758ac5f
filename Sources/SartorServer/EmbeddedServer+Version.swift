import CMicroHTTPDShim

extension EmbeddedServer {
    /// The version of the libmicrohttpd the server runs on, such as `0.9.75`.
    public static var libmicrohttpdVersion: String { String(cString: MHD_get_version()) }
}
