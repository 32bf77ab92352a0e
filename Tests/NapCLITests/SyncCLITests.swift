import Foundation
import NapTestSupport
import Testing

@Suite struct SyncCLITests {
    /// The forum on three computers: the government co-chair, the civil-society co-chair and a member each
    /// work offline on their own copy (cloned three ways), then sync in different orders. Every copy ends
    /// with the identical record, every event once, and the same answer from the merge gate; a gated merge
    /// made on one copy reaches the others as a fast-forward of main.
    @Test func threeCopiesWorkOfflineAndEndIdentical() throws {
        let w = try SyncWorld.withProposal("sync-three")
        let seeded = try w.ok(w.plan, ["sync", w.hub], as: .founder)
        #expect(seeded.contains("sent:"))
        #expect(w.rev(w.hub, "refs/heads/nap/record") == w.rev(w.plan, "refs/heads/nap/record"))
        try w.clone(w.hub, "gov", as: .govChair)
        try w.sandbox.gitOK(["clone", "-q", w.hub, w.path("civil")], in: w.sandbox.root.path)
        try w.ok("civil", ["sync"], as: .civilChair) // a plain git clone, completed by nap sync
        try w.clone("file://" + w.hub, "wang", as: .wang)
        for copy in ["gov", "civil", "wang"] {
            #expect(w.recordTree(copy) == w.recordTree(w.plan))
            #expect(w.rev(copy, "refs/heads/proposal/political-donations") == w.rev(w.plan, "refs/heads/proposal/political-donations"))
            #expect(w.rev(copy, "HEAD") == w.rev(w.plan, "refs/heads/main"))
        }

        // Offline.
        let p = "political-donations"
        try w.ok("gov", ["comment", p, "-m", "政府端：請補充申報平台的預算"], as: .govChair)
        try w.ok("gov", ["review", p, "--approve"], as: .govChair)
        try w.ok("civil", ["comment", p, "-m", "民間：支持即時公開"], as: .civilChair)
        try w.ok("civil", ["review", p, "--approve"], as: .civilChair)
        try w.ok("wang", ["comment", p, "-m", "g0v：可先從平台改版做起"], as: .wang)
        try w.ok("wang", ["propose", "open-data", "--title", "開放資料", "--description", "推動高價值資料集開放"], as: .wang)
        try w.write("wang", "commitments/open-data.md", donationCommitment(id: "open-data"))
        try w.ok("wang", ["save", "-m", "新增承諾事項：開放資料"], as: .wang)

        // Back online, in different orders; the second round carries everything everywhere.
        let first = try w.syncJSON("wang", as: .wang)
        #expect(first.status == 0, "\(first.stderr)")
        #expect((first.report["sent"] as? [String: Any])?["comments"] as? Int == 1)
        #expect((first.report["sent"] as? [String: Any])?["proposals"] as? Int == 1)
        try w.ok("civil", ["sync"], as: .civilChair)
        let gov = try w.syncJSON("gov", as: .govChair)
        #expect(gov.status == 0, "\(gov.stderr)")
        let received = try #require(gov.report["received"] as? [String: Any])
        #expect(received["comments"] as? Int == 2)
        #expect(received["approvals"] as? Int == 1)
        #expect(received["proposals"] as? Int == 1)
        try w.ok("wang", ["sync"], as: .wang)
        try w.ok("civil", ["sync"], as: .civilChair)

        let copies = ["gov", "civil", "wang", w.hub]
        let tree = w.recordTree("gov")
        #expect(tree != nil)
        for copy in copies {
            #expect(w.recordTree(copy) == tree, "record of \(copy) differs")
            #expect(w.rev(copy, "refs/heads/proposal/open-data") == w.rev("wang", "refs/heads/proposal/open-data"))
        }
        let bodies = ["政府端：請補充申報平台的預算", "民間：支持即時公開", "g0v：可先從平台改版做起"]
        var blockers: [[String]] = []
        for copy in ["gov", "civil", "wang"] {
            let show = try w.show(copy, p)
            let comments = (show["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
            #expect(comments.sorted() == bodies.sorted(), "every comment exactly once in \(copy)")
            #expect((show["reviews"] as? [Any])?.count == 2)
            blockers.append(show["blockers"] as? [String] ?? ["?"])
        }
        #expect(blockers.allSatisfy { $0 == blockers[0] })
        #expect(blockers[0].contains { $0.contains("reasoned response") })
        #expect(!blockers[0].contains { $0.contains("approval") })

        // The government answers every input and merges; the merge reaches the other copies.
        let show = try w.show("gov", p)
        for comment in show["comments"] as? [[String: Any]] ?? [] where (comment["public_input"] as? Bool == true || (comment["author"] as? [String: Any])?["sector"] as? String != "government") {
            try w.ok("gov", ["respond", try #require(comment["id"] as? String), "--disposition", "adopted", "-m", "納入第三期行動方案"], as: .govChair)
        }
        try w.ok("gov", ["respond", p, "--disposition", "adopted", "-m", "論壇決議納入第三期行動方案"], as: .govChair)
        try w.ok("gov", ["merge", p], as: .govChair)
        let pushed = try w.syncJSON("gov", as: .govChair)
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect((pushed.report["changes"] as? [[String: Any]])?.contains { $0["reference"] as? String == "refs/heads/main" && $0["place"] as? String == "remote" } == true)
        try w.ok("civil", ["sync"], as: .civilChair)
        try w.ok("wang", ["sync"], as: .wang)
        let main = w.rev("gov", "refs/heads/main")
        for copy in copies { #expect(w.rev(copy, "refs/heads/main") == main) }
        #expect(FileManager.default.fileExists(atPath: w.path("civil") + "/commitments/political-donations.md"))
        for copy in ["civil", "wang"] {
            #expect(try w.show(copy, p)["state"] as? String == "merged")
        }
        try w.git(w.hub, ["fsck", "--strict", "--no-dangling"])
    }

    /// Two proposals that picked the same name offline: detected, neither branch overwritten; the one
    /// whose drafts are not on the hub is renamed on request, keeping both histories.
    @Test func aNameClashIsReportedAndOneProposalRenamed() throws {
        let w = try SyncWorld(try NapHarness.founded("sync-clash"))
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        try w.clone(w.hub, "gov", as: .govChair)
        try w.clone(w.hub, "wang", as: .wang)
        for (copy, person, id) in [("gov", Person.govChair, "gov-data"), ("wang", Person.wang, "g0v-data")] {
            try w.ok(copy, ["propose", "open-data", "--title", "開放資料 (\(id))"], as: person)
            try w.write(copy, "commitments/\(id).md", donationCommitment(id: id))
            try w.ok(copy, ["save", "-m", "草稿 \(id)"], as: person)
        }
        let wangHead = w.rev("wang", "refs/heads/proposal/open-data")
        let govHead = w.rev("gov", "refs/heads/proposal/open-data")
        try w.ok("wang", ["sync"], as: .wang)
        let clash = try w.syncJSON("gov", as: .govChair)
        #expect(clash.status == 1)
        let problems = clash.report["problems"] as? [[String: Any]] ?? []
        #expect(problems.contains { $0["kind"] as? String == "slug-clash" && $0["reference"] as? String == "open-data" })
        #expect(problems.contains { ($0["hint"] as? String)?.contains("--rename open-data=") == true })
        #expect(w.rev("gov", "refs/heads/proposal/open-data") == govHead)
        #expect(w.rev(w.hub, "refs/heads/proposal/open-data") == wangHead)

        let renamed = try w.syncJSON("gov", ["--rename", "open-data=open-data-gov"], as: .govChair)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect((renamed.report["renamed"] as? [[String: Any]])?.first?["new_slug"] as? String == "open-data-gov")
        #expect(w.rev("gov", "refs/heads/proposal/open-data-gov") == govHead)
        #expect(w.rev("gov", "refs/heads/proposal/open-data") == wangHead)
        #expect(try w.git("gov", ["symbolic-ref", "HEAD"]) == "refs/heads/proposal/open-data-gov\n")
        try w.ok("wang", ["sync"], as: .wang)
        #expect(w.rev("wang", "refs/heads/proposal/open-data-gov") == govHead)
        #expect(w.recordTree("wang") == w.recordTree("gov"))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try w.ok("wang", ["proposals", "--state", "all", "--json"], as: .wang).utf8)) as? [[String: Any]])
        let open = list.filter { $0["state"] as? String == "open" }.compactMap { $0["slug"] as? String }.sorted()
        #expect(open == ["open-data", "open-data-gov"])
        #expect(list.contains { $0["slug"] as? String == "open-data" && $0["state"] as? String == "withdrawn" })
        // The name now names the proposal still open, in every copy, with its own branch.
        for (copy, person) in [("wang", Person.wang), ("gov", Person.govChair)] {
            let show = try #require(try JSONSerialization.jsonObject(with: Data(try w.ok(copy, ["show", "open-data", "--json"], as: person).utf8)) as? [String: Any])
            #expect(show["state"] as? String == "open")
            #expect(show["head"] as? String == wangHead)
        }
    }

    /// A proposal branch with new commits on both sides is never overwritten; following the hint joins it.
    @Test func aDivergedProposalIsLeftAloneUntilJoined() throws {
        let w = try SyncWorld.withProposal("sync-diverged")
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        try w.clone(w.hub, "a", as: .wang)
        try w.clone(w.hub, "b", as: .civilChair)
        try w.ok("a", ["switch", "political-donations"], as: .wang)
        try w.write("a", "commitments/political-donations.md", donationCommitment(solutionZh: "王的補充：先改版平台。"))
        try w.ok("a", ["save", "-m", "王的補充"], as: .wang)
        try w.ok("b", ["switch", "political-donations"], as: .civilChair)
        try w.write("b", "commitments/open-data.md", donationCommitment(id: "open-data"))
        try w.ok("b", ["save", "-m", "民間補充"], as: .civilChair)
        try w.ok("a", ["sync"], as: .wang)
        let mine = w.rev("b", "refs/heads/proposal/political-donations")
        let diverged = try w.nap("b", ["sync"], as: .civilChair)
        #expect(diverged.status == 1)
        #expect(diverged.stderr.contains("neither was overwritten"))
        #expect(diverged.stderr.contains("git merge refs/remotes/origin/proposal/political-donations"))
        #expect(w.rev("b", "refs/heads/proposal/political-donations") == mine)
        #expect(w.recordTree("b") != nil)
        try w.git("b", ["merge", "-q", "--no-edit", "refs/remotes/origin/proposal/political-donations"])
        try w.ok("b", ["sync"], as: .civilChair)
        try w.ok("a", ["sync"], as: .wang)
        #expect(w.rev("a", "refs/heads/proposal/political-donations") == w.rev("b", "refs/heads/proposal/political-donations"))
        #expect(FileManager.default.fileExists(atPath: w.path("a") + "/commitments/open-data.md"))
        #expect(w.recordTree("a") == w.recordTree("b"))
    }

    /// Published tags never move; a remote's record rewritten by force is reported and healed by union.
    @Test func tagsNeverMoveAndARewrittenRecordLosesNothing() throws {
        let w = try SyncWorld.withProposal("sync-rewrite")
        try w.git(w.plan, ["tag", "-a", "v1", "-m", "第一版", "refs/heads/main"])
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        #expect(w.rev(w.hub, "refs/tags/v1") == w.rev(w.plan, "refs/tags/v1"))
        try w.clone(w.hub, "a", as: .wang)
        try w.clone(w.hub, "b", as: .govChair)
        #expect(w.rev("a", "refs/tags/v1") == w.rev(w.plan, "refs/tags/v1"))
        let original = try #require(w.rev(w.hub, "refs/heads/nap/record^"))

        try w.ok("a", ["comment", "political-donations", "-m", "會被改寫掉的留言"], as: .wang)
        try w.ok("a", ["sync"], as: .wang)
        try w.git(w.plan, ["push", "-q", "--force", w.hub, "\(original):refs/heads/nap/record"]) // someone rewrites the hub
        try w.ok("b", ["comment", "political-donations", "-m", "政府的留言"], as: .govChair)
        let healed = try w.syncJSON("b", as: .govChair)
        #expect(healed.status == 0, "\(healed.stderr)")
        #expect((healed.report["warnings"] as? [[String: Any]])?.contains { $0["kind"] as? String == "record-rewritten" } == true)
        try w.ok("a", ["sync"], as: .wang)
        try w.ok("b", ["sync"], as: .govChair)
        #expect(w.recordTree("a") == w.recordTree("b"))
        #expect(w.recordTree(w.hub) == w.recordTree("a"))
        let comments = (try w.show("b", "political-donations")["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
        #expect(comments.sorted() == ["會被改寫掉的留言", "政府的留言"].sorted())

        // A version published elsewhere under the same name (another tag object of main): reported, neither moves.
        try w.git("b", ["tag", "-a", "v2", "-m", "b 的第二版", "refs/heads/main"])
        try w.git("a", ["tag", "-a", "v2", "-m", "a 的第二版", "refs/heads/main"])
        try w.ok("a", ["sync"], as: .wang)
        let clash = try w.syncJSON("b", as: .govChair)
        #expect(clash.status == 1)
        #expect((clash.report["problems"] as? [[String: Any]])?.contains { $0["kind"] as? String == "tag-conflict" && $0["reference"] as? String == "refs/tags/v2" } == true)
        #expect(w.rev("b", "refs/tags/v2^{commit}") == w.rev("b", "refs/heads/main"))
        #expect(w.rev(w.hub, "refs/tags/v2") == w.rev("a", "refs/tags/v2"))
    }

    /// Remotes that cannot be synced with: clear messages, exit 1, nothing changed or left behind.
    @Test func badRemotesGetClearMessages() throws {
        let w = try SyncWorld(try NapHarness.founded("sync-bad"))
        let before = try w.git(w.plan, ["for-each-ref"])
        let port = try freeLoopbackPort()
        let unreachable = try w.nap(w.plan, ["sync", "git://127.0.0.1:\(port)/hub.git"], as: .founder)
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot reach the remote"))
        let missing = try w.nap(w.plan, ["sync", w.sandbox.path("nowhere.git")], as: .founder)
        #expect(missing.status == 1)
        let typo = try w.nap(w.plan, ["sync", "orgin"], as: .founder)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("no remote named 'orgin'"))
        let none = try w.nap(w.plan, ["sync"], as: .founder)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no remote"))

        let other = w.sandbox.path("other")
        try w.sandbox.gitOK(["init", "-q", "-b", "master", other], in: w.sandbox.root.path)
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: other + "/README"))
        try w.sandbox.gitOK(["add", "README"], in: other)
        try w.sandbox.gitOK(["commit", "-q", "-m", "not a plan"], in: other)
        let notPlan = try w.nap(w.plan, ["sync", other], as: .founder)
        #expect(notPlan.status == 1)
        #expect(notPlan.stderr.contains("is not a plan"))
        #expect(try w.git(w.plan, ["for-each-ref"]) == before)
        let cloned = try w.h.nap(["clone", other, w.sandbox.path("copy")], as: .founder, plan: false)
        #expect(cloned.status == 1)
        #expect(cloned.stderr.contains("is not a plan"))
        #expect(!FileManager.default.fileExists(atPath: w.sandbox.path("copy")))
        let badRename = try w.nap(w.plan, ["sync", w.hub, "--rename", "nothing"], as: .founder)
        #expect(badRename.status == 1)
        try w.git(w.plan, ["fsck", "--strict"])
    }
}
