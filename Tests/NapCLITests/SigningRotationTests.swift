import Foundation
import NapTestSupport
import Testing

/// Keys over time: a co-chair's key replaced through a proposal, and the second in which it changes.
@Suite struct SigningRotationTests {
    @Test func aKeyRotatedThroughAProposalKeepsOldSignaturesValid() throws {
        // A clock of its own, a minute a step: which key counts depends on when things were signed.
        let s = try SignedPlan.founded(requireSignatures: true, clock: Date(timeIntervalSinceNow: -86_400))
        try s.proposal()
        try s.ok(["merge", "political-donations"], as: .civilChair)
        let firstMerge = try s.rev("main")
        // The civil-society co-chair rotates their key through a proposal, approved with the old key.
        let newKey = try s.makeKey("civil-new")
        try s.ok(["propose", "rotate-key", "--title", "更換金鑰"], as: .civilChair)
        let edit = try s.ok(["member", "key", "civil-chair", newKey + ".pub"], as: .civilChair)
        #expect(edit.contains("Set the key of 民間共同主席 (civil-chair)"))
        #expect(try s.git(["diff", "--numstat"]) == "1\t1\tmembers.yml\n")
        try s.ok(["save", "-m", "更換民間共同主席的金鑰"], as: .civilChair)
        try s.ok(["respond", "rotate-key", "--disposition", "adopted", "-m", "依論壇程序更換共同主席金鑰"], as: .govChair)
        try s.ok(["review", "rotate-key", "--approve"], as: .govChair)
        // The new key does not count before the rotation is merged: nap refuses to approve with it.
        let early = try s.nap(["review", "rotate-key", "--approve"], as: .civilChair, key: newKey)
        #expect(early.status == 1)
        #expect(early.stderr.contains("is not the one members.yml lists for 民間共同主席"))
        try s.ok(["review", "rotate-key", "--approve"], as: .civilChair)
        try s.ok(["switch", "main"])
        try s.ok(["merge", "rotate-key"], as: .govChair)
        // From now on only the new key counts for approvals.
        try s.ok(["propose", "next", "--title", "下一案"], as: .wang)
        try s.h.write("GOVERNANCE.md", try s.h.read("GOVERNANCE.md") + "\n新增一條規則。\n")
        try s.ok(["save", "-m", "規則"], as: .wang)
        try s.ok(["respond", "next", "--disposition", "adopted", "-m", "依論壇程序納入新的規則"], as: .govChair)
        try s.ok(["review", "next", "--approve"], as: .govChair)
        let old = try s.nap(["review", "next", "--approve"], as: .civilChair)
        #expect(old.status == 1)
        #expect(old.stderr.contains("is not the one members.yml lists for 民間共同主席"))
        try s.ok(["review", "next", "--approve"], as: .civilChair, key: newKey)
        #expect(try s.blockers("next").isEmpty)
        try s.ok(["switch", "main"])
        try s.ok(["merge", "next"], as: .civilChair, key: newKey)
        // nap verify: the first merges are checked against the old key, the last against the new one.
        let (status, report) = try s.verify()
        let times = status == 0 ? "" : try s.timesAndSigners()
        #expect(status == 0, "\(report)\n\(times)")
        #expect(report["merges"] as? Int == 3)
        // Stock git: the old key's merge still verifies (valid-before the rotation); the new key's too.
        #expect(try s.stockGit(["verify-commit", firstMerge]).status == 0)
        #expect(try s.stockGit(["verify-commit", "main"]).status == 0)
        let signers = try s.h.read(".nap/allowed_signers")
        #expect(signers.contains("chair@civil.example namespaces=\"git,nap-event\",valid-before=\""))
        // A commit signed with the old key after the rotation is rejected by stock git.
        try s.ok(["propose", "late", "--title", "舊金鑰"], as: .civilChair, key: s.key(.civilChair))
        try s.h.write("GOVERNANCE.md", try s.h.read("GOVERNANCE.md") + "\n舊金鑰。\n")
        try s.ok(["save", "-m", "舊金鑰"], as: .civilChair, key: s.key(.civilChair))
        let late = try s.stockGit(["verify-commit", "proposal/late"])
        #expect(late.status != 0)
        #expect(late.stderr.contains("expired"))
    }

    /// Times are whole seconds: an event signed with the old key in the very second of the merge that
    /// replaced it may have been written before the merge, so it counts, and every judge says so alike
    /// (the fold, `nap verify`'s notices, `nap show`'s marks). One second later the old key is wrong.
    @Test func theSecondOfARotationCountsTheOldKeyForEveryJudge() throws {
        let s = try SignedPlan.founded(requireSignatures: true, clock: Date(timeIntervalSinceNow: -86_400))
        try s.ok(["propose", "notes", "--title", "筆記"], as: .wang)
        try s.h.write("GOVERNANCE.md", try s.h.read("GOVERNANCE.md") + "\n筆記。\n")
        try s.ok(["save", "-m", "筆記"], as: .wang)
        let newKey = try s.makeKey("civil-new")
        try s.ok(["switch", "main"])
        try s.ok(["propose", "rotate-key", "--title", "更換金鑰"], as: .civilChair)
        try s.ok(["member", "key", "civil-chair", newKey + ".pub"], as: .civilChair)
        try s.ok(["save", "-m", "更換民間共同主席的金鑰"], as: .civilChair)
        try s.ok(["respond", "rotate-key", "--disposition", "adopted", "-m", "依論壇程序更換共同主席金鑰"], as: .govChair)
        try s.ok(["review", "rotate-key", "--approve"], as: .govChair)
        // The civil co-chair's approval, the merge and a comment with the old key, all in one second.
        s.tick = 0
        try s.ok(["review", "rotate-key", "--approve"], as: .civilChair)
        try s.ok(["switch", "main"])
        try s.ok(["merge", "rotate-key"], as: .govChair)
        try s.ok(["comment", "notes", "-m", "同一秒的意見"], as: .civilChair)
        // The next second, with the old key.
        s.clock = s.clock?.addingTimeInterval(1)
        try s.ok(["comment", "notes", "-m", "下一秒的意見"], as: .civilChair)
        let times = try s.h.git(["log", "-1", "--format=%ct", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, report) = try s.verify()
        #expect(status == 0, "\(report)")
        let wrong = (report["notices"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "wrong-key" && !($0["event"] is NSNull) }
        #expect(wrong.count == 1, "merge at \(times): \(wrong)")
        let comments = try s.json(["show", "notes"])["comments"] as? [[String: Any]] ?? []
        #expect(comments.count == 2)
        let same = try #require(comments.first { ($0["body"] as? String)?.contains("同一秒") == true })
        let next = try #require(comments.first { ($0["body"] as? String)?.contains("下一秒") == true })
        #expect(wrong.first?["event"] as? String == next["id"] as? String)
        // The fold reads the same-second comment as the co-chair's, the next one as the public's.
        #expect((same["author"] as? [String: Any])?["member"] as? String == "civil-chair")
        #expect((next["author"] as? [String: Any])?["member"] == nil)
        #expect((same["signature"] as? [String: Any])?["status"] as? String == "good")
        #expect((next["signature"] as? [String: Any])?["status"] as? String == "wrong-key")
    }
}
