import Foundation
import NapTestSupport
import Testing

/// Tags pushed to the hub with plain git by someone who is not publishing a version: lightweight tags,
/// tags of commits that are not on main, tags named like a proposal or like git's own revision syntax,
/// unsigned or non-co-chair tags under `require-signatures`. None becomes a version in any copy, each is
/// reported, and a version made with `nap publish` still travels both ways.
@Suite struct HostileTagTests {
    /// Kinds of the warnings of a sync report, by reference.
    static func warnings(_ report: [String: Any]) -> [String: String] {
        var kinds: [String: String] = [:]
        for warning in report["warnings"] as? [[String: Any]] ?? [] {
            if let reference = warning["reference"] as? String, let kind = warning["kind"] as? String { kinds[reference] = kind }
        }
        return kinds
    }

    /// Stock git in a copy as `person` (author, committer and tagger).
    static func git(_ w: SyncWorld, _ copy: String, as person: Person, _ arguments: [String]) throws {
        let result = try w.sandbox.git(arguments, in: w.path(copy), env: [
            "GIT_AUTHOR_NAME": person.name, "GIT_AUTHOR_EMAIL": person.email,
            "GIT_COMMITTER_NAME": person.name, "GIT_COMMITTER_EMAIL": person.email,
        ])
        guard result.status == 0 else { throw SandboxError.failed("git \(arguments.joined(separator: " ")): \(result.stderr)") }
    }

