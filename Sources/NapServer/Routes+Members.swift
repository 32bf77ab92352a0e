import Foundation
import Hummingbird
import NapWeb
import PlanKit

extension NapServe {
    /// The page an invitation link opens: a button that signs in (a link alone does not, so that mail
    /// scanners that follow links do not use the invitation up).
    func signInForm(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        let token = FormData.query(request.uri.query)["token"] ?? ""
        let (session, cookie) = await formSession(request)
        let usable = Invitations.isUsable(token, in: privateDirectory)
        let values: [String: Any] = ["usable": usable, "token": usable ? token : "", "csrf": session.csrf]
        let bytes = try await servedPage(ServedPage(template: "serve-signin", path: "sign-in", titleWord: "signInTitle", values: values), language: language, request: request)
        return Reply.html(bytes, status: usable ? .ok : .forbidden).setting(cookie: cookie)
    }

    /// Signing in: the invitation is used up, the member (still in members.yml) gets a new session.
    func postSignIn(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        try await admitPost(request, context: context)
        let form = try await readForm(request)
        guard form.fields.keys.allSatisfy(["csrf", "token"].contains) else { throw Refusal.badInput }
        let session = try await checkedSession(request, form: form)
        guard let token = form["token"], let member = try Invitations.redeem(token, in: privateDirectory),
              try await site.read({ store in try store.currentMembers().member(id: member) != nil }) else {
            let bytes = try await servedPage(ServedPage(template: "serve-signin", path: "sign-in", titleWord: "signInTitle",
                                                         values: ["usable": false, "csrf": session.csrf]), language: language, request: request)
            return Reply.html(bytes, status: .forbidden)
        }
        let signedIn = await sessions.start(member: member, replacing: session.id)
        ServerLog.note("a member signed in")
        return Reply.redirect("inbox", cookies: [Reply.cookie(signedIn.id, secure: isSecure(request), maxAge: Int(SessionStore.memberLifetime))])
    }

    /// Signing out: the session ends and the cookie is cleared.
    func postSignOut(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        try await admitPost(request, context: context)
        let form = try await readForm(request)
        let session = try await checkedSession(request, form: form)
        await sessions.end(session.id)
        let values: [String: Any] = ["heading": SiteWords.word("signedOut", language: language),
                                     "paragraphs": [SiteWords.word("signedOutText", language: language)], "links": [[String: Any]](),
                                     "other": [[String: Any]]()]
        let bytes = try await servedPage(ServedPage(template: "serve-message", path: "sign-out", titleWord: "signedOut", values: values), language: language, request: request)
        return Reply.html(bytes).setting(cookie: Reply.cookie("", secure: isSecure(request), maxAge: 0))
    }

    /// The signed-in member, or a refusal.
    func signedInMember(_ request: Request) async throws -> (session: Session, member: String) {
        guard let session = await session(of: request), let member = session.member else { throw Refusal.signInRequired }
        return (session, member)
    }
}
