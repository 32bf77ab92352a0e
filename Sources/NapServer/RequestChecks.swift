import Foundation
import Hummingbird
import NapWeb

/// Why a request is refused before anything is done with it; each is a page in both languages
/// (`ErrorPages`), never the internals.
struct Refusal: Error {
    let status: HTTPResponse.Status
    /// The word of the page's title and of its text, with the text's values.
    let title: String
    let text: String
    var values: [String] = []

    static let notFound = Refusal(status: .notFound, title: "notFoundTitle", text: "notFoundText")
    static let forgedRequest = Refusal(status: .forbidden, title: "refusedTitle", text: "csrfText")
    static let badInput = Refusal(status: .badRequest, title: "refusedTitle", text: "badInputText")
    static let signInRequired = Refusal(status: .forbidden, title: "refusedTitle", text: "signInRequired")
    static func tooLarge(_ limit: Int) -> Refusal { Refusal(status: .contentTooLarge, title: "refusedTitle", text: "tooLargeText", values: [String(limit / 1024)]) }
    static let tooMany = Refusal(status: .tooManyRequests, title: "refusedTitle", text: "rateText")
}

extension NapServe {
    /// The page's language: the first part of its path when that is a language of the site, else the
    /// best of the visitor's `Accept-Language`, else the plan's primary language.
    func language(of request: Request, path lang: String?) async -> String {
        let languages = (try? await site.languages()) ?? ["zh-Hant", "en"]
        if let lang, languages.contains(lang) { return lang }
        return Self.negotiate(request.headers[.acceptLanguage], languages: languages)
    }

    static func negotiate(_ header: String?, languages: [String]) -> String {
        guard let header else { return languages[0] }
        var best: (language: String, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") { quality = Double(parameter.dropFirst(2)) ?? 0 }
            let match = languages.first { $0.lowercased() == tag }
                ?? languages.first { tag.hasPrefix("zh") && $0.lowercased().hasPrefix("zh") }
                ?? languages.first { $0.lowercased().split(separator: "-").first == tag.split(separator: "-").first }
            if let match, quality > (best?.quality ?? 0) { best = (match, quality) }
        }
        return best?.language ?? languages[0]
    }

    /// The language named by the route's `{lang}`, refusing one the site does not have.
    func pageLanguage(_ context: ServeContext) async throws -> String {
        let languages = (try? await site.languages()) ?? []
        guard let lang = context.parameters.get("lang"), languages.contains(lang) else { throw Refusal.notFound }
        return lang
    }

    /// Whether the request reached the server over TLS (directly never: through a proxy that says so, or
    /// a public origin that is https).
    func isSecure(_ request: Request) -> Bool {
        if let origin = options.publicOrigin { return origin.hasPrefix("https://") }
        return options.trustProxy && request.headers[HeaderName("X-Forwarded-Proto")!] == "https"
    }

    /// The origin posts must come from: the configured public origin, else this request's own host.
    func expectedOrigin(_ request: Request) -> String? {
        if let origin = options.publicOrigin { return origin }
        // HTTP/1's Host header arrives as the request's authority.
        guard let host = request.head.authority, !host.isEmpty else { return nil }
        return (isSecure(request) ? "https://" : "http://") + host
    }

    /// Every post must come from a page of this server: its `Origin` (or, without one, its `Referer`)
    /// must be this server's origin.
    func checkOrigin(_ request: Request) throws {
        guard let expected = expectedOrigin(request) else { throw Refusal.forgedRequest }
        if let origin = request.headers[.origin] {
            guard origin == expected else { throw Refusal.forgedRequest }
            return
        }
        guard let referer = request.headers[.referer], referer.hasPrefix(expected + "/") else { throw Refusal.forgedRequest }
    }

    /// The client's address, for rate limits only (never logged, never stored).
    func clientAddress(_ request: Request, context: ServeContext) -> String {
        if options.trustProxy, let forwarded = request.headers[HeaderName("X-Forwarded-For")!] {
            if let last = forwarded.split(separator: ",").last { return last.trimmingCharacters(in: .whitespaces) }
        }
        return context.peerAddress ?? "unknown"
    }

    /// The checks every post passes before its body is read: origin, then the rate limits.
    func admitPost(_ request: Request, context: ServeContext) async throws {
        try checkOrigin(request)
        switch await limiter.admit(clientAddress(request, context: context)) {
        case .allowed: return
        case .tooManyFromAddress, .tooManyOverall: throw Refusal.tooMany
        }
    }

    /// The posted form, read within the size limit and decoded strictly.
    func readForm(_ request: Request, multiline: Set<String> = []) async throws -> FormData {
        let limit = options.limits.maximumBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Refusal.tooLarge(limit) }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else { throw Refusal.badInput }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw Refusal.tooLarge(limit)
        }
        do {
            return try FormData(body: Array(buffer.readableBytesView), multiline: multiline)
        } catch {
            throw Refusal.badInput
        }
    }

    /// The visitor's session from the cookie, when it is one of this server's and has not expired.
    func session(of request: Request) async -> Session? {
        guard let id = Reply.cookieValue(Reply.sessionCookie, in: request), Token.isWellFormed(id) else { return nil }
        return await sessions.session(id)
    }

    /// The session for a page with a form: the visitor's, or a new one (with the cookie to set).
    func formSession(_ request: Request) async -> (session: Session, cookie: String?) {
        if let session = await session(of: request) { return (session, nil) }
        let session = await sessions.start(member: nil)
        return (session, Reply.cookie(session.id, secure: isSecure(request), maxAge: Int(SessionStore.visitorLifetime)))
    }

    /// The session a post belongs to: it must exist and the form's CSRF token must be its own.
    func checkedSession(_ request: Request, form: FormData) async throws -> Session {
        guard let session = await session(of: request), let token = form["csrf"], Token.equal(token, session.csrf) else {
            throw Refusal.forgedRequest
        }
        return session
    }
}

extension Response {
    /// The response with a session cookie set, when there is one.
    func setting(cookie: String?) -> Response {
        guard let cookie else { return self }
        var response = self
        response.headers.append(Header(name: .setCookie, value: cookie))
        return response
    }
}
