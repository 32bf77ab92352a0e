import Foundation
import NapTestSupport
import Testing

/// Attacks through the shared hub by someone who can push to it with plain git: an ungated commit on
/// main, a tag that shadows main, an event file edited in place. Each is refused or reported; the honest
/// copies keep their state, and everything else still syncs.
@Suite struct HostileHubTests {
    /// A seeded hub, and a plain git clone of it where the attacker (王向榮, a member) works.
    static func world(_ name: String) throws -> SyncWorld {
        let w = try SyncWorld.withProposal(name)
        try w.ok(w.plan, ["switch", "main"], as: .founder)
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        try w.sandbox.gitOK(["clone", "-q", w.hub, w.path("mallory")], in: w.sandbox.root.path)
        try w.git("mallory", ["checkout", "-q", "main"])
        return w
    }

    /// 王向榮 puts his own key in place of the civil-society co-chair's in members.yml, commits directly on
    /// main and pushes with plain git.
    static func pushUngatedMain(_ w: SyncWorld) throws -> String {
        let members = try String(contentsOfFile: w.path("mallory") + "/members.yml", encoding: .utf8)
        try w.write("mallory", "members.yml", members.replacingOccurrences(of: "chair@civil.example", with: "wang@g0v.example"))
        try w.git("mallory", ["-c", "user.name=王向榮", "-c", "user.email=wang@g0v.example", "commit", "-qam", "Update members"])
        try w.git("mallory", ["push", "-q", "origin", "main"])
        return try w.git("mallory", ["rev-parse", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func syncRefusesAnUngatedCommitOnMain() throws {
        let w = try Self.world("hostile-main")
        let before = w.rev(w.plan, "refs/heads/main")
        let forged = try Self.pushUngatedMain(w)
        let sync = try w.syncJSON(w.plan, [w.hub], as: .founder)
        #expect(sync.status == 1)
        let problems = sync.report["problems"] as? [[String: Any]] ?? []
        let problem = try #require(problems.first { $0["kind"] as? String == "ungated-main" })
        #expect((problem["message"] as? String)?.contains(String(forged.prefix(7))) == true, "\(problem)")
        #expect(w.rev(w.plan, "refs/heads/main") == before)
        #expect(try w.h.read("members.yml").contains("chair@civil.example"))
        // Everything else still synced: a comment made on the hub side arrives.
        // A new copy stops main at the last verified commit and says why.
        let clone = try w.h.nap(["clone", w.hub, w.path("fresh"), "--json"], as: .citizen, plan: false)
        #expect(clone.status == 1, "\(clone.stderr)")
        #expect(clone.stdout.contains("ungated-main"))
        #expect(w.rev("fresh", "refs/heads/main") == before)
        #expect(try String(contentsOfFile: w.path("fresh") + "/members.yml", encoding: .utf8).contains("chair@civil.example"))
    }

    /// The co-chair commits on main with plain git after the founding (no proposal, no gate): `nap sync`
    /// pushes main only as far as it is gated, and says which commit stays here and why.
    @Test func syncDoesNotPushAnUngatedMainMadeHere() throws {
        let w = try Self.world("hostile-push-main")
        let seeded = try #require(w.rev(w.plan, "refs/heads/main"))
        // A gated merge, then a direct commit on top of it.
        try PublishCLITests.answerApproveMerge(w.h, "political-donations")
        let merged = try #require(w.rev(w.plan, "refs/heads/main"))
        #expect(merged != seeded)
        try w.write(w.plan, "README.md", "直接改在主分支上 direct edit\n")
        try w.git(w.plan, ["-c", "user.name=國發會主委", "-c", "user.email=chair@ndc.gov.example", "commit", "-qam", "direct edit on main"])
        let direct = try #require(w.rev(w.plan, "refs/heads/main"))

        let sync = try w.syncJSON(w.plan, [w.hub], as: .govChair)
        #expect(sync.status == 1, "\(sync.stderr)")
        let problems = sync.report["problems"] as? [[String: Any]] ?? []
        let problem = try #require(problems.first { $0["kind"] as? String == "ungated-main" }, "\(problems)")
        #expect((problem["message"] as? String)?.contains(String(direct.prefix(7))) == true, "\(problem)")
        #expect((problem["message"] as? String)?.contains("bypassed the gate") == true, "\(problem)")
        #expect((problem["hint"] as? String)?.contains("git reset --keep \(merged.prefix(7))") == true, "\(problem)")
        // The gated merge went out, the direct commit did not; the record went too; main here is untouched.
        #expect(w.rev(w.hub, "refs/heads/main") == merged)
        #expect(w.recordTree(w.hub) == w.recordTree(w.plan))
        #expect(w.rev(w.plan, "refs/heads/main") == direct)
        #expect(w.rev(w.plan, "refs/nap/outgoing/main") == nil)
        // Every other copy takes the hub's main without a complaint.
        try w.clone(w.hub, "other", as: .citizen)
        #expect(w.rev("other", "refs/heads/main") == merged)
        // Syncing again changes nothing on the hub and says so again.
        let again = try w.syncJSON(w.plan, [w.hub], as: .govChair)
        #expect(again.status == 1)
        #expect(w.rev(w.hub, "refs/heads/main") == merged)
    }

    @Test func aTagThatShadowsMainIsNotTaken() throws {
        let w = try Self.world("hostile-tag")
        try w.write("mallory", "commitments/political-donations.md", "attacker text\n")
        try w.git("mallory", ["add", "-A"])
        try w.git("mallory", ["-c", "user.name=x", "-c", "user.email=x@example.net", "commit", "-qm", "evil"])
        for name in ["main", "nap/record", "proposal/political-donations", "HEAD"] {
            try w.git("mallory", ["tag", "-f", name, "HEAD"])
            try w.git("mallory", ["push", "-q", "-f", "origin", "refs/tags/\(name)"])
        }
        let sync = try w.syncJSON(w.plan, [w.hub], as: .founder)
        let warnings = sync.report["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.filter { $0["kind"] as? String == "shadowing-tag" }.count == 4, "\(warnings)")
        for name in ["main", "nap/record", "proposal/political-donations", "HEAD"] {
            #expect(w.rev(w.plan, "refs/tags/\(name)") == nil)
        }
        // Even a tag someone made by hand here does not stand in for main.
        try w.git(w.plan, ["tag", "main", w.rev("mallory", "HEAD") ?? ""])
        let html = try w.ok(w.plan, ["render", "main"], as: .founder)
        #expect(!html.contains("attacker text"))
        #expect(try w.nap(w.plan, ["verify"], as: .founder).status == 0)
    }

    @Test func anEventEditedOnTheHubIsReportedAndTheOriginalKept() throws {
        let w = try Self.world("hostile-edit")
        let show = try w.show(w.plan, "political-donations")
        let id = try #require(show["id"] as? String)
        let path = "proposals/\(id.prefix(2))/\(id)/events/\(id).json"
        let original = try w.git(w.plan, ["show", "refs/heads/nap/record:" + path])
        // Someone else's honest comment reaches the hub first; then the attacker edits the opening event.
        try w.clone(w.hub, "gov", as: .govChair)
        try w.ok("gov", ["comment", "political-donations", "-m", "政府端意見"], as: .govChair)
        try w.ok("gov", ["sync"], as: .govChair)
        try RecordForger(path: w.hub).put([path: original.replacingOccurrences(of: "政治獻金再透明化", with: "竄改的標題")])
        // A fresh copy of the tampered hub says what it skipped.
        let fresh = try w.h.nap(["clone", w.hub, w.path("fresh"), "--json"], as: .citizen, plan: false)
        #expect(fresh.stdout.contains("record-skipped"), "\(fresh.stdout) \(fresh.stderr)")
        #expect(fresh.stdout.contains(path))
        // The founder's copy keeps the original bytes, still receives the comment, and restores the hub.
        let sync = try w.syncJSON(w.plan, [w.hub], as: .founder)
        let problems = sync.report["problems"] as? [[String: Any]] ?? []
        #expect(problems.contains { $0["kind"] as? String == "corrupt-record" && ($0["message"] as? String)?.contains(path) == true }, "\(problems)")
        #expect(try w.git(w.plan, ["show", "refs/heads/nap/record:" + path]) == original)
        let comments = try w.show(w.plan, "political-donations")["comments"] as? [[String: Any]] ?? []
        #expect(comments.contains { $0["body"] as? String == "政府端意見" })
        #expect(try w.git(w.hub, ["show", "refs/heads/nap/record:" + path]) == original)
        try w.git(w.plan, ["fsck", "--strict", "--no-dangling"])
    }
}
