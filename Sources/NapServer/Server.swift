import Foundation
import Hummingbird
import NapWeb
import PlanKit

/// `nap serve`: the plan's site rendered on request, with forms for the public and for members
/// (docs/SERVE.md). Everything the server writes goes through PlanKit to the plan's record, for the
/// person it acts for; the server keeps nothing of its own but sessions (in memory) and the private
/// folder (invitations, the public's contact addresses).
public struct NapServe: Sendable {
    let options: ServeOptions
    let site: SiteService
    let writer: PlanWriter
    let sessions: SessionStore
    let limiter: RateLimiter
    let privateDirectory: String
    let hub: HubSync?

    /// Opens the plan (refusing a folder that is not one) and sets the server up; nothing listens yet.
    public init(options: ServeOptions) throws {
        MemoryUpkeep.limitArenas()
        let store = try PlanStore.open(at: options.planPath)
        // Every write and page lists the plan's references; packed, that is one file to read.
        store.packReferences()
        self.options = options
        privateDirectory = try store.privateDirectory()
        site = SiteService(planPath: options.planPath, beforeReading: options.beforeSiteReading)
        writer = PlanWriter(planPath: options.planPath, site: site)
        sessions = SessionStore(directory: privateDirectory)
        limiter = RateLimiter(limits: options.limits)
        if let remote = options.hub {
            let writer = self.writer
            hub = HubSync(remote: remote, interval: options.syncInterval) { await writer.sync(with: remote) }
        } else {
            hub = nil
        }
    }

    /// The application: routes, middleware, address. `onRunning` is told once the server listens.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async -> some ApplicationProtocol {
        if let hub { await writer.attach(hub) }
        await site.start()
        let router = Router(context: ServeContext.self)
        router.add(middleware: SecurityHeaders<ServeContext>(hsts: options.publicOrigin?.hasPrefix("https://") == true))
        router.add(middleware: ErrorPages(server: self))
        router.add(middleware: SiteFiles(server: self))
        addRoutes(to: router)
        var app = Application(router: router, configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                              onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
        // The background sync is a service of the application: it runs while the server runs, also in
        // HummingbirdTesting's tests, and ends on the graceful shutdown.
        if let hub { app.addServices(hub) }
        return app
    }

    /// Runs until SIGINT or SIGTERM, with the background sync when there is a hub.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    func addRoutes(to router: Router<ServeContext>) {
        router.get("/") { request, _ in
            Reply.redirect("/" + (await self.language(of: request, path: nil)) + "/index.html")
        }
        router.get("/{lang}/comment") { request, context in try await self.commentForm(request, context: context) }
        router.post("/{lang}/comment") { request, context in try await self.postComment(request, context: context) }
        router.get("/{lang}/received") { request, context in try await self.receivedPage(request, context: context) }
        router.get("/{lang}/sign-in") { request, context in try await self.signInForm(request, context: context) }
        router.post("/{lang}/sign-in") { request, context in try await self.postSignIn(request, context: context) }
        router.post("/{lang}/sign-out") { request, context in try await self.postSignOut(request, context: context) }
        router.get("/{lang}/act") { request, context in try await self.actPage(request, context: context) }
        router.post("/{lang}/act") { request, context in try await self.postAct(request, context: context) }
        router.get("/{lang}/inbox") { request, context in try await self.inboxPage(request, context: context) }
    }
}


/// The site's files (`/en/proposals/x.html`, `/assets/site.css`, a folder's `/en/`): every GET of a path
/// whose last part has an extension, or that ends in `/`, is a file of the site; everything else goes to
/// the server's own routes (`/en/comment`, …), whose names have none.
struct SiteFiles: RouterMiddleware {
    typealias Context = ServeContext
    let server: NapServe

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard request.method == .get || request.method == .head, path != "/", path.hasSuffix("/") || last.contains(".") else {
            return try await next(request, context)
        }
        return try await server.sitePage(request, context: context)
    }
}
