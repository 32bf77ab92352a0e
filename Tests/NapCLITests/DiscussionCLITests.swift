import Foundation
import NapTestSupport
import Testing

@Suite struct DiscussionCLITests {
    /// The real lifecycle of ../shared/data/taiwan/political-donation-proposal.md: g0v proposes, the
    /// ministry answers point by point (not adopted), members comment, the forum keeps it in reserve
    /// (deferred), and later adopts it.
    @Test func politicalDonationLifecycle() throws {
        let h = try ProposalCLITests.withProposal()
        let proposal = "political-donations"
        try h.ok(["respond", proposal, "--disposition", "not-adopted", "-m", """
            1. 有關修法強制總金流超過 20 萬元者應強制電子申報一節，依政治獻金法第 20 條及第 21 條規定，擬參選人應設收支帳簿……
            2. 大額政治獻金 20 日內申報涉及修法，須審慎評估。建議不予採納。
            """], as: .ministry)
        let comment = try h.ok(["comment", proposal, "-m", "可先從平台改版、讓擬參選人自主提早公開做起。"], as: .civilChair)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let question = try h.ok(["comment", proposal, "--on", "commitments/political-donations.md:1-3", "-m", "期程是否可以更短？"], as: .citizen)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try h.ok(["comment", proposal, "--reply-to", String(question.prefix(8)), "-m", "內政部將於諮詢會議說明"], as: .ministry)
        try h.ok(["respond", String(question.prefix(10)), "--disposition", "adopted-in-part", "-m", "第一階段先以平台改版縮短公開時間"], as: .ministry)
        try h.ok(["respond", comment, "--disposition", "deferred", "-m", "113年08月13日諮詢會議結論：列為備選提案"], as: .govChair)
        try h.ok(["respond", proposal, "--disposition", "deferred", "-m", "諮詢會議結論：列為備選提案，待修法評估"], as: .govChair)
        try h.ok(["respond", proposal, "--disposition", "adopted", "-m", "第二次會議決議納入第三期行動方案"], as: .govChair)

        let show = try #require(try h.json(["show", proposal]) as? [String: Any])
        let responses = try #require(show["responses"] as? [[String: Any]])
        #expect(responses.map { $0["disposition"] as? String } == ["not-adopted", "deferred", "adopted"])
        #expect((responses[0]["author"] as? [String: Any])?["sector"] as? String == "government")
        #expect((responses[2]["author"] as? [String: Any])?["role"] as? String == "co-chair")
        let comments = try #require(show["comments"] as? [[String: Any]])
        #expect(comments.count == 3)
        let citizen = try #require(comments.first { ($0["id"] as? String) == question })
        #expect(citizen["public_input"] as? Bool == true)
        #expect((citizen["author"] as? [String: Any])?["sector"] as? String == "public")
        #expect((citizen["anchor"] as? [String: Any])?["quote"] as? String == "---\nid: political-donations\ntitle:")
        #expect((citizen["response"] as? [String: Any])?["disposition"] as? String == "adopted-in-part")
        #expect(comments.contains { $0["reply_to"] as? String == question })
        let text = try h.ok(["show", proposal])
        #expect(text.contains("earlier response (revised)"))
        #expect(text.contains("ADOPTED by"))
        // Every event is attributed in the record's history too.
        let authors = Set(try h.git(["log", "--format=%ae", "nap/record"]).split(separator: "\n").map(String.init))
        #expect(authors.isSuperset(of: [Person.wang.email, Person.ministry.email, Person.citizen.email, Person.govChair.email, Person.civilChair.email]))
    }

