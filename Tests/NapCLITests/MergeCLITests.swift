import Foundation
import NapTestSupport
import Testing

@Suite struct MergeCLITests {
    /// A proposal with every input answered and both co-chairs' current approvals.
    static func ready() throws -> NapHarness {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["comment", "political-donations", "-m", "請補充預算"], as: .citizen)
        try h.ok(["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        let comment = try #require((show["comments"] as? [[String: Any]])?.first?["id"] as? String)
        try h.ok(["respond", comment, "--disposition", "adopted-in-part", "-m", "預算將於里程碑中列明"], as: .ministry)
        try h.ok(["review", "political-donations", "--approve", "-m", "同意"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .civilChair)
        try h.ok(["review", "political-donations", "--approve"], as: .ministry)
        try h.ok(["switch", "main"])
        return h
    }

    @Test func mergeWritesATwoParentCommitWithTrailers() throws {
        let h = try Self.ready()
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect(show["blockers"] as? [String] == [])
        let oldMain = try h.git(["rev-parse", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let head = try h.git(["rev-parse", "proposal/political-donations"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try h.ok(["merge", "political-donations"], as: .civilChair)
        #expect(try h.git(["rev-parse", "main^1"]).trimmingCharacters(in: .whitespacesAndNewlines) == oldMain)
        #expect(try h.git(["rev-parse", "main^2"]).trimmingCharacters(in: .whitespacesAndNewlines) == head)
        let trailers = try h.git(["log", "-1", "--format=%(trailers)", "main"])
        #expect(trailers.contains("Proposal-Head: \(head)"))
        #expect(trailers.contains("Approved-by: 國發會主委 <chair@ndc.gov.example> (government co-chair)"))
        #expect(trailers.contains("Approved-by: 民間共同主席 <chair@civil.example> (civil-society co-chair)"))
        #expect(trailers.contains("Co-authored-by: 王向榮 <wang@g0v.example>"))
        #expect(trailers.contains("Reviewed-by: 內政部民政司 <moi@gov.example> (government member)"))
        #expect(trailers.contains("Comments: public 1"))
        #expect(try h.git(["log", "-1", "--format=%an", "main"]) == "民間共同主席\n")
        #expect(try h.read("commitments/political-donations.md").contains("政治獻金再透明化"))
        let after = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect(after["state"] as? String == "merged")
        #expect(try h.nap(["validate"]).status == 0)
        try h.git(["fsck", "--strict", "--no-dangling"])
    }

    @Test func eachGateConditionBlocks() throws {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["switch", "main"])
        func blockers() throws -> [String] {
            try #require(try h.json(["show", "political-donations"]) as? [String: Any])["blockers"] as? [String] ?? []
        }
        var list = try blockers()
        #expect(list.contains { $0.contains("approval of 國發會主委") })
        #expect(list.contains { $0.contains("approval of 民間共同主席") })
        #expect(list.contains { $0.contains("the proposal itself") && $0.contains("no reasoned response") })
        try h.ok(["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        try h.ok(["review", "political-donations", "--request-changes", "-m", "請補充預算"], as: .civilChair)
        list = try blockers()
        #expect(list == ["民間共同主席 (civil-society co-chair) requested changes and has not approved since"])
        let refused = try h.nap(["merge", "political-donations"], as: .govChair)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("requested changes"))
        try h.ok(["review", "political-donations", "--approve"], as: .civilChair)
        #expect(try blockers().isEmpty)
        // A new public comment needs a reasoned response again.
        try h.ok(["comment", "political-donations", "-m", "還有問題"], as: .citizen)
        #expect(try blockers().count == 1)
    }

    @Test func onlyACoChairMergesAndNeverOnADirtyTree() throws {
        let h = try Self.ready()
        let main = try h.git(["rev-parse", "main"])
        let member = try h.nap(["merge", "political-donations"], as: .ministry)
        #expect(member.status == 1)
        #expect(member.stderr.contains("only a co-chair"))
        try h.write("notes.md", "未儲存")
        let dirty = try h.nap(["merge", "political-donations"], as: .govChair)
        #expect(dirty.status == 1)
        #expect(dirty.stderr.contains("uncommitted"))
        #expect(try h.git(["rev-parse", "main"]) == main)
        #expect(try h.read("notes.md") == "未儲存")
    }

    @Test func approvalsFromTheWrongEmailOrAnOldHeadDoNotCount() throws {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        // Someone using the co-chair's name with another email is not the co-chair.
        let impostor = Person(name: Person.govChair.name, email: "someone@else.example")
        #expect(try h.nap(["review", "political-donations", "--approve"], as: impostor).status == 1)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .civilChair)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "核可後又修改。"))
        try h.ok(["save", "-m", "late change"], as: .wang)
        try h.ok(["switch", "main"])
        let refused = try h.nap(["merge", "political-donations"], as: .govChair)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("stale"))
    }

    @Test func aConflictingMergeIsRefusedWithExitTwoThenUpdateBringsMainIn() throws {
        let h = try Self.ready()
        // A second proposal changes the same line and is merged first.
        try h.ok(["propose", "competing", "--title", "另一版本"], as: .ministry)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "內政部的版本。"))
        try h.ok(["save", "-m", "competing text"], as: .ministry)
        try h.ok(["review", "competing", "--approve"], as: .govChair)
        try h.ok(["review", "competing", "--approve"], as: .civilChair)
        try h.ok(["switch", "main"])
        try h.ok(["merge", "competing"], as: .govChair)
        let main = try h.git(["rev-parse", "main"])
        let record = try h.git(["rev-parse", "nap/record"])
        let conflict = try h.nap(["merge", "political-donations"], as: .govChair)
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("commitments/political-donations.md"))
        #expect(conflict.stderr.contains("nap update"))
        #expect(try h.git(["rev-parse", "main"]) == main)
        #expect(try h.git(["rev-parse", "nap/record"]) == record)
        // The drafter brings main in: conflict markers, then resolves and saves.
        let update = try h.nap(["update", "political-donations"], as: .wang)
        #expect(update.status == 2)
        #expect(try h.read("commitments/political-donations.md").contains("<<<<<<<"))
        let early = try h.nap(["save", "-m", "too early"], as: .wang)
        #expect(early.status == 1)
        #expect(early.stderr.contains("still has conflicts"))
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "協調後的版本。"))
        try h.ok(["save", "-m", "Resolve conflicts with main"], as: .wang)
        #expect(try h.git(["rev-list", "--parents", "-1", "HEAD"]).split(separator: " ").count == 3)
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        let blockers = try #require(show["blockers"] as? [String])
        #expect(blockers.filter { $0.contains("stale") }.count == 2)
    }

