import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import PlanKit
import Testing

/// Members act through the server, which writes as the forum's host: an invited co-chair responds and
/// approves, the other approves, one merges; a co-chair hides an input; a person of the public comments.
/// Every event is the host's, signed by its key, naming whom it was written for; `nap verify` accepts it.
@Suite struct ServeMemberTests {
    /// A hosted plan (host-attested approvals allowed) with political-donations open, served from the
    /// plan's own copy configured as the host.
    static func world(_ name: String) throws -> (plan: HostedPlan, id: String) {
        let plan = try HostedPlan(name, hostAttestedApprovals: true)
        let id = try plan.proposal()
        try plan.h.git(["config", "user.name", Person.webHost.name])
        try plan.h.git(["config", "user.email", Person.webHost.email])
        try plan.h.git(["config", "user.signingkey", plan.hostKey])
        return (plan, id)
    }

    static func server(_ plan: HostedPlan) throws -> NapServe {
        try NapServe(options: ServeOptions(planPath: plan.h.plan, host: "127.0.0.1", port: 0))
    }

    /// Signs in `member` with a fresh invitation; returns the browser.
    static func signIn(_ client: some TestClientProtocol, _ member: String, plan: HostedPlan) async throws -> Browser {
        let (token, _) = try Invitations.create(for: member, in: try PlanStore.open(at: plan.h.plan))
        var browser = Browser()
        #expect(try await ServeSignInTests.signIn(client, token: token, browser: &browser) == .seeOther)
        return browser
    }

    /// Posts a member action from the act page; returns the status and the page.
    static func act(_ client: some TestClientProtocol, _ browser: Browser, proposal: String,
                    _ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String) {
        let page = try await client.execute(uri: "/en/act?proposal=\(proposal)", method: .get, headers: browser.headers()) { $0 }
        #expect(page.status == .ok, "\(page.text)")
        let csrf = try #require(Browser.hidden("csrf", in: page.text))
        let response = try await client.execute(uri: "/en/act", method: .post, headers: browser.headers(form: true),
                                                body: Browser.form([("csrf", csrf), ("proposal", proposal)] + fields)) { $0 }
        return (response.status, response.text)
    }

    @Test func coChairsRespondApproveAndMergeThroughTheHost() async throws {
        let (plan, id) = try Self.world("nap-serve-members")
        let app = try await Self.server(plan).application()
        try await app.test(.router) { client in
            let gov = try await Self.signIn(client, "ndc-chair", plan: plan)
            let civil = try await Self.signIn(client, "civil-chair", plan: plan)
            var (status, text) = try await Self.act(client, gov, proposal: id,
                                                    [("action", "respond"), ("target", String(id.prefix(12))), ("disposition", "adopted"),
                                                     ("reason", "論壇同意採納這項修法方向。")])
            #expect(status == .ok, "\(text)")
            for chair in [gov, civil] {
                (status, text) = try await Self.act(client, chair, proposal: id, [("action", "review"), ("verdict", "approve"), ("body", "")])
                #expect(status == .ok, "\(text)")
            }
            // A member cannot act for someone else: the form has no such field.
            (status, _) = try await Self.act(client, civil, proposal: id, [("action", "merge"), ("member", "ndc-chair")])
            #expect(status == .badRequest)
            (status, text) = try await Self.act(client, gov, proposal: id, [("action", "merge")])
            #expect(status == .ok, "\(text)")
        }
        let show = try plan.show()
        #expect(show["state"] as? String == "merged", "\(show)")
        let verify = try plan.h.nap(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        try plan.stockGitAccepts(["main"])
    }

    @Test func thePublicCommentsThroughTheHostAndACoChairHidesIt() async throws {
        let (plan, id) = try Self.world("nap-serve-hide")
        let app = try await Self.server(plan).application()
        try await app.test(.router) { client in
            var browser = Browser()
            let form = try await client.execute(uri: "/en/comment?proposal=\(id)", method: .get, headers: browser.headers()) { $0 }
            browser.keep(form)
            let csrf = try #require(Browser.hidden("csrf", in: form.text))
            let posted = try await client.execute(uri: "/en/comment", method: .post, headers: browser.headers(form: true),
                                                  body: Browser.form([("csrf", csrf), ("proposal", id), ("name", "路人丁"),
                                                                      ("contact", ""), ("body", "廣告內容 spam"), ("website", "")])) { $0 }
            #expect(posted.status == .seeOther, "\(posted.text)")
            let comment = try #require(try plan.comments().first)
            #expect((comment["author"] as? [String: Any])?["name"] as? String == "路人丁" || "\(comment)".contains("路人丁"))
            let commentID = try #require(comment["id"] as? String)
            let chair = try await Self.signIn(client, "civil-chair", plan: plan)
            let (status, text) = try await Self.act(client, chair, proposal: id,
                                                    [("action", "hide"), ("target", String(commentID.prefix(12))), ("reason", "廣告 advertising")])
            #expect(status == .ok, "\(text)")
            let page = try await client.execute(uri: "/en/proposals/political-donations.html", method: .get) { $0 }
            #expect(page.text.contains("hidden by the moderators: 廣告 advertising"))
            #expect(!page.text.contains("廣告內容 spam"))
        }
        let verify = try plan.h.nap(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
