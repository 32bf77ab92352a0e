import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (no script at all; styles, images and
/// form posts from this server only; never framed), no MIME sniffing, referrers only to this server (so
/// that a form's post carries its Origin), and HSTS when the server is reached over TLS.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    let hsts: Bool

    static var policy: String {
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[HeaderName("X-Content-Type-Options")!] = "nosniff"
        response.headers[HeaderName("Referrer-Policy")!] = "same-origin"
        response.headers[HeaderName("X-Frame-Options")!] = "DENY"
        response.headers[HeaderName("Cross-Origin-Opener-Policy")!] = "same-origin"
        if hsts { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
