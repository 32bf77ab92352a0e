import Hummingbird

/// What the server knows about one request beyond the request itself: the client's address (for rate
/// limits only) and the session, once the session middleware found it.
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address as the socket saw it; nil in router tests.
    public let peerAddress: String?
    /// The visitor's session, set by `SessionMiddleware`.
    var session: Session?
    /// Whether the server must set a new session cookie on the response.
    var newSessionCookie: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read by the routes with the server's own limit (`ServeLimits.maximumBodyBytes`).
    public var maxUploadSize: Int { 64 * 1024 }
}
