import Foundation

/// How `nap serve` runs: where the plan is, where it listens, the hub it syncs with, and its limits.
public struct ServeOptions: Sendable {
    /// A folder inside the plan's working tree.
    public var planPath: String
    public var host: String
    public var port: Int
    /// The git remote (name or URL) to sync with in the background; nil: no sync.
    public var hub: String?
    /// The address people reach the server at (`https://plan.example.gov.tw`), when behind a proxy: the
    /// Origin every POST must come from, and `https` makes cookies `Secure`. Without it, the Origin must
    /// match the request's own `Host`.
    public var publicOrigin: String?
    /// Behind a reverse proxy on the same machine: the client's address is the last one the proxy added to
    /// `X-Forwarded-For` (for rate limits only; never logged), and `X-Forwarded-Proto: https` makes cookies `Secure`.
    public var trustProxy: Bool
    public var limits: ServeLimits
    /// Seconds between background syncs when nothing was written (with backoff when the hub is down).
    public var syncInterval: Double
    /// Awaited before each reading of the whole site (the first, and each one after the plan moved). For
    /// tests, which hold a reading with it to see the previous pages served meanwhile; nil otherwise.
    public var beforeSiteReading: (@Sendable () async -> Void)?

    public init(planPath: String, host: String = "127.0.0.1", port: Int = 8080, hub: String? = nil, publicOrigin: String? = nil,
                trustProxy: Bool = false, limits: ServeLimits = ServeLimits(), syncInterval: Double = 60) {
        self.planPath = planPath
        self.host = host
        self.port = port
        self.hub = hub
        self.publicOrigin = publicOrigin.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.trustProxy = trustProxy
        self.limits = limits
        self.syncInterval = syncInterval
    }
}

/// The server's limits: what one request may carry and how often one address, and everyone together,
/// may post.
public struct ServeLimits: Sendable {
    /// The largest request body accepted, in bytes (a comment is at most 32 KiB of text).
    public var maximumBodyBytes: Int
    /// The longest comment accepted through the web, in bytes of UTF-8.
    public var maximumCommentBytes: Int
    /// Posts (comments, sign-ins, member actions) one address may make per `window` seconds.
    public var postsPerAddress: Int
    /// Posts everyone together may make per `window` seconds.
    public var postsOverall: Int
    /// The window of the two rate limits, in seconds.
    public var window: Double

    public init(maximumBodyBytes: Int = 64 * 1024, maximumCommentBytes: Int = 32 * 1024, postsPerAddress: Int = 10,
                postsOverall: Int = 300, window: Double = 600) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumCommentBytes = maximumCommentBytes
        self.postsPerAddress = postsPerAddress
        self.postsOverall = postsOverall
        self.window = window
    }
}
