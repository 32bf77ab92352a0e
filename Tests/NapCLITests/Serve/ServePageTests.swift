import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// `nap serve` serves the site's pages, rendered on request, with the links to its forms and its
/// security headers; unknown pages and errors are pages in both languages without internals.
@Suite struct ServePageTests {
    @Test func theSitesPagesAreServedWithFormLinksAndAStrictPolicy() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server().application()
        try await app.test(.router) { client in
            let browser = Browser()
            try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get, headers: browser.headers()) { response in
                #expect(response.status == .ok)
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("script-src 'none'") && csp.contains("form-action 'self'") && csp.contains("frame-ancestors 'none'"))
                #expect(response.headers[HeaderName("X-Content-Type-Options")!] == "nosniff")
                let page = response.text
                #expect(page.contains(ServeWorld.title))
                // No meta policy that would forbid the forms; a link to comment on the proposal and on its lines.
                #expect(!page.contains("http-equiv=\"Content-Security-Policy\""))
                #expect(page.contains("href=\"../comment?proposal="))
                #expect(page.contains("&amp;path=\(ServeWorld.file)&amp;start="))
                #expect(!page.contains("<!--nap:session-->"))
            }
            try await client.execute(uri: "/zh-Hant/index.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("臺灣開放政府國家行動方案"))
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
            // The front door by Accept-Language.
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/en/index.html")
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "zh-TW,zh;q=0.9,en;q=0.5"]) { response in
                #expect(response.headers[.location] == "/zh-Hant/index.html")
            }
        }
    }

    @Test func errorPagesAreInBothLanguagesWithoutInternals() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server().application()
        try await app.test(.router) { client in
            for uri in ["/en/no-such-page.html", "/en/../../etc/passwd", "/en/comment?proposal=ffffffffffff", "/xx/comment"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let page = response.text
                    #expect(page.contains("Page not found") && page.contains("找不到這個頁面"), "\(uri)")
                    #expect(!page.contains(world.h.plan) && !page.contains("PlanError") && !page.contains("Swift"), "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
            }
            try await client.execute(uri: "/en/index.html", method: .delete) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("找不到這個頁面"))
            }
        }
    }

    @Test func aPageChangesWhenTheRecordMoves() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server().application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get) { response in
                #expect(!response.text.contains("Which datasets?"))
            }
            // Written by someone else, with the command line, in the same copy.
            // The site is read again in the background (the previous page is served meanwhile): it shows
            // within a few seconds.
            try world.cli(["comment", ServeWorld.slug, "-m", "Which datasets?"], as: .wang)
            let shown = try await ServeHubWorld.eventually(20) {
                try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get) { $0.text.contains("Which datasets?") }
            }
            #expect(shown)
        }
    }
}
