import Foundation
import NapTestSupport
import PlanKit
import Testing

/// A host (`role: host` in members.yml, added through the gate) writes events on behalf of the public and
/// of members, signed with its own key; nap show, nap verify and stock git read them as host-attested.
@Suite struct HostCLITests {
    @Test func theHostWritesForThePublicAndForMembers() throws {
        let p = try HostedPlan("host-writes")
        let listed = try p.s.ok(["member", "list", "--json"])
        let members = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] ?? []
        #expect(members.contains { $0["id"] as? String == "web" && $0["role"] as? String == "host" }, "\(members)")
        let slug = "political-donations"
        try p.proposal(slug)

        let visitor = try p.store(for: .publicPerson(displayName: "熱心市民 小明"))
        let publicComment = try visitor.comment(on: slug, body: "請說明「即時」是幾天內。")
        let wang = try p.store(for: .member(id: "g0v-wang"))
        let memberComment = try wang.comment(on: slug, body: "建議加入罰則。")

        let comments = try p.comments(slug)
        let byPublic = try #require(comments.first { $0["id"] as? String == publicComment })
        let author = try #require(byPublic["author"] as? [String: Any])
        #expect(author["name"] as? String == "熱心市民 小明")
        #expect(author["email"] as? String == "public.web.invalid")
        #expect(author["member"] is NSNull || author["member"] == nil)
        #expect(byPublic["public_input"] as? Bool == true)
        #expect(byPublic["via_host"] as? String == "web")
        #expect((byPublic["signature"] as? [String: Any])?["status"] as? String == "good")
        let byMember = try #require(comments.first { $0["id"] as? String == memberComment })
        #expect((byMember["author"] as? [String: Any])?["member"] as? String == "g0v-wang")
        #expect((byMember["author"] as? [String: Any])?["email"] as? String == Person.wang.email)
        #expect(byMember["via_host"] as? String == "web")
        // The public's comment is owed a reasoned response; the proposer's own comment is not (as on the command line).
        let owed = (try p.show(slug)["owed_responses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(owed.contains(publicComment) && !owed.contains(memberComment), "\(owed)")

        // The public only comments; the same rules as on the command line hold for members.
        #expect(throws: PlanError.self) { try visitor.review(slug, verdict: .approve, body: "") }
        #expect(throws: PlanError.self) { try visitor.respond(to: publicComment, disposition: .adopted, reason: "我覺得很好，採納吧") }
        #expect(throws: PlanError.self) { try visitor.merge(slug) }
        #expect(throws: PlanError.self) { try wang.merge(slug) }
        #expect(throws: PlanError.self) { try wang.hide(publicComment, on: slug, reason: "成員不能隱藏意見") }
        #expect(throws: PlanError.self) { try p.store(for: .member(id: "web")) }
        #expect(throws: PlanError.self) { try p.store(for: .member(id: "nobody")) }
        #expect(throws: PlanError.self) { try p.store(for: .publicPerson(displayName: "me@example.net")) }
        #expect(throws: PlanError.self) { try p.store(for: .publicPerson(displayName: "two\nlines")) }
        // A member's own identity is not a host: it cannot act for others.
        #expect(throws: PlanError.self) { try p.store(as: .wang).onBehalf(of: .publicPerson(displayName: "anyone")) }

        // The government answers through the host; the response is the ministry's, vouched for by the host.
        let moi = try p.store(for: .member(id: "moi"))
        _ = try moi.respond(to: publicComment, disposition: .adopted, reason: "將明定於 7 日內公開。")
        let text = try p.s.ok(["show", slug])
        #expect(text.contains("熱心市民 小明 (public) via host web"), "\(text)")
        #expect(text.contains("內政部民政司 (government) via host web"), "\(text)")

        let verify = try p.s.json(["verify"])
        #expect(verify["ok"] as? Bool == true, "\(verify)")
        #expect(verify["host_attested_events"] as? Int ?? 0 >= 3, "\(verify)")
        #expect(!(verify["notices"] as? [[String: Any]] ?? []).contains { $0["event"] is String }, "no event is reported: \(verify)")
        try p.stockGitAccepts(["nap/record", "main"])
        // Members of the public who wrote through the host share its placeholder address, not their credit.
        _ = try p.store(for: .publicPerson(displayName: "另一位市民")).comment(on: slug, body: "支持。")
        let attribution = try p.s.json(["attribution"])
        let people = (attribution["people"] as? [[String: Any]] ?? []).filter { $0["email"] as? String == "public.web.invalid" }
        #expect(Set(people.compactMap { $0["name"] as? String }) == ["熱心市民 小明", "另一位市民"], "\(people)")
        // The record commit is the host's, signed with its key; the event files name the host and the principal.
        #expect(try p.h.git(["log", "-1", "--format=%ae", "nap/record"]).contains(Person.webHost.email))
        let id = try #require(try p.show(slug)["id"] as? String)
        let file = try p.h.git(["show", "nap/record:proposals/\(id.prefix(2))/\(id)/events/\(publicComment).json"])
        #expect(file.contains("\"on-behalf-of\" : {\n    \"host\" : \"web\"\n  }"), "\(file)")
        #expect(!file.contains("@"), "no address of the public person in the record: \(file)")
    }

    @Test func hostAttestedApprovalsDoNotCountByDefault() throws {
        let p = try HostedPlan("host-approvals-off")
        let slug = "political-donations"
        try p.proposal(slug)
        try p.s.ok(["respond", slug, "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        _ = try p.store(for: .member(id: "ndc-chair")).review(slug, verdict: .approve, body: "")
        try p.s.ok(["review", slug, "--approve"], as: .civilChair)
        let blockers = try p.show(slug)["blockers"] as? [String] ?? []
        #expect(blockers == ["the approval of 國發會主委 (government co-chair) was given through host web, and the policy does not count host-attested approvals (host-attested-approvals: false); approve with nap, signed with your own key"],
                "\(blockers)")
        let reviews = try p.show(slug)["reviews"] as? [[String: Any]] ?? []
        #expect(reviews.contains { $0["via_host"] as? String == "web" && $0["verdict"] as? String == "approve" })
        // A co-chair cannot merge through the host either.
        let chair = try p.store(for: .member(id: "civil-chair"))
        #expect(throws: PlanError.self) { try chair.merge(slug) }
        // Approved by the chair themselves, it merges.
        try p.s.ok(["review", slug, "--approve"], as: .govChair)
        #expect(try p.show(slug)["blockers"] as? [String] == [])
        try p.s.ok(["merge", slug], as: .civilChair)
        #expect(try p.s.json(["verify"])["ok"] as? Bool == true)
    }

    @Test func hostAttestedApprovalsAndMergesCountWhenThePolicySaysSo() throws {
        let p = try HostedPlan("host-approvals-on", hostAttestedApprovals: true)
        let slug = "political-donations"
        try p.proposal(slug)
        let gov = try p.store(for: .member(id: "ndc-chair"))
        _ = try gov.respond(to: slug, disposition: .adopted, reason: "諮詢會議決議納入行動方案")
        _ = try gov.review(slug, verdict: .approve, body: "")
        _ = try p.store(for: .member(id: "civil-chair")).review(slug, verdict: .approve, body: "同意")
        #expect(try p.show(slug)["blockers"] as? [String] == [])
        let result = try p.store(for: .member(id: "ndc-chair")).merge(slug)
        #expect(try p.show(slug)["state"] as? String == "merged")
        let main = try p.h.git(["rev-parse", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(main == result.commit.hex)
        #expect(try p.h.git(["log", "-1", "--format=%ae %ce", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)
                == "\(Person.govChair.email) \(Person.webHost.email)")
        #expect(try p.h.git(["log", "-1", "--format=%B", "main"]).contains("On-behalf-of: 國發會主委 <chair@ndc.gov.example> (ndc-chair via host web)"))
        let verify = try p.s.json(["verify"])
        #expect(verify["ok"] as? Bool == true, "\(verify)")
        #expect(verify["host_attested_approvals"] as? Int == 2, "\(verify)")
        try p.stockGitAccepts(["main", "nap/record"])
    }

    @Test func coChairsHideInputsWhichAreStillOwedAResponse() throws {
        let p = try HostedPlan("host-hide")
        let slug = "political-donations"
        try p.proposal(slug)
        let visitor = try p.store(for: .publicPerson(displayName: "匿名"))
        let comment = try visitor.comment(on: slug, body: "某官員的住址是……")
        #expect(throws: PlanError.self) { try p.store(for: .member(id: "g0v-wang")).hide(comment, on: slug, reason: "個資") }
        #expect(throws: PlanError.self) { try p.store(as: .wang).hide(comment, on: slug, reason: "個資") }
        #expect(throws: PlanError.self) { try visitor.hide(comment, on: slug, reason: "個資") }
        #expect(throws: PlanError.self) { try p.store(for: .member(id: "civil-chair")).hide(comment, on: slug, reason: "  ") }
        _ = try p.store(for: .member(id: "civil-chair")).hide(comment, on: slug, reason: "含他人個人資料 personal data of someone else")

        let shown = try #require(try p.comments(slug).first { $0["id"] as? String == comment })
        let hidden = try #require(shown["hidden"] as? [String: Any])
        #expect(hidden["reason"] as? String == "含他人個人資料 personal data of someone else")
        #expect(hidden["via_host"] as? String == "web")
        #expect(shown["body"] as? String == "某官員的住址是……", "the input stays in the record")
        let text = try p.s.ok(["show", slug])
        #expect(text.contains("[hidden by the moderators: 含他人個人資料 personal data of someone else]"), "\(text)")
        #expect(!text.contains("某官員的住址"), "\(text)")
        var owed = (try p.show(slug)["owed_responses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(owed.contains(comment), "a hidden input is still owed a response")

        // A co-chair on the command line hides the proposal's own text too; an out-of-scope response answers the comment.
        #expect(try p.s.nap(["hide", slug, slug, "-m", "測試隱藏"], as: .wang).status != 0, "only co-chairs hide")
        #expect(try p.s.ok(["hide", slug, slug, "-m", "測試隱藏"], as: .govChair).contains("Hid the text of proposal"))
        #expect((try p.show(slug)["hidden"] as? [String: Any])?["reason"] as? String == "測試隱藏")
        try p.s.ok(["respond", String(comment.prefix(12)), "--disposition", "out-of-scope", "-m", "與本提案無關，且含個資"], as: .govChair)
        owed = (try p.show(slug)["owed_responses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!owed.contains(comment))
        // The published site shows the reason, never the hidden text.
        try p.s.ok(["site", "-o", p.s.sandbox.path("site")])
        let pages = try FileManager.default.subpathsOfDirectory(atPath: p.s.sandbox.path("site")).filter { $0.hasSuffix(".html") }
        let html = try pages.map { try String(contentsOfFile: p.s.sandbox.path("site/" + $0), encoding: .utf8) }.joined()
        #expect(html.contains("hidden by the moderators: 含他人個人資料"))
        #expect(!html.contains("某官員的住址"))
        let report = try p.s.ok(["report", "responses", "--format", "csv"])
        #expect(report.contains("hidden by the moderators: 含他人個人資料"), "\(report)")
        #expect(!report.contains("某官員的住址"), "\(report)")
        #expect(try p.s.json(["verify"])["ok"] as? Bool == true)
    }
}