    @Test func approvalsGoStaleOnANewCommit() throws {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        var show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect((show["reviews"] as? [[String: Any]])?.first?["current"] as? Bool == true)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "新的內容，核可應失效。"))
        try h.ok(["save", "-m", "修改"], as: .wang)
        show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect((show["reviews"] as? [[String: Any]])?.first?["current"] as? Bool == false)
        let blockers = try #require(show["blockers"] as? [String])
        #expect(blockers.contains { $0.contains("stale") })
        #expect(try h.ok(["show", "political-donations"]).contains("STALE"))
    }

    @Test func badInputGetsClearErrorsAndTheRecordStaysValid() throws {
        let h = try ProposalCLITests.withProposal()
        let p = "political-donations"
        #expect(try h.nap(["comment", p, "-m", "   "]).status == 1)
        let huge = String(repeating: "長", count: 400_000) // 1.2 MB of UTF-8
        let big = try h.nap(["comment", p, "-m", "-"], input: huge)
        #expect(big.status == 1)
        #expect(big.stderr.contains("KiB"))
        #expect(try h.nap(["comment", p, "--reply-to", "deadbeef", "-m", "x"]).status == 1)
        #expect(try h.nap(["comment", p, "--on", "commitments/political-donations.md:999", "-m", "x"]).stderr.contains("beyond its end"))
        #expect(try h.nap(["comment", p, "--on", "GOVERNANCE.md:1", "-m", "x"]).stderr.contains("does not change"))
        #expect(try h.nap(["comment", p, "--on", "x.md:5-2", "-m", "x"]).status == 1)
        #expect(try h.nap(["respond", p, "--disposition", "maybe", "-m", "because of reasons"]).status == 64)
        #expect(try h.nap(["respond", p, "--disposition", "adopted", "-m", ""], as: .ministry).status == 1)
        #expect(try h.nap(["respond", p, "--disposition", "adopted", "-m", "好"], as: .ministry).status == 1)
        #expect(try h.nap(["respond", p, "--disposition", "adopted", "-m", "public cannot respond"], as: .citizen).status == 1)
        let review = try h.nap(["review", p, "--approve"], as: .citizen)
        #expect(review.status == 1)
        #expect(review.stderr.contains("only members"))
        #expect(try h.nap(["review", p], as: .govChair).status == 64)
        // A reply to a comment of another proposal.
        try h.ok(["switch", "main"])
        try h.ok(["propose", "other", "--title", "另一個提案"], as: .wang)
        let otherComment = try h.ok(["comment", "other", "-m", "在另一個提案"], as: .citizen).trimmingCharacters(in: .whitespacesAndNewlines)
        let cross = try h.nap(["comment", p, "--reply-to", String(otherComment.prefix(8)), "-m", "x"])
        #expect(cross.stderr.contains("another proposal"))
        // A withdrawn proposal cannot be reviewed.
        try h.ok(["withdraw", "other", "-m", "不需要了"], as: .wang)
        #expect(try h.nap(["review", "other", "--approve"], as: .govChair).status == 1)
        try h.git(["fsck", "--strict", "--no-dangling"])
        let show = try #require(try h.json(["show", p]) as? [String: Any])
        #expect((show["problems"] as? [Any])?.isEmpty == true)
        #expect((show["comments"] as? [Any])?.isEmpty == true)
    }

    @Test func escapeSequencesAndBidiOverridesNeverReachTheTerminal() throws {
        let h = try ProposalCLITests.withProposal()
        let evil = "正常\u{1B}[2J\u{1B}]0;pwned\u{07} and \u{202E}txt.exe"
        let id = try h.ok(["comment", "political-donations", "-m", evil], as: .citizen).trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try h.ok(["show", "political-donations"])
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{202E}"))
        #expect(text.contains("\\u{1B}[2J"))
        // Stored verbatim: JSON carries the exact text.
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        let comment = (show["comments"] as? [[String: Any]])?.first { $0["id"] as? String == id }
        #expect(comment?["body"] as? String == evil)
    }

    @Test func inboxShowsWhatWaitsOnEachPerson() throws {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["comment", "political-donations", "-m", "請說明預算"], as: .citizen)
        let chair = try #require(try h.json(["inbox"], as: .govChair) as? [String: Any])
        // The proposal itself (from civil society) and the citizen's comment are owed responses.
        #expect((chair["unanswered"] as? [Any])?.count == 2)
        #expect((chair["awaiting_review"] as? [Any])?.count == 1)
        let author = try #require(try h.json(["inbox"], as: .wang) as? [String: Any])
        #expect((author["unanswered"] as? [Any])?.count == 1)
        #expect(try h.ok(["inbox"], as: .citizen).contains("Nothing waits on you"))
    }

    @Test func resolveAndReopenThreads() throws {
        let h = try ProposalCLITests.withProposal()
        let id = try h.ok(["comment", "political-donations", "-m", "問題"], as: .citizen).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try h.nap(["resolve", String(id.prefix(8))], as: .ministry).status == 1)
        try h.ok(["resolve", String(id.prefix(8))], as: .wang)
        var show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect((show["comments"] as? [[String: Any]])?.first?["resolved"] as? Bool == true)
        try h.ok(["reopen", String(id.prefix(8))], as: .citizen)
        show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect((show["comments"] as? [[String: Any]])?.first?["resolved"] as? Bool == false)
    }
}