    @Test func tagsThatAreNotPublishedVersionsAreNotTaken() throws {
        let w = try HostileHubTests.world("hostile-tags")
        let main = try #require(w.rev("mallory", "refs/heads/main"))
        // A fake plan on a commit off main, tagged lightweight (v9) and annotated (v8).
        let plan = try String(contentsOfFile: w.path("mallory") + "/plan.yml", encoding: .utf8)
        try w.write("mallory", "plan.yml", plan.replacingOccurrences(of: "Taiwan Open Government National Action Plan", with: "FAKE PLAN BY MALLORY"))
        try w.git("mallory", ["-c", "user.name=Mallory", "-c", "user.email=mallory@example.net", "commit", "-qam", "fake"])
        try w.git("mallory", ["tag", "v9"])
        try w.git("mallory", ["-c", "user.name=Mallory", "-c", "user.email=mallory@example.net", "tag", "-a", "v8", "-m", "fake version"])
        // On main itself: a lightweight tag, and annotated tags named like the proposal and like `@`.
        try w.git("mallory", ["tag", "v7", main])
        for name in ["political-donations", "@"] {
            try w.git("mallory", ["-c", "user.name=Mallory", "-c", "user.email=mallory@example.net", "tag", "-a", name, "-m", "x", main])
        }
        try w.git("mallory", ["push", "-q", "origin", "--tags"])

        let sync = try w.syncJSON(w.plan, [w.hub], as: .founder)
        #expect(sync.status == 0, "\(sync.stderr)")
        let kinds = Self.warnings(sync.report)
        #expect(kinds["refs/tags/v9"] == "untrusted-tag", "\(kinds)")
        #expect(kinds["refs/tags/v8"] == "untrusted-tag", "\(kinds)")
        #expect(kinds["refs/tags/v7"] == "untrusted-tag", "\(kinds)")
        #expect(kinds["refs/tags/political-donations"] == "shadowing-tag", "\(kinds)")
        #expect(kinds["refs/tags/@"] == "shadowing-tag", "\(kinds)")
        let messages = (sync.report["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("v9") && $0.contains("lightweight") }, "\(messages)")
        #expect(messages.contains { $0.contains("v8") && $0.contains("not on main's first-parent line") }, "\(messages)")
        for name in ["v9", "v8", "v7", "political-donations", "@"] {
            #expect(w.rev(w.plan, "refs/tags/\(name)") == nil, "\(name) was taken")
        }
        #expect(try w.git(w.plan, ["tag", "-l"]).isEmpty)
        // Nothing stands in for a version, a proposal or HEAD, and verify still passes.
        #expect(try w.nap(w.plan, ["render", "v9", "--format", "markdown"], as: .founder).status != 0)
        let proposal = try w.ok(w.plan, ["render", "political-donations", "--format", "markdown"], as: .founder)
        #expect(!proposal.contains("FAKE PLAN"))
        #expect(try w.nap(w.plan, ["verify"], as: .founder).status == 0)
        // A new copy takes none of them either.
        let fresh = try w.h.nap(["clone", w.hub, w.path("fresh"), "--json"], as: .citizen, plan: false)
        #expect(fresh.stdout.contains("untrusted-tag"), "\(fresh.stdout) \(fresh.stderr)")
        #expect(try w.git("fresh", ["tag", "-l"]).isEmpty)
    }

    /// A tag made by hand here that is not a version stays here; a name that is both a tag and a proposal
    /// is refused as ambiguous, with the way to say which.
    @Test func localTagsThatAreNotVersionsStayHere() throws {
        let w = try HostileHubTests.world("hostile-local-tags")
        try w.git(w.plan, ["tag", "wip", "refs/heads/proposal/political-donations"])
        try w.git(w.plan, ["tag", "-a", "political-donations", "-m", "x", "refs/heads/main"])
        let sync = try w.syncJSON(w.plan, [w.hub], as: .founder)
        let kinds = Self.warnings(sync.report)
        #expect(kinds["refs/tags/wip"] == "untrusted-tag", "\(kinds)")
        #expect(kinds["refs/tags/political-donations"] == "shadowing-tag", "\(kinds)")
        #expect(w.rev(w.hub, "refs/tags/wip") == nil)
        #expect(w.rev(w.hub, "refs/tags/political-donations") == nil)
        let ambiguous = try w.nap(w.plan, ["render", "political-donations"], as: .founder)
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stderr.contains("refs/tags/political-donations") && ambiguous.stderr.contains("proposal/political-donations"), "\(ambiguous.stderr)")
        try w.ok(w.plan, ["render", "proposal/political-donations", "--format", "markdown"], as: .founder)
        try w.ok(w.plan, ["render", "refs/tags/political-donations", "--format", "markdown"], as: .founder)
        try w.ok(w.plan, ["render", "main", "--format", "markdown"], as: .founder)
    }

    /// Under `require-signatures`: a version published with `nap publish` (signed by a co-chair) travels
    /// both ways; an unsigned annotated tag on main, and one signed by a member who is not a co-chair, do not.
    @Test func underSignaturesOnlyCoChairSignedVersionsTravel() throws {
        let s = try SignedPlan.founded(requireSignatures: true, "hostile-signed-tags")
        let w = try SyncWorld(s.h)
        try s.ok(["sync", w.hub])
        try s.ok(["publish", "v1", "-m", "第一版 First version"], as: .govChair)
        let out = try w.syncJSON(w.plan, [w.hub], as: .govChair)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(w.rev(w.hub, "refs/tags/v1") == w.rev(w.plan, "refs/tags/v1"))

        // A second copy receives v1, publishes v2 itself, and gives it back.
        try w.clone(w.hub, "b", as: .citizen)
        #expect(w.rev("b", "refs/tags/v1") == w.rev(w.plan, "refs/tags/v1"))
        let civil = s.sandbox.environment(name: Person.civilChair.name, email: Person.civilChair.email,
                                          extra: ["NAP_SIGNING_KEY": s.key(.civilChair)])
        let published = try run(NapHarness.binary, ["-C", w.path("b"), "publish", "v2", "-m", "第二版"], in: s.sandbox.root.path, environment: civil)
        #expect(published.status == 0, "\(published.stderr)")
        try w.ok("b", ["sync"], as: .civilChair)
        let back = try w.syncJSON(w.plan, [w.hub], as: .founder)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(w.rev(w.plan, "refs/tags/v2") == w.rev("b", "refs/tags/v2"))

        // Plain git on a clone: an unsigned tag in the co-chair's name, and one signed by 王向榮's own key.
        try w.sandbox.gitOK(["clone", "-q", w.hub, w.path("mallory")], in: w.sandbox.root.path)
        try w.git("mallory", ["checkout", "-q", "main"])
        try Self.git(w, "mallory", as: .govChair, ["tag", "-a", "v3", "-m", "unsigned", "main"])
        try Self.git(w, "mallory", as: .wang, ["-c", "gpg.format=ssh", "-c", "user.signingKey=" + s.key(.wang), "tag", "-s", "v4", "-m", "signed by a member", "main"])
        try w.git("mallory", ["push", "-q", "origin", "v3", "v4"])
        let sync = try w.syncJSON(w.plan, [w.hub], as: .founder)
        #expect(sync.status == 0, "\(sync.stderr)")
        let kinds = Self.warnings(sync.report)
        #expect(kinds["refs/tags/v3"] == "untrusted-tag", "\(kinds)")
        #expect(kinds["refs/tags/v4"] == "untrusted-tag", "\(kinds)")
        let messages = (sync.report["warnings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("v3") && $0.contains("unsigned") }, "\(messages)")
        #expect(messages.contains { $0.contains("v4") && $0.contains("co-chair") }, "\(messages)")
        #expect(w.rev(w.plan, "refs/tags/v3") == nil)
        #expect(w.rev(w.plan, "refs/tags/v4") == nil)
        #expect(try s.verify().status == 0)
        // A co-chair who signs a version with stock git and their own key is believed.
        try Self.git(w, "mallory", as: .civilChair, ["-c", "gpg.format=ssh", "-c", "user.signingKey=" + s.key(.civilChair),
                                                     "tag", "-s", "v5", "-m", "signed by the civil-society co-chair", "main"])
        try w.git("mallory", ["push", "-q", "origin", "v5"])
        let signed = try w.syncJSON(w.plan, [w.hub], as: .founder)
        #expect(Self.warnings(signed.report)["refs/tags/v5"] == nil, "\(signed.report)")
        #expect(w.rev(w.plan, "refs/tags/v5") == w.rev("mallory", "refs/tags/v5"))
        #expect(try s.verify().status == 0)
    }
}
