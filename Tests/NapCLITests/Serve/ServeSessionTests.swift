import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// Members' sessions outlive a restart of the server (kept as digests in the private folder); forged
/// cookies, expired saved sessions and a damaged session file sign no one in and stop nothing.
@Suite struct ServeSessionTests {
    /// A browser signed in as `member` on `server` with a fresh invitation.
    static func signedIn(_ world: ServeWorld, _ client: some TestClientProtocol, member: String) async throws -> Browser {
        let token = try ServeSignInTests.token(from: try world.h.ok(["serve", "invite", member]))
        var browser = Browser()
        let status = try await ServeSignInTests.signIn(client, token: token, browser: &browser)
        #expect(status == .seeOther)
        return browser
    }

    static func inboxStatus(_ client: some TestClientProtocol, _ browser: Browser) async throws -> HTTPResponse.Status {
        try await client.execute(uri: "/en/inbox", method: .get, headers: browser.headers()) { $0.status }
    }

    @Test func aMembersSessionSurvivesARestartAndSigningOutEndsItForGood() async throws {
        let world = try ServeWorld.plan("nap-serve-sessions")
        let browser = try await world.server().application().test(.router) { client in
            let browser = try await Self.signedIn(world, client, member: "g0v-wang")
            let browserStatus = try await Self.inboxStatus(client, browser)
            #expect(browserStatus == .ok)
            return browser
        }
        // Only the digest of the session's id is on disk, owner-only.
        let file = world.privateFolder + "sessions.json"
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        let cookie = try #require(browser.cookie)
        let id = String(try #require(cookie.split(separator: "=", maxSplits: 1).last))
        #expect(saved.contains("g0v-wang") && !saved.contains(id))
        let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        // A new server on the same copy (a restart): still signed in, with the same CSRF token in its forms.
        try await world.server().application().test(.router) { client in
            let page = try await client.execute(uri: "/en/inbox", method: .get, headers: browser.headers()) { $0 }
            #expect(page.status == .ok)
            #expect(page.text.contains("王向榮"))
            let csrf = try #require(Browser.hidden("csrf", in: page.text))
            // A forged cookie (well formed, unknown) and one with the id changed are visitors.
            var forged = Browser()
            forged.cookie = "nap_session=" + String(repeating: "A", count: 43)
            let forgedStatus = try await Self.inboxStatus(client, forged)
            #expect(forgedStatus == .forbidden)
            var altered = browser
            altered.cookie = String(cookie.dropLast()) + (cookie.hasSuffix("A") ? "B" : "A")
            let alteredStatus = try await Self.inboxStatus(client, altered)
            #expect(alteredStatus == .forbidden)
            try await client.execute(uri: "/en/sign-out", method: .post, headers: browser.headers(form: true),
                                     body: Browser.form([("csrf", csrf)])) { #expect($0.status == .ok) }
        }
        // Signed out before the restart: signed out after it.
        let after = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!after.contains("g0v-wang"))
        try await world.server().application().test(.router) { client in
            let browserStatus = try await Self.inboxStatus(client, browser)
            #expect(browserStatus == .forbidden)
        }
    }

    @Test func expiredAndMalformedSavedSessionsSignNoOneIn() async throws {
        let world = try ServeWorld.plan("nap-serve-sessions-expired")
        let browser = try await world.server().application().test(.router) { client in
            try await Self.signedIn(world, client, member: "g0v-wang")
        }
        // The saved session's expiry moved into the past, and entries that are not well formed added.
        let file = world.privateFolder + "sessions.json"
        var entries = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]])
        #expect(entries.count == 1)
        entries[0]["expires"] = Date().addingTimeInterval(-60).timeIntervalSince1970
        entries.append(["digest": "not a digest", "member": "ndc-chair", "expires": Date().addingTimeInterval(3600).timeIntervalSince1970])
        try JSONSerialization.data(withJSONObject: entries).write(to: URL(fileURLWithPath: file))
        try await world.server().application().test(.router) { client in
            let browserStatus = try await Self.inboxStatus(client, browser)
            #expect(browserStatus == .forbidden)
        }
    }

    @Test func aDamagedSessionFileIsClearedNotACrash() async throws {
        let world = try ServeWorld.plan("nap-serve-sessions-damaged")
        let browser = try await world.server().application().test(.router) { client in
            try await Self.signedIn(world, client, member: "g0v-wang")
        }
        let file = world.privateFolder + "sessions.json"
        try Data("{\"not\": [\"sessions\"".utf8).write(to: URL(fileURLWithPath: file))
        try await world.server().application().test(.router) { client in
            // Everyone signs in again; the server serves and signs in as usual.
            let browserStatus = try await Self.inboxStatus(client, browser)
            #expect(browserStatus == .forbidden)
            #expect(!FileManager.default.fileExists(atPath: file))
            try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get) { #expect($0.status == .ok) }
            let again = try await Self.signedIn(world, client, member: "g0v-wang")
            let againStatus = try await Self.inboxStatus(client, again)
            #expect(againStatus == .ok)
        }
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("g0v-wang"))
    }
}
