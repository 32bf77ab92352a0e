import Foundation
import NapTestSupport
import Testing

/// A push to a hub on this machine packs its objects with stock git's `git pack-objects` when git is
/// installed, and with libgit2's pack builder when it is not or when git fails (GitKit's StockGit). Both
/// must give the hub the same references and objects stock git accepts, and a push cut midway must be
/// completed by running sync again.
@Suite struct SyncPackingCLITests {
    /// A folder holding one executable `git`: a shell script with `body`.
    private func fakeGit(_ w: SyncWorld, _ folder: String, _ body: String) throws -> String {
        let directory = w.sandbox.path(folder)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = directory + "/git"
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return directory
    }

    private func references(_ w: SyncWorld, _ repository: String) throws -> String {
        try w.git(repository, ["for-each-ref", "--format=%(objectname) %(refname)"])
    }

    private func syncTo(_ w: SyncWorld, _ hub: String, path: String) throws -> ProcessResult {
        w.sandbox.extraEnvironment = ["PATH": path]
        defer { w.sandbox.extraEnvironment = [:] }
        return try w.nap(w.plan, ["sync", hub], as: .founder)
    }

    @Test func stockGitAndLibgit2GiveTheHubTheSameReferences() throws {
        let w = try SyncWorld.withProposal("sync-packing")
        try w.ok(w.plan, ["comment", "political-donations", "-m", "第一則留言"], as: .wang)
        try w.git(w.plan, ["tag", "-a", "v1", "-m", "第一版", "refs/heads/main"])
        let log = w.sandbox.path("git-calls.log")
        let logging = try fakeGit(w, "logging", "echo \"$1\" >> '\(log)'\nexec /usr/bin/git \"$@\"")
        let failing = try fakeGit(w, "failing", "exit 1")
        let noGit = w.sandbox.path("no-git")
        try FileManager.default.createDirectory(atPath: noGit, withIntermediateDirectories: true)
        for hub in ["git.git", "libgit2.git", "fallback.git"] {
            try w.sandbox.gitOK(["init", "--bare", "-q", w.sandbox.path(hub)], in: w.sandbox.root.path)
        }

        for (hub, path) in [("git.git", logging), ("libgit2.git", noGit), ("fallback.git", failing)] {
            let result = try syncTo(w, w.sandbox.path(hub), path: path)
            #expect(result.status == 0, "sync to \(hub): \(result.stderr)")
            try w.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: w.sandbox.path(hub))
        }
        let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(calls.split(separator: "\n").contains("pack-objects"), "stock git was not asked to pack: \(calls)")
        let expected = try references(w, w.sandbox.path("git.git"))
        #expect(expected.contains("refs/tags/v1"))
        #expect(expected.contains("refs/heads/proposal/political-donations"))
        #expect(try references(w, w.sandbox.path("libgit2.git")) == expected)
        #expect(try references(w, w.sandbox.path("fallback.git")) == expected)

