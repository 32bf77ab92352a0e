import Foundation
import NapTestSupport
import Testing

/// The attacks a red team found against the first version of the trust boundary, each kept as a test.
@Suite struct RedTeamRegressionTests {
    static func eventCount(_ h: NapHarness, _ id: String) throws -> Int {
        try h.git(["ls-tree", "-r", "--name-only", "refs/heads/nap/record"]).split(separator: "\n").filter { $0.contains(id) && $0.hasSuffix(".json") }.count
    }

    @Test func aWithdrawalDatedBeforeTheProposalOrByAnotherIdentityIsQuarantined() throws {
        let h = try MergeCLITests.ready()
        let id = try #require(try HostileRecordTests.show(h)["id"] as? String)
        let forger = RecordForger(path: h.plan)
        // The proposer's address, dated 1970 (when nobody was a member), and a year from before the proposal.
        for time in ["2001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"] {
            try forger.add(try RecordForger.event(["type": "withdrawn", "proposal": id, "reason": "forged", "clock": 2, "time": time,
                                                   "author": RecordForger.author(.wang, member: nil, sector: "public", role: nil)]), proposal: id)
        }
        let show = try HostileRecordTests.show(h)
        #expect(show["state"] as? String == "open")
        #expect(show["blockers"] as? [String] == [])
    }

    @Test func aForgedHighClockDoesNotFreezeTheProposal() throws {
        let (h, id) = try HostileRecordTests.plan()
        let forged = try RecordForger(path: h.plan).add(try RecordForger.event(["type": "comment", "proposal": id, "body": "ceiling",
                                                                                "clock": 1_000_000_000, "time": HostileRecordTests.now()]), proposal: id)
        try h.ok(["comment", "political-donations", "-m", "仍可留言"], as: .citizen)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        let problems = try HostileRecordTests.problems(h)
        #expect(problems.contains { $0.contains(forged) && $0.contains("clock") })
        #expect((try HostileRecordTests.show(h)["comments"] as? [[String: Any]] ?? []).count == 1)
    }

