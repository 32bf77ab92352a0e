import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// Members sign in with a one-time invitation from `nap serve invite`: single use, expiring, unknown
/// tokens refused alike; the session is a new one, HttpOnly and SameSite=Strict; pages for members
/// refuse visitors.
@Suite struct ServeSignInTests {
    static func token(from link: String) throws -> String {
        let range = try #require(link.range(of: "sign-in?token="))
        return String(link[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Opens the sign-in page for a token and posts its button; returns the final status and the browser.
    static func signIn(_ client: some TestClientProtocol, token: String, browser: inout Browser) async throws -> HTTPResponse.Status {
        let page = try await client.execute(uri: "/en/sign-in?token=\(token)", method: .get, headers: browser.headers()) { $0 }
        browser.keep(page)
        let csrf = Browser.hidden("csrf", in: page.text) ?? ""
        let response = try await client.execute(uri: "/en/sign-in", method: .post, headers: browser.headers(form: true),
                                                body: Browser.form([("csrf", csrf), ("token", token)])) { $0 }
        browser.keep(response)
        return response.status
    }

    @Test func anInvitationSignsInOnceAndThenExpires() async throws {
        let world = try ServeWorld.plan()
        let link = try world.h.ok(["serve", "invite", "g0v-wang", "--base-url", "https://plan.example"])
        #expect(link.hasPrefix("https://plan.example/zh-Hant/sign-in?token="))
        let token = try Self.token(from: link)
        // Only its digest is kept.
        let kept = try String(contentsOfFile: world.privateFolder + "invitations.json", encoding: .utf8)
        #expect(kept.contains("g0v-wang") && !kept.contains(token))
        // An unknown member, and a host of none, are refused by the command.
        #expect(try world.h.nap(["serve", "invite", "nobody"]).status == 1)
        let file = world.h.sandbox.path("invite.txt")
        try world.h.ok(["serve", "invite", "ndc-chair", "-o", file])
        let chairToken = try Self.token(from: String(contentsOfFile: file, encoding: .utf8))

        let app = try await world.server().application()
        try await app.test(.router) { client in
            // A visitor has no inbox.
            try await client.execute(uri: "/en/inbox", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("needs a member to sign in") && response.text.contains("需要成員登入"))
            }
            var browser = Browser()
            let before = browser
            #expect(try await Self.signIn(client, token: token, browser: &browser) == .seeOther)
            #expect(browser.cookie != nil)
            try await client.execute(uri: "/en/inbox", method: .get, headers: browser.headers()) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("王向榮"))
            }
            // Pages show who is signed in, with a sign-out form carrying the session's token.
            try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get, headers: browser.headers()) { response in
                #expect(response.text.contains("Signed in: 王向榮"))
                #expect(response.text.contains("action=\"../sign-out\""))
            }
            // Used once: a second use is refused, in a fresh browser too.
            var other = before
            #expect(try await Self.signIn(client, token: token, browser: &other) == .forbidden)
            // Forged and malformed tokens.
            var third = Browser()
            #expect(try await Self.signIn(client, token: String(repeating: "A", count: 43), browser: &third) == .forbidden)
            #expect(try await Self.signIn(client, token: "../../etc", browser: &third) == .forbidden)
            // The chair's invitation from the file works.
            var chair = Browser()
            #expect(try await Self.signIn(client, token: chairToken, browser: &chair) == .seeOther)
            try await client.execute(uri: "/en/inbox", method: .get, headers: chair.headers()) { response in
                #expect(response.text.contains("國發會主委"))
            }
            // Signing out ends the session.
            let page = try await client.execute(uri: "/en/inbox", method: .get, headers: browser.headers()) { $0.text }
            let csrf = try #require(Browser.hidden("csrf", in: page))
            try await client.execute(uri: "/en/sign-out", method: .post, headers: browser.headers(form: true),
                                     body: Browser.form([("csrf", csrf)])) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/en/inbox", method: .get, headers: browser.headers()) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func anExpiredInvitationIsRefused() async throws {
        let world = try ServeWorld.plan()
        let store = try PlanStoreOpener.open(world.h.plan)
        let (token, _) = try Invitations.create(for: "g0v-wang", in: store, lifetime: 60, now: Date().addingTimeInterval(-120))
        let app = try await world.server().application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/en/sign-in?token=\(token)", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("has expired"))
            }
            var browser = Browser()
            #expect(try await Self.signIn(client, token: token, browser: &browser) == .forbidden)
        }
    }
}
