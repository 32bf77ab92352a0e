import Hummingbird

/// Responses the server sends: pages, redirects, files of the site.
enum Reply {
    static let sessionCookie = "nap_session"

    static func html(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A file of the site, with its type by extension. Pages depend on who is signed in: not stored by
    /// shared caches.
    static func file(_ bytes: [UInt8], path: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType(of: path)
        headers[.cacheControl] = path.hasSuffix(".html") ? "private, no-cache" : "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `303 See Other` to a relative or absolute path of this server.
    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        for cookie in cookies { headers.append(Header(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map(String.init) ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json"
        case "md": return "text/markdown; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// The session cookie: HttpOnly, SameSite=Strict, and Secure when the server is reached over TLS.
    static func cookie(_ value: String, secure: Bool, maxAge: Int) -> String {
        "\(sessionCookie)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The value of a cookie in the request's `Cookie` headers.
    static func cookieValue(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == name { return String(pair[1]) }
            }
        }
        return nil
    }
}

/// HTTP header names and fields, named through `HTTPFields` (which Hummingbird exports) rather than
/// importing swift-http-types directly.
typealias Header = HTTPFields.Element
typealias HeaderName = HTTPFields.Element.Name