    /// `nap verify` keeps what each merge on main merged (the cache of derived state, under the merge
    /// commit's id), so a second run merges nothing again and says the same; a merge rewritten by hand is
    /// another commit, which the kept result of the honest one never covers.
    @Test func verifyKeepsMergeContentsAndStillCatchesAMergeChangedByHand() throws {
        let h = try Self.ready()
        try h.ok(["merge", "political-donations"], as: .civilChair)
        let first = try h.nap(["verify", "--json"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let cache = try FileManager.default.contentsOfDirectory(atPath: h.plan + "/.git/nap/cache")
        #expect(cache.contains { $0.hasPrefix("merge-contents") })
        let again = try h.nap(["verify", "--json"])
        #expect(again.status == 0 && again.stdout == first.stdout)
        // The same parents and trailers, one line added by hand before committing.
        let message = try h.git(["log", "-1", "--format=%B", "main"])
        try h.git(["reset", "-q", "--hard", "main^1"])
        try h.git(["merge", "--no-ff", "--no-commit", "proposal/political-donations"])
        try h.write("commitments/political-donations.md", try h.read("commitments/political-donations.md") + "\n未經核可的一句。\n")
        try h.git(["add", "commitments/political-donations.md"])
        try h.git(["commit", "-q", "-m", message])
        let forged = try h.nap(["verify", "--json"])
        #expect(forged.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(forged.stdout.utf8)) as? [String: Any])
        let failures = report["failures"] as? [[String: Any]] ?? []
        #expect(failures.contains { $0["kind"] as? String == "merge-mismatch" && ($0["message"] as? String)?.contains("changed by hand") == true },
                "\(failures)")
    }
}