        // The next push sends only what the hub lacks, through either path.
        try w.ok(w.plan, ["comment", "political-donations", "-m", "第二則留言"], as: .govChair)
        for (hub, path) in [("git.git", logging), ("libgit2.git", noGit)] {
            let before = try w.sandbox.gitOK(["count-objects", "-v"], in: w.sandbox.path(hub))
            let result = try syncTo(w, w.sandbox.path(hub), path: path)
            #expect(result.status == 0, "second sync to \(hub): \(result.stderr)")
            try w.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: w.sandbox.path(hub))
            #expect(w.recordTree(w.sandbox.path(hub)) == w.recordTree(w.plan))
            #expect(try w.sandbox.gitOK(["count-objects", "-v"], in: w.sandbox.path(hub)) != before)
        }
        #expect(try references(w, w.sandbox.path("libgit2.git")) == references(w, w.sandbox.path("git.git")))
    }

    /// nap killed once git has packed, before any reference moved: the hub shows nothing new, and
    /// the next sync completes the push.
    @Test func aPushCutWhilePackingIsCompletedBySyncingAgain() throws {
        let w = try SyncWorld.withProposal("sync-packing-cut")
        try w.ok(w.plan, ["comment", "political-donations", "-m", "會被中斷的推送"], as: .wang)
        // git starts packing, then its parent (nap) is killed before it can move any reference.
        let killing = try fakeGit(w, "killing", """
            if [ "$1" = pack-objects ]; then /usr/bin/git "$@" >/dev/null; kill -9 $PPID; exit 1; fi
            exec /usr/bin/git "$@"
            """)
        let cut = try syncTo(w, w.hub, path: killing)
        #expect(cut.status != 0)
        #expect(try references(w, w.hub).isEmpty, "a reference moved on the hub before the push ended")

        let resumed = try syncTo(w, w.hub, path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try w.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: w.hub)
        #expect(w.recordTree(w.hub) == w.recordTree(w.plan))
        #expect(w.rev(w.hub, "refs/heads/main") == w.rev(w.plan, "refs/heads/main"))
        #expect(w.rev(w.hub, "refs/heads/proposal/political-donations") == w.rev(w.plan, "refs/heads/proposal/political-donations"))
    }

    /// `nap clone` leaves the new copy ready: its references packed, and the cache of derived state holding
    /// every proposal's digest, so the first command reads instead of folding. What the cache answers is
    /// what a computation from scratch answers, and a damaged cache file is computed again.
    @Test func aCloneLeavesPackedReferencesAndACacheThatAnswersAsAFreshComputation() throws {
        let w = try SyncWorld.withProposal("clone-ready")
        try w.ok(w.plan, ["comment", "political-donations", "-m", "複本要看得到的留言"], as: .wang)
        try w.ok(w.plan, ["propose", "open-data", "--title", "開放資料", "--description", "推動高價值資料集開放"], as: .wang)
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        try w.clone(w.hub, "copy", as: .govChair)

        let packed = try String(contentsOfFile: w.path("copy") + "/.git/packed-refs", encoding: .utf8)
        #expect(packed.contains("refs/heads/proposal/political-donations"))
        #expect(packed.contains("refs/remotes/origin/nap/record"))
        let index = w.path("copy") + "/.git/nap/cache/proposals.v3.txt"
        #expect(FileManager.default.fileExists(atPath: index))
        let fromCache = try w.ok("copy", ["proposals", "--state", "all", "--json"], as: .govChair)
        #expect(fromCache.contains("political-donations") && fromCache.contains("open-data"))
        w.sandbox.extraEnvironment = ["NAP_CACHE": "off"]
        let fresh = try w.ok("copy", ["proposals", "--state", "all", "--json"], as: .govChair)
        w.sandbox.extraEnvironment = [:]
        #expect(fromCache == fresh)

        // A damaged index (cut short, as a full disk leaves it) is computed again, not trusted.
        let whole = try Data(contentsOf: URL(fileURLWithPath: index))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: index))
        #expect(try w.ok("copy", ["proposals", "--state", "all", "--json"], as: .govChair) == fresh)
        try w.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: w.path("copy"))
    }

    /// A fetch from a hub on this machine goes through `git fetch` when git is installed, else through
    /// libgit2: two clones made each way, and synced again after the hub lost a branch, hold the same
    /// references and say the same.
    @Test func clonesThroughStockGitAndLibgit2EndTheSame() throws {
        let w = try SyncWorld.withProposal("clone-paths")
        try w.ok(w.plan, ["comment", "political-donations", "-m", "兩種複製都要有"], as: .wang)
        try w.ok(w.plan, ["propose", "open-data", "--title", "開放資料", "--description", "推動高價值資料集開放"], as: .wang)
        try w.git(w.plan, ["tag", "-a", "v1", "-m", "第一版", "refs/heads/main"])
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        let log = w.sandbox.path("git-calls.log")
        let logging = try fakeGit(w, "logging", "echo \"$*\" >> '\(log)'\nexec /usr/bin/git \"$@\"")
        let noGit = w.sandbox.path("no-git")
        try FileManager.default.createDirectory(atPath: noGit, withIntermediateDirectories: true)

        var changes: [String: [String]] = [:]
        for (copy, path) in [("with-git", logging), ("without-git", noGit)] {
            w.sandbox.extraEnvironment = ["PATH": path]
            let result = try w.h.nap(["clone", "--json", w.hub, w.path(copy)], as: .govChair, plan: false)
            w.sandbox.extraEnvironment = [:]
            #expect(result.status == 0, "\(result.stderr)")
            let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let sync = output?["sync"] as? [String: Any]
            changes[copy] = ((sync?["changes"] as? [[String: Any]]) ?? []).map { change in
                ["place", "reference", "action", "new"].map { "\(change[$0] ?? "-")" }.joined(separator: " ")
            }.sorted()
            try w.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: w.path(copy))
        }
        let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // git's clone, given the proposal branches and nap's tag namespace on its command line only.
        #expect(calls.contains("clone --quiet --no-local --no-checkout --no-tags --origin origin --branch main"), "stock git was not asked to clone: \(calls)")
        #expect(!calls.split(separator: "\n").contains { $0.hasPrefix("fetch") }, "a clone through git fetches nothing more: \(calls)")
        let expected = try references(w, w.path("with-git"))
        #expect(expected.contains("refs/remotes/origin/proposal/open-data"))
        #expect(expected.contains("refs/heads/proposal/open-data"))
        #expect(expected.contains("refs/tags/v1"))
        #expect(!expected.contains("refs/remotes/origin/HEAD"))
        #expect(try references(w, w.path("without-git")) == expected)
        #expect(changes["with-git"]?.contains { $0.hasPrefix("local refs/heads/proposal/open-data created") } == true, "\(changes)")
        #expect(changes["with-git"] == changes["without-git"])
        // The same remote and branch settings too (git's clone adds tracking and tag options of its own).
        let settings = ["config", "--local", "--get-regexp", "^(remote|branch)\\."]
        #expect(try w.git("with-git", settings) == (try w.git("without-git", settings)))
        #expect(try w.git("with-git", ["config", "--get-all", "remote.origin.fetch"]) == "+refs/heads/*:refs/remotes/origin/*\n")

        // The hub loses a branch (deleted by hand): both copies keep theirs, forget the hub's, and warn.
        try w.sandbox.gitOK(["update-ref", "-d", "refs/heads/proposal/open-data"], in: w.hub)
        for (copy, path) in [("with-git", logging), ("without-git", noGit)] {
            w.sandbox.extraEnvironment = ["PATH": path]
            let synced = try w.syncJSON(copy, as: .govChair)
            w.sandbox.extraEnvironment = [:]
            #expect(synced.status == 0, "\(synced.stderr)")
            #expect((synced.report["warnings"] as? [[String: Any]])?.contains { $0["kind"] as? String == "deleted-on-remote" } == true)
            #expect(w.rev(copy, "refs/remotes/origin/proposal/open-data") == nil)
            #expect(w.rev(copy, "refs/heads/proposal/open-data") != nil)
        }
        #expect(try references(w, w.path("without-git")) == references(w, w.path("with-git")))
    }

    /// A hub with proposal branches nap would not take as they are (a name that is not a slug, a branch
    /// that names a blob, one slug under two names in different Unicode forms): git's quick clone is
    /// given up and the copy is made the careful way, ending as a copy made without git.
    @Test(arguments: ["not-a-slug", "a-blob", "one-slug-twice"])
    func aHubWithBranchesNapWouldNotTakeIsClonedTheCarefulWay(oddity: String) throws {
        let w = try SyncWorld.withProposal("clone-odd")
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        let main = try #require(w.rev(w.hub, "refs/heads/main"))
        let head = try #require(w.rev(w.plan, "refs/heads/proposal/political-donations"))
        var odd: [String] = []
        switch oddity {
        case "not-a-slug":
            odd = ["refs/heads/proposal/a+b"]
            try w.sandbox.gitOK(["update-ref", odd[0], main], in: w.hub)
        case "a-blob":
            odd = ["refs/heads/proposal/blobby"]
            let blob = try w.sandbox.git(["hash-object", "-w", "--stdin"], in: w.hub, input: Array("不是提案\n".utf8)).stdout
            try Data(blob.utf8).write(to: URL(fileURLWithPath: w.hub + "/" + odd[0]))
        default:
            // One slug in two Unicode forms (composed and decomposed Hangul): two branches for git, one
            // for Swift's strings.
            odd = ["refs/heads/proposal/\u{D55C}", "refs/heads/proposal/\u{1112}\u{1161}\u{11AB}"]
            try w.sandbox.gitOK(["update-ref", odd[0], main], in: w.hub)
            try w.sandbox.gitOK(["update-ref", odd[1], head], in: w.hub)
        }
        let log = w.sandbox.path("git-calls.log")
        let logging = try fakeGit(w, "logging", "echo \"$*\" >> '\(log)'\nexec /usr/bin/git \"$@\"")
        let noGit = w.sandbox.path("no-git")
        try FileManager.default.createDirectory(atPath: noGit, withIntermediateDirectories: true)
        var outputs: [String: String] = [:]
        for (copy, path) in [("with-git", logging), ("without-git", noGit)] {
            w.sandbox.extraEnvironment = ["PATH": path]
            let result = try w.h.nap(["clone", w.hub, w.path(copy)], as: .govChair, plan: false)
            w.sandbox.extraEnvironment = [:]
            #expect(result.status == 0, "\(result.stderr)")
            outputs[copy] = result.stdout.replacingOccurrences(of: w.path(copy), with: "COPY")
        }
        let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(calls.contains("clone --quiet --no-local"), "\(calls)")
        #expect(calls.split(separator: "\n").contains { $0.hasPrefix("fetch") }, "the careful way fetches: \(calls)")
        let expected = try references(w, w.path("with-git"))
        #expect(expected.contains("refs/heads/proposal/political-donations"))
        #expect(odd.allSatisfy { expected.contains("refs/remotes/origin/" + $0.dropFirst("refs/heads/".count)) })
        if oddity == "not-a-slug" { #expect(!expected.contains(odd[0] + "\n")) }
        #expect(try references(w, w.path("without-git")) == expected)
        #expect(outputs["with-git"] == outputs["without-git"])
    }

    /// nap killed while git's clone runs (git finishing on its own): the folder holds nothing that looks
    /// like a copy, and `nap clone` into it again makes the copy. A hub path git would find only by
    /// adding `.git` is not taken by git's way either: the clone fails as it does without git.
    @Test func aCloneKilledWhileGitCopiesIsMadeAgainAndNoPathIsGuessed() throws {
        let w = try SyncWorld.withProposal("clone-killed")
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        let killing = try fakeGit(w, "killing", """
            case " $* " in *" clone "*) /usr/bin/git "$@"; kill -9 $PPID; exit 1;; esac
            exec /usr/bin/git "$@"
            """)
        w.sandbox.extraEnvironment = ["PATH": killing]
        let cut = try w.h.nap(["clone", w.hub, w.path("copy")], as: .govChair, plan: false)
        w.sandbox.extraEnvironment = [:]
        #expect(cut.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.path("copy")) == [".nap-cloning"])
        try w.clone(w.hub, "copy", as: .govChair)
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.path("copy")).contains(".nap-cloning") == false)
        try w.clone(w.hub, "again", as: .govChair)
        #expect(try references(w, w.path("copy")) == (try references(w, w.path("again"))))
        #expect(try w.git("copy", ["status", "--porcelain"]).isEmpty)
        try w.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: w.path("copy"))

        // `…/hub` for a hub at `…/hub.git`: git alone would guess the suffix, and the copy could never push.
        let guessed = String(w.hub.dropLast(4))
        #expect(w.hub.hasSuffix(".git") && !FileManager.default.fileExists(atPath: guessed))
        let refused = try w.h.nap(["clone", guessed, w.path("guessed")], as: .govChair, plan: false)
        #expect(refused.status != 0)
        #expect(!FileManager.default.fileExists(atPath: w.path("guessed")))
    }
}
