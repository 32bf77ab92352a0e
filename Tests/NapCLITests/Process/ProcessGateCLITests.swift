import Foundation
import NapTestSupport
import Testing

/// The merge gate and `nap verify` with `min-discussion-days`, `response-days` and the approver
/// `lead-agency`.
@Suite struct ProcessGateCLITests {
    /// A founded plan (dated 30 days ago) with `policy` lines, and political-donations (by 王向榮)
    /// opened `openedDaysAgo` days ago, drafted, answered and approved by both co-chairs.
    static func proposal(_ name: String, policy: [String], leadAgency: Bool = false, openedDaysAgo: Int) throws -> NapHarness {
        let h = try NapHarness.foundedWithProcess(name, policy: policy, leadAgency: leadAgency, daysAgo: 30)
        let then = ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: openedDaysAgo)]
        try h.okAt(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang, env: then)
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.okAt(["save", "-m", "新增承諾事項"], as: .wang, env: then)
        try h.ok(["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .civilChair)
        try h.ok(["switch", "main"])
        return h
    }

    static func blockers(_ h: NapHarness) throws -> [String] {
        try h.object(["show", "political-donations"])["blockers"] as? [String] ?? []
    }

    @Test func aProposalIsMergedOnlyAfterTheMinimumDiscussion() throws {
        let h = try Self.proposal("gate-discussion", policy: ["min-discussion-days: 14"], openedDaysAgo: 3)
        let blockers = try Self.blockers(h)
        #expect(blockers.count == 1, "\(blockers)")
        #expect(blockers.first?.hasPrefix("the proposal has been open for discussion 3 days; the policy asks for 14 (min-discussion-days), until ") == true)
        let merge = try h.nap(["merge", "political-donations"], as: .civilChair)
        #expect(merge.status == 1 && merge.stderr.contains("min-discussion-days"), "\(merge.stderr)")

        let open = try Self.proposal("gate-discussion-ok", policy: ["min-discussion-days: 14"], openedDaysAgo: 20)
        #expect(try Self.blockers(open).isEmpty)
        try open.ok(["merge", "political-donations"], as: .civilChair)
        let verify = try open.nap(["verify", "--json"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// A merge commit dated (by whoever made it) before the discussion time was over fails `nap verify`.
    @Test func verifyRechecksTheDiscussionTimeOfEachMerge() throws {
        let h = try Self.proposal("verify-discussion", policy: ["min-discussion-days: 14"], openedDaysAgo: 20)
        try h.okAt(["merge", "political-donations"], as: .civilChair, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 10)])
        let verify = try h.nap(["verify", "--json"])
        #expect(verify.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any])
        let kinds = (report["failures"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("discussion-too-short"), "\(report)")
    }

    @Test func responsesAreCountedDownInShowAndInbox() throws {
        let h = try NapHarness.foundedWithProcess("gate-response-days", policy: ["response-days: 30"], daysAgo: 40)
        try h.okAt(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 35)])
        try h.okAt(["comment", "political-donations", "-m", "期程太長"], as: .citizen, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 10)])
        let show = try h.object(["show", "political-donations"])
        let owed = try #require(show["owed_responses"] as? [[String: Any]])
        #expect(owed.map { $0["kind"] as? String } == ["proposal", "comment"])
        #expect(owed.map { $0["days_left"] as? Int } == [-5, 20], "\(owed)")
        let text = try h.ok(["show", "political-donations"])
        #expect(text.contains("OVERDUE BY 5 DAYS") && text.contains("DUE IN 20 DAYS"), "\(text)")
        let inbox = try h.object(["inbox"], as: .govChair)
        let unanswered = try #require(inbox["unanswered"] as? [[String: Any]])
        #expect(unanswered.map { $0["days_left"] as? Int } == [-5, 20])
        #expect(unanswered.first?["due"] is String)
        // Without response-days, no deadline.
        let plain = try NapHarness.foundedWithProcess("gate-no-response-days", policy: ["!response-days"])
        try plain.ok(["propose", "x", "--title", "x"], as: .wang)
        let none = try #require(try plain.object(["show", "x"])["owed_responses"] as? [[String: Any]])
        #expect(none.first?["days_left"] is NSNull)
    }

    @Test func theLeadAgencyApprovesChangesToItsCommitment() throws {
        // Without the approver in the policy, the co-chairs' approvals are enough.
        #expect(try Self.blockers(try Self.proposal("gate-no-lead", policy: [], openedDaysAgo: 1)).isEmpty)

        let h = try Self.proposal("gate-lead", policy: [], leadAgency: true, openedDaysAgo: 1)
        #expect(try Self.blockers(h) == ["waiting for the approval of the lead agency of commitment political-donations (Ministry of the Interior / 內政部: 內政部民政司)"])
        // Input on the commitment goes to the lead agency's inbox, and so does the review.
        try h.ok(["comment", "political-donations", "-m", "請說明監察院的角色。"], as: .citizen)
        let inbox = try h.object(["inbox"], as: .ministry)
        let unanswered = try #require(inbox["unanswered"] as? [[String: Any]])
        #expect(unanswered.map { $0["reason"] as? String } == ["lead-agency"], "\(unanswered)")
        #expect(((inbox["awaiting_review"] as? [[String: Any]])?.first?["slug"]) as? String == "political-donations")
        #expect((try h.object(["inbox"], as: .civilChair)["unanswered"] as? [Any])?.isEmpty == true)
        try h.ok(["respond", String((unanswered.first?["id"] as? String ?? "").prefix(8)), "--disposition", "adopted", "-m", "監察院負責公開平台。"], as: .ministry)
        try h.ok(["review", "political-donations", "--approve"], as: .ministry)
        #expect(try Self.blockers(h).isEmpty)
        try h.ok(["merge", "political-donations"], as: .civilChair)
        let message = try h.git(["log", "-1", "--format=%B", "main"])
        #expect(message.contains("Approved-by: 內政部民政司 <moi@gov.example> (lead agency of commitment political-donations)"), "\(message)")
        #expect(try h.nap(["verify"]).status == 0)

        // A later change to the commitment needs the lead agency again; the co-chairs alone are not enough.
        try h.ok(["propose", "donations-2", "--title", "修正期程"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "修法要求大額政治獻金於 10 日內申報。"))
        try h.ok(["save", "-m", "修正"], as: .wang)
        try h.ok(["respond", "donations-2", "--disposition", "adopted", "-m", "納入修正後的期程。"], as: .govChair)
        try h.ok(["review", "donations-2", "--approve"], as: .govChair)
        try h.ok(["review", "donations-2", "--approve"], as: .civilChair)
        let blockers = try h.object(["show", "donations-2"])["blockers"] as? [String] ?? []
        #expect(blockers.count == 1 && blockers[0].hasPrefix("waiting for the approval of the lead agency"), "\(blockers)")
    }

    @Test func aLeadAgencyWithoutMembersBlocksWithAReason() throws {
        let h = try Self.proposal("gate-lead-nobody", policy: [], leadAgency: true, openedDaysAgo: 1)
        try h.ok(["switch", "political-donations"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment().replacingOccurrences(of: "  - zh-Hant: 內政部\n    en: Ministry of the Interior",
                                                                                                         with: "  - zh-Hant: 監察院\n    en: Control Yuan"))
        try h.ok(["save", "-m", "改由監察院主辦"], as: .wang)
        #expect(try Self.blockers(h).contains("the lead agency of commitment political-donations (Control Yuan / 監察院) has no member in members.yml on main to approve it"))
    }
    /// A merge made with stock git, whose trailers name both co-chairs but whose record has no approval by
    /// the lead agency of the commitment it changes, fails `nap verify` with that finding.
    @Test func verifyFindsAMergeWithoutTheLeadAgencysApproval() throws {
        let h = try Self.proposal("verify-lead-missing", policy: [], leadAgency: true, openedDaysAgo: 1)
        let head = try h.git(["rev-parse", "proposal/political-donations"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let id = try #require(try h.object(["show", "political-donations"])["id"] as? String)
        let message = """
        Merge proposal political-donations: 政治獻金再透明化

        Proposal: \(id)
        Proposal-Slug: political-donations
        Proposal-Head: \(head)
        Approved-by: 國發會主委 <chair@ndc.gov.example> (government co-chair)
        Approved-by: 民間共同主席 <chair@civil.example> (civil-society co-chair)
        """
        let person = ["GIT_COMMITTER_NAME": Person.civilChair.name, "GIT_COMMITTER_EMAIL": Person.civilChair.email,
                      "GIT_AUTHOR_NAME": Person.civilChair.name, "GIT_AUTHOR_EMAIL": Person.civilChair.email]
        let merged = try h.sandbox.git(["merge", "--no-ff", "-m", message, "proposal/political-donations"], in: h.plan, env: person)
        #expect(merged.status == 0, "\(merged.stderr)")
        let verify = try h.nap(["verify", "--json"])
        #expect(verify.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any])
        let failures = report["failures"] as? [[String: Any]] ?? []
        let lead = failures.filter { ($0["kind"] as? String) == "approval-missing" }.compactMap { $0["message"] as? String }
        #expect(lead.count == 1 && lead[0].contains("approval of the merged head \(head.prefix(7))") && lead[0].contains("lead agency of commitment political-donations"),
                "\(failures)")
    }
}
