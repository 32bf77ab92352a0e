import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// The public's comment form: recorded once, the contact address kept apart; and every protection —
/// CSRF token, Origin, honeypot, forged fields, size, UTF-8, control characters, rate limits — refuses
/// with a page and records nothing.
@Suite struct ServeCommentTests {
    /// Opens the comment form on the proposal's lines 1–3 and returns the browser (with its cookie) and the
    /// form's CSRF token and proposal id.
    static func openForm(_ client: some TestClientProtocol, browser: inout Browser) async throws -> (csrf: String, proposal: String) {
        let page = try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get, headers: browser.headers()) { $0.text }
        let link = try #require(page.range(of: "href=\"../comment?proposal=").map { page[$0.upperBound...] })
        let proposal = String(link.prefix { $0.isHexDigit })
        #expect(proposal.count == 64 || proposal.count == 40)
        let response = try await client.execute(uri: "/en/comment?proposal=\(proposal)&path=\(ServeWorld.file)&start=1&end=3",
                                                method: .get, headers: browser.headers()) { $0 }
        #expect(response.status == .ok)
        browser.keep(response)
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        let csrf = try #require(Browser.hidden("csrf", in: response.text))
        #expect(response.text.contains("\(ServeWorld.file) · 1–3"))
        #expect(response.text.contains("name=\"website\""))
        return (csrf, proposal)
    }

    static func fields(csrf: String, proposal: String, body: String = "請公開資料集清單。", name: String = "路人乙",
                       contact: String = "reader@example.net") -> [(String, String)] {
        [("csrf", csrf), ("proposal", proposal), ("path", ServeWorld.file), ("start", "1"), ("end", "3"),
         ("name", name), ("contact", contact), ("body", body), ("website", "")]
    }

    @Test func aPublicCommentIsRecordedOnceAndItsContactAddressNeverPublished() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server().application()
        try await app.test(.router) { client in
            var browser = Browser()
            let (csrf, proposal) = try await Self.openForm(client, browser: &browser)
            let location = try await client.execute(uri: "/en/comment", method: .post, headers: browser.headers(form: true),
                                                    body: Browser.form(Self.fields(csrf: csrf, proposal: proposal))) { response in
                #expect(response.status == .seeOther, "\(response.text)")
                return try #require(response.headers[.location])
            }
            #expect(location.hasPrefix("received?proposal=\(proposal)&comment="))
            try await client.execute(uri: "/en/" + location, method: .get, headers: browser.headers()) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Received") && response.text.contains("#comment-"))
            }
            // Shown at once on the proposal's page, without the address.
            try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get) { response in
                #expect(response.text.contains("請公開資料集清單。"))
                #expect(!response.text.contains("reader@example.net"))
            }
        }
        let comments = try world.comments()
        #expect(comments.count == 1)
        #expect(comments.first?["body"] as? String == "請公開資料集清單。")
        // Never in the record; kept in the private folder for the reply.
        let record = try world.h.git(["log", "-p", "nap/record"])
        #expect(!record.contains("reader@example.net"))
        let contacts = try String(contentsOfFile: world.privateFolder + "contacts.jsonl", encoding: .utf8)
        #expect(contacts.contains("reader@example.net") && contacts.contains("路人乙"))
        let listed = try world.h.ok(["serve", "contacts"])
        #expect(listed.contains("reader@example.net"))
    }

    /// Comments posted at the same moment are written together (PlanWriter's queue): each answered, each
    /// recorded exactly once with its own author and contact, in no more commits than posts, and the
    /// record still verifies.
    @Test func commentsPostedAtOnceAreEachRecordedOnce() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server().application()
        let count = 8
        let before = Int(try world.h.git(["rev-list", "--count", "nap/record"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        try await app.test(.router) { client in
            var forms: [(browser: Browser, csrf: String, proposal: String)] = []
            for _ in 0..<count {
                var browser = Browser()
                let (csrf, proposal) = try await Self.openForm(client, browser: &browser)
                forms.append((browser, csrf, proposal))
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (index, form) in forms.enumerated() {
                    group.addTask {
                        let fields = Self.fields(csrf: form.csrf, proposal: form.proposal, body: "同時送出的第 \(index) 則意見。",
                                                 name: "同時者 \(index)", contact: "at-once-\(index)@example.net")
                        return try await client.execute(uri: "/en/comment", method: .post, headers: form.browser.headers(form: true),
                                                        body: Browser.form(fields)) { $0.status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == count && statuses.allSatisfy { $0 == .seeOther }, "\(statuses)")
        }
        let bodies = try world.comments().compactMap { $0["body"] as? String }
        for index in 0..<count {
            #expect(bodies.filter { $0 == "同時送出的第 \(index) 則意見。" }.count == 1, "comment \(index) once: \(bodies)")
        }
        #expect(bodies.count == count)
        let after = Int(try world.h.git(["rev-list", "--count", "nap/record"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(after > before && after - before <= count, "\(before) → \(after)")
        let contacts = try String(contentsOfFile: world.privateFolder + "contacts.jsonl", encoding: .utf8)
        for index in 0..<count { #expect(contacts.contains("at-once-\(index)@example.net")) }
        // nap verify and stock git accept the record (both fail the test on a non-zero exit).
        _ = try world.h.ok(["verify"])
        try world.h.git(["fsck", "--strict"])
    }

    @Test func postsWithoutTheTokenOrFromAnotherOriginAreRefused() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server().application()
        try await app.test(.router) { client in
            var browser = Browser()
            let (csrf, proposal) = try await Self.openForm(client, browser: &browser)
            let good = Self.fields(csrf: csrf, proposal: proposal)
            // No token; a wrong token; no session cookie.
            let cases: [(String, HTTPFields, [(String, String)])] = [
                ("no token", browser.headers(form: true), good.filter { $0.0 != "csrf" }),
                ("wrong token", browser.headers(form: true), good.map { $0.0 == "csrf" ? ($0.0, "A" + String(csrf.dropFirst())) : $0 }),
                ("no cookie", Browser().headers(form: true), good),
                ("other origin", browser.headers(origin: "https://evil.example", form: true), good),
                ("no origin", browser.headers(origin: nil, form: true), good),
            ]
            for (what, headers, fields) in cases {
                try await client.execute(uri: "/en/comment", method: .post, headers: headers, body: Browser.form(fields)) { response in
                    #expect(response.status == .forbidden, "\(what)")
                    #expect(response.text.contains("The form has expired or was not sent from this site"), "\(what)")
                    #expect(response.text.contains("這份表單已過期"), "\(what)")
                }
            }
        }
        #expect(try world.comments().isEmpty)
    }

    @Test func hostileFormsAreRefusedAndNothingIsRecorded() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server(ServeLimits(maximumBodyBytes: 4096, maximumCommentBytes: 2048, postsPerAddress: 100)).application()
        try await app.test(.router) { client in
            var browser = Browser()
            let (csrf, proposal) = try await Self.openForm(client, browser: &browser)
            let good = Self.fields(csrf: csrf, proposal: proposal)
            func post(_ body: ByteBuffer, _ expected: HTTPResponse.Status, _ what: String, contains text: String) async throws {
                try await client.execute(uri: "/en/comment", method: .post, headers: browser.headers(form: true), body: body) { response in
                    #expect(response.status == expected, "\(what): \(response.status)")
                    #expect(response.text.contains(text), "\(what)")
                }
            }
            // The honeypot, filled by a robot.
            try await post(Browser.form(good.map { $0.0 == "website" ? ($0.0, "http://spam.example") : $0 }), .badRequest, "honeypot",
                           contains: "could not be read")
            // Fields the form does not have: who comments is never the form's to say.
            for forged in [("sector", "government"), ("member", "ndc-chair"), ("author", "國發會主委"), ("email", "chair@ndc.gov.example")] {
                try await post(Browser.form(good + [forged]), .badRequest, "forged \(forged.0)", contains: "could not be read")
            }
            // A field twice.
            try await post(Browser.form(good + [("body", "again")]), .badRequest, "duplicate", contains: "could not be read")
            // Too large a body, and a comment above its own limit.
            try await post(Browser.form(good.map { $0.0 == "body" ? ($0.0, String(repeating: "長", count: 3000)) : $0 }), .contentTooLarge,
                           "oversized", contains: "at most 4 KiB")
            try await post(Browser.form(good.map { $0.0 == "body" ? ($0.0, String(repeating: "x", count: 2100)) : $0 }), .unprocessableContent,
                           "long comment", contains: "The comment is too long")
            // Bytes that are not UTF-8; control characters; a direction override in the name.
            let raw = "csrf=\(csrf)&proposal=\(proposal)&name=a&body=%FF%FE"
            try await post(ByteBuffer(string: raw), .badRequest, "invalid UTF-8", contains: "not UTF-8")
            try await post(Browser.form(good.map { $0.0 == "body" ? ($0.0, "bell \u{07} and escape \u{1B}[31m") : $0 }), .badRequest,
                           "control characters", contains: "control characters")
            try await post(Browser.form(good.map { $0.0 == "name" ? ($0.0, "abc\u{202E}fed") : $0 }), .badRequest,
                           "direction override", contains: "control characters")
            // A name that is an address, an empty name, an address that is not one.
            try await post(Browser.form(good.map { $0.0 == "name" ? ($0.0, "me@example.net") : $0 }), .unprocessableContent,
                           "address as name", contains: "not an email address")
            try await post(Browser.form(good.map { $0.0 == "contact" ? ($0.0, "not an address") : $0 }), .unprocessableContent,
                           "bad contact", contains: "contact email address is not valid")
            // Not a form at all.
            try await client.execute(uri: "/en/comment", method: .post, headers: browser.headers(extra: [.contentType: "application/json"]),
                                     body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try world.comments().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: world.privateFolder + "contacts.jsonl"))
    }

    @Test func postsAreRateLimitedPerAddressAndOverall() async throws {
        let world = try ServeWorld.plan()
        let app = try await world.server(ServeLimits(postsPerAddress: 2, postsOverall: 3), trustProxy: true).application()
        try await app.test(.router) { client in
            var browser = Browser()
            let (csrf, proposal) = try await Self.openForm(client, browser: &browser)
            func post(from address: String, body: String) async throws -> HTTPResponse.Status {
                let headers = browser.headers(form: true, extra: [HeaderName("X-Forwarded-For")!: address])
                return try await client.execute(uri: "/en/comment", method: .post, headers: headers,
                                                body: Browser.form(Self.fields(csrf: csrf, proposal: proposal, body: body))) { $0.status }
            }
            #expect(try await post(from: "192.0.2.1", body: "one") == .seeOther)
            #expect(try await post(from: "192.0.2.1", body: "two") == .seeOther)
            #expect(try await post(from: "192.0.2.1", body: "three") == .tooManyRequests)
            #expect(try await post(from: "192.0.2.2", body: "four") == .seeOther)
            #expect(try await post(from: "192.0.2.3", body: "five") == .tooManyRequests)
        }
        let bodies = try world.comments().compactMap { $0["body"] as? String }.sorted()
        #expect(bodies == ["four", "one", "two"])
    }
}