    @Test func anEventNamingABlobAsACommitIsQuarantined() throws {
        let (h, id) = try HostileRecordTests.plan()
        try h.write("note.txt", "not a commit\n")
        let blob = try h.git(["hash-object", "-w", "note.txt"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: h.plan + "/note.txt")
        let clock = try Self.eventCount(h, id) + 1
        let forged = try RecordForger(path: h.plan).add(try RecordForger.event(["type": "revised", "proposal": id, "head": blob,
                                                                                "clock": clock, "time": HostileRecordTests.now()]), proposal: id)
        try h.ok(["comment", "political-donations", "-m", "仍可留言"], as: .citizen)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        #expect(try HostileRecordTests.problems(h).contains { $0.contains(forged) && $0.contains("not a commit") })
    }

    @Test func theChangeReviewedIsTheChangeMerged() throws {
        // Two gated merges, then a proposal that merges both earlier heads and reverts one of their lines:
        // against one merge base its change looks like a typo fix, but the virtual-base merge would revert.
        let h = try NapHarness.founded("criss-cross")
        var heads: [String] = []
        for (slug, text) in [("p1", "第一案的文字。"), ("p2", "第二案的文字。")] {
            try h.ok(["switch", "main"])
            try h.ok(["propose", slug, "--title", slug], as: .wang)
            try h.write("commitments/\(slug).md", donationCommitment(id: slug, solutionZh: text))
            try h.ok(["save", "-m", slug], as: .wang)
            try h.ok(["respond", slug, "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
            for chair in [Person.govChair, .civilChair] { try h.ok(["review", slug, "--approve"], as: chair) }
            heads.append(try h.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try h.ok(["switch", "main"])
        for slug in ["p1", "p2"] { try h.ok(["merge", slug], as: .civilChair) }
        let (a, b) = (heads[0], heads[1])
        try h.git(["checkout", "-q", "-b", "proposal/x", a])
        try h.sandbox.gitOK(["-c", "user.name=王向榮", "-c", "user.email=wang@g0v.example", "merge", "-q", "--no-edit", b], in: h.plan)
        try h.git(["rm", "-q", "commitments/p2.md"])
        try h.write("commitments/p1.md", donationCommitment(id: "p1", solutionZh: "第一案的文字（錯字修正）。"))
        try h.git(["add", "-A"])
        try h.sandbox.gitOK(["-c", "user.name=王向榮", "-c", "user.email=wang@g0v.example", "commit", "-qm", "typo"], in: h.plan)
        try h.ok(["switch", "main"])
        try h.ok(["propose", "x", "--title", "typo", "--adopt-branch"], as: .wang)
        try h.ok(["respond", "x", "--disposition", "adopted", "-m", "錯字修正，同意納入"], as: .govChair)
        for chair in [Person.govChair, .civilChair] { try h.ok(["review", "x", "--approve"], as: chair) }
        try h.ok(["switch", "main"])
        let blockers = try #require(try h.json(["show", "x"]) as? [String: Any])["blockers"] as? [String] ?? []
        #expect(blockers.contains { $0.contains("merge bases (criss-cross merges)") }, "\(blockers)")
        let refused = try h.nap(["merge", "x"], as: .civilChair)
        #expect(refused.status == 1)
        #expect(FileManager.default.fileExists(atPath: h.plan + "/commitments/p2.md"))
    }

    @Test func aJournalOfAnotherProcessOrAPrunedCommitDoesNotBlockMerges() throws {
        let h = try MergeCLITests.ready()
        // pid 1 is alive but is not a nap merge: the journal is stale.
        try Data(#"{"pid": 1, "process": "another-boot/1"}"#.utf8).write(to: URL(fileURLWithPath: h.plan + "/.git/nap/merge.journal"))
        try h.ok(["merge", "political-donations"], as: .civilChair)
        #expect(try MergeCrashTests.mergeCommits(h) == 1)

        // A merge killed after recording, then `git gc --prune=now`: the next merge still works.
        let h2 = try MergeCLITests.ready()
        _ = try MergeCrashTests.merge(h2, as: .civilChair, killAt: "merge-recorded")
        let journal = try String(contentsOfFile: h2.plan + "/.git/nap/merge.journal", encoding: .utf8)
        #expect(journal.contains("commit"))
        // Lose the merge commit before anything completes the merge.
        try FileManager.default.removeItem(atPath: h2.plan + "/.git/nap/merge.journal")
        try h2.git(["gc", "-q", "--prune=now"])
        try Data(journal.utf8).write(to: URL(fileURLWithPath: h2.plan + "/.git/nap/merge.journal"))
        let show = try #require(try h2.json(["show", "political-donations"]) as? [String: Any])
        #expect(show["state"] as? String == "open")
        try h2.ok(["merge", "political-donations"], as: .civilChair)
        #expect(try MergeCrashTests.mergeCommits(h2) == 1)
    }

    @Test func theListingFollowsMainSetBack() throws {
        let h = try MergeCLITests.ready()
        let before = try h.git(["rev-parse", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try h.ok(["merge", "political-donations"], as: .civilChair)
        #expect((try h.json(["proposals", "--state", "all"]) as? [[String: Any]])?.first?["state"] as? String == "merged")
        try h.git(["reset", "-q", "--hard", before])
        #expect((try h.json(["proposals", "--state", "all"]) as? [[String: Any]])?.first?["state"] as? String == "open")
        #expect(try HostileRecordTests.show(h)["state"] as? String == "open")
    }

    @Test func aHugeEventFileIsNotRead() throws {
        let (h, id) = try HostileRecordTests.plan()
        let huge = String(repeating: "x", count: 3 * 1024 * 1024)
        try RecordForger(path: h.plan).put(["proposals/\(id.prefix(2))/\(id)/events/\(String(repeating: "a", count: 64)).json": huge])
        #expect(try HostileRecordTests.problems(h).contains { $0.contains("larger than") })
    }
}
