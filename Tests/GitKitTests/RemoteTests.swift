import Foundation
@testable import GitKit
import NapTestSupport
import Testing

/// Two repositories in one sandbox: `work` (with a working tree) and a bare `hub.git`.
private struct Pair {
    let sandbox: Sandbox
    let work: Repository
    let hub: Repository
    var hubPath: String { sandbox.path("hub.git") }

    init() throws {
        sandbox = try Sandbox("nap-remote")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        work = try Repository.create(at: sandbox.path("work"))
        hub = try Repository.create(at: sandbox.path("hub.git"), bare: true)
    }

    /// A commit on `reference` with one file, whose parent is the reference's current commit.
    @discardableResult
    func commit(_ repository: Repository, _ reference: String = "refs/heads/main", file: String = "plan.yml", text: String) throws -> ObjectID {
        let parent = try repository.referenceTarget(reference)
        let base = try parent.map { try repository.treeID(ofCommit: $0) }
        let tree = try repository.writeTree(applying: [file: .blob(try repository.writeBlob(Array(text.utf8)))], to: base)
        let id = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: alice, committer: alice, message: text + "\n")
        try repository.updateReference(reference, to: id, expecting: parent.map { .at($0) } ?? .absent, message: "test")
        return id
    }

    func hubRef(_ name: String) throws -> String {
        try sandbox.gitOK(["rev-parse", "--verify", "-q", name], in: hubPath).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite struct RemoteTests {
    @Test func pushesAndFetchesThroughAPathAndAFileURL() throws {
        let pair = try Pair()
        let first = try pair.commit(pair.work, text: "format: 1")
        _ = try pair.work.createAnnotatedTag(name: "v1", target: first, tagger: alice, message: "第一版\n")
        let remote = try pair.work.addRemote(named: "origin", url: pair.hubPath)
        #expect(try pair.work.remoteNames() == ["origin"])
        #expect(remote.localPath == pair.hubPath)
        let results = try remote.push([
            PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: nil),
            PushUpdate(source: "refs/tags/v1", destination: "refs/tags/v1", expected: nil),
        ])
        #expect(results.allSatisfy { $0.accepted })
        #expect(try pair.hubRef("refs/heads/main") == first.hex)
        try pair.sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: pair.hubPath)

        // A second copy fetches through file:// into a namespace of its own; tags land beside, not in refs/tags.
        let other = try Repository.create(at: pair.sandbox.path("other"))
        let anonymous = try other.anonymousRemote(url: "file://" + pair.hubPath)
        #expect(anonymous.name == nil)
        let advertised = try anonymous.fetch(refspecs: ["+refs/heads/*:refs/remotes/hub/*", "+refs/tags/*:refs/nap/remote-tags/hub/*"])
        #expect(Set(advertised.map(\.name)) == ["refs/heads/main", "refs/tags/v1"])
        #expect(try other.referenceTarget("refs/remotes/hub/main") == first)
        #expect(try other.referenceTarget("refs/nap/remote-tags/hub/v1") != nil)
        #expect(try other.tagNames().isEmpty)
        #expect(try anonymous.listReferences().count == 2)
    }

    @Test func aLocalPushRefusesNonFastForwardsAndStaleExpectations() throws {
        let pair = try Pair()
        let base = try pair.commit(pair.work, text: "a")
        let remote = try pair.work.anonymousRemote(url: pair.hubPath)
        #expect(try remote.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: nil)]).first?.accepted == true)
        let ahead = try pair.commit(pair.work, text: "b")
        // Someone else's commit on the same base, in another branch here.
        let tree = try pair.work.writeTree(applying: ["other.md": .blob(try pair.work.writeBlob(Array("x".utf8)))], to: try pair.work.treeID(ofCommit: base))
        let sideways = try pair.work.createCommit(tree: tree, parents: [base], author: alice, committer: alice, message: "side\n")
        try pair.work.updateReference("refs/heads/side", to: sideways, expecting: .absent, message: "test")

        let stale = try remote.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: sideways)])
        #expect(stale.first?.refusal?.contains("moved since") == true)
        #expect(try pair.hubRef("refs/heads/main") == base.hex)
        let good = try remote.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: base)])
        #expect(good.first?.accepted == true)
        #expect(try pair.hubRef("refs/heads/main") == ahead.hex)
        let nonFF = try remote.push([PushUpdate(source: "refs/heads/side", destination: "refs/heads/main", expected: ahead)])
        #expect(nonFF.first?.refusal == "non-fast-forward")
        #expect(try pair.hubRef("refs/heads/main") == ahead.hex)
        let forced = try remote.push([PushUpdate(source: "refs/heads/side", destination: "refs/heads/main", expected: ahead, force: true)])
        #expect(forced.first?.accepted == true)
        try pair.sandbox.gitOK(["fsck", "--strict"], in: pair.hubPath)
    }

    @Test func pushingToAWorkingTreeIsRefusedClearly() throws {
        let pair = try Pair()
        try pair.commit(pair.work, text: "a")
        let target = try Repository.create(at: pair.sandbox.path("notbare"))
        _ = target
        let remote = try pair.work.anonymousRemote(url: pair.sandbox.path("notbare"))
        let error = #expect(throws: GitError.self) {
            try remote.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: nil)])
        }
        #expect(error?.message.contains("bare") == true)
    }

    @Test func theNetworkTransportReportsServerRefusalsPerReference() throws {
        let pair = try Pair()
        let env = pair.sandbox.environment()
        let daemon = try GitDaemon(basePath: pair.sandbox.root.path, environment: env)
        defer { daemon.stop() }
        let first = try pair.commit(pair.work, text: "a")
        let remote = try pair.work.addRemote(named: "hub", url: daemon.url("hub.git"))
        var progress: [TransferProgress] = []
        let callbacks = RemoteCallbacks(progress: { progress.append($0) })
        let results = try remote.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: nil)], callbacks: callbacks)
        #expect(results == [PushResult(reference: "refs/heads/main", refusal: nil)])
        #expect(progress.contains { $0.phase == .sending })
        #expect(try pair.hubRef("refs/heads/main") == first.hex)

        // The hub forbids rewriting history: a forced push is refused by the server, per reference.
        try pair.sandbox.gitOK(["config", "receive.denyNonFastForwards", "true"], in: pair.hubPath)
        let tree = try pair.work.writeTree(applying: ["x": .blob(try pair.work.writeBlob([1]))], to: nil)
        let rewrite = try pair.work.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "rewrite\n")
        try pair.work.updateReference("refs/heads/rewrite", to: rewrite, expecting: .absent, message: "test")
        let second = try pair.commit(pair.work, "refs/heads/proposal/x", text: "x")
        let refused = try remote.push([
            PushUpdate(source: "refs/heads/rewrite", destination: "refs/heads/main", expected: first, force: true),
            PushUpdate(source: "refs/heads/proposal/x", destination: "refs/heads/proposal/x", expected: nil),
        ])
        #expect(refused.count == 2)
        #expect(refused[0].refusal != nil)
        #expect(refused[1].accepted)
        #expect(try pair.hubRef("refs/heads/main") == first.hex)
        #expect(try pair.hubRef("refs/heads/proposal/x") == second.hex)

        // Fetching back over the network, with progress.
        let other = try Repository.create(at: pair.sandbox.path("other"))
        progress = []
        let advertised = try other.anonymousRemote(url: daemon.url("hub.git"))
            .fetch(refspecs: ["+refs/heads/*:refs/remotes/hub/*"], callbacks: RemoteCallbacks(progress: { progress.append($0) }))
        #expect(advertised.count == 2)
        #expect(try other.referenceTarget("refs/remotes/hub/proposal/x") == second)
        #expect(progress.contains { $0.phase == .receiving })
    }

    /// A fetch from a repository on this machine that would change nothing is answered from the two
    /// repositories' references, with no git run; any difference is fetched as usual.
    @Test func anUnchangedLocalFetchIsSeenAndAnyChangeIsFetched() throws {
        let pair = try Pair()
        let first = try pair.commit(pair.work, text: "a")
        let branch = try pair.commit(pair.work, "refs/heads/proposal/x", text: "x")
        _ = try pair.work.createAnnotatedTag(name: "v1", target: first, tagger: alice, message: "第一版\n")
        let origin = try pair.work.addRemote(named: "origin", url: pair.hubPath)
        let pushed = try origin.push(["refs/heads/main", "refs/heads/proposal/x", "refs/tags/v1"].map { PushUpdate(source: $0, destination: $0, expected: nil) })
        #expect(pushed.allSatisfy { $0.accepted })

        let other = try Repository.create(at: pair.sandbox.path("other"))
        let remote = try other.anonymousRemote(url: pair.hubPath)
        let specs = ["+refs/heads/*:refs/remotes/hub/*", "+refs/tags/*:refs/nap/remote-tags/hub/*"]
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) == nil, "nothing fetched yet")
        let fetched = try remote.fetch(refspecs: specs)
        let unchanged = try #require(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs))
        #expect(unchanged.map(\.name).sorted() == fetched.map(\.name).sorted())
        #expect(Set(unchanged.map(\.target)) == Set(fetched.map(\.target)))
        #expect(unchanged.count == 3)
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: ["refs/heads/main:refs/remotes/hub/main"]) == nil, "only forced globs")

        // The hub's main moves: fetched.
        let second = try pair.commit(pair.work, text: "b")
        let moved = try origin.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: first)])
        #expect(moved.allSatisfy { $0.accepted })
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) == nil)
        try remote.fetch(refspecs: specs)
        #expect(try other.referenceTarget("refs/remotes/hub/main") == second)
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) != nil)

        // A branch deleted there: pruned here.
        try pair.sandbox.gitOK(["update-ref", "-d", "refs/heads/proposal/x", branch.hex], in: pair.hubPath)
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) == nil)
        try remote.fetch(refspecs: specs)
        #expect(try other.referenceTarget("refs/remotes/hub/proposal/x") == nil)

        // A symbolic branch there (git fetches it under its own name): never taken as nothing to do.
        try pair.sandbox.gitOK(["symbolic-ref", "refs/heads/alias", "refs/heads/main"], in: pair.hubPath)
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) == nil)

        // An object named here that is missing: fetched again rather than trusted.
        try pair.commit(pair.work, "refs/heads/proposal/y", text: "y")
        _ = try origin.push([PushUpdate(source: "refs/heads/proposal/y", destination: "refs/heads/proposal/y", expected: nil)])
        try pair.sandbox.gitOK(["symbolic-ref", "--delete", "refs/heads/alias"], in: pair.hubPath)
        try remote.fetch(refspecs: specs)
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) != nil)
        let emptyTree = try pair.sandbox.gitOK(["hash-object", "-t", "tree", "-w", "/dev/null"], in: pair.hubPath).trimmingCharacters(in: .whitespacesAndNewlines)
        let hubOnly = try pair.sandbox.gitOK(["commit-tree", emptyTree, "-m", "only there"], in: pair.hubPath).trimmingCharacters(in: .whitespacesAndNewlines)
        try pair.sandbox.gitOK(["update-ref", "refs/heads/proposal/y", hubOnly], in: pair.hubPath)
        // Written by hand: git and libgit2 refuse a reference to an object they lack.
        try (hubOnly + "\n").write(toFile: other.gitDirectory + "refs/remotes/hub/proposal/y", atomically: true, encoding: .utf8)
        #expect(try other.referenceTarget("refs/remotes/hub/proposal/y")?.hex == hubOnly)
        #expect(remote.unchangedLocalFetch(from: pair.hubPath, refspecs: specs) == nil)
    }

    @Test func anUnreachableRemoteIsANetworkError() throws {
        let pair = try Pair()
        let port = try freeLoopbackPort()
        let remote = try pair.work.anonymousRemote(url: "git://127.0.0.1:\(port)/hub.git")
        let error = #expect(throws: GitError.self) { try remote.fetch(refspecs: ["+refs/heads/*:refs/remotes/x/*"]) }
        #expect(error?.message.isEmpty == false)
        let missing = try pair.work.anonymousRemote(url: pair.sandbox.path("nowhere.git"))
        #expect(throws: GitError.self) { try missing.fetch(refspecs: ["+refs/heads/*:refs/remotes/y/*"]) }
        #expect(throws: GitError.self) { try pair.work.remote(named: "origin") }
    }

    @Test func authenticationFailuresSayWhatWasAskedFor() throws {
        let pair = try Pair()
        let wall = try PasswordWall()
        let remote = try pair.work.anonymousRemote(url: wall.url)
        // No credential to give.
        let none = #expect(throws: GitError.self) {
            try remote.fetch(refspecs: ["+refs/heads/*:refs/remotes/w/*"], callbacks: RemoteCallbacks(credentials: { _ in nil }))
        }
        #expect(none?.isAuthentication == true)
        #expect(none?.message.contains("user name and password") == true)
        // A wrong password is tried once, then refused: no endless loop.
        var asked: [CredentialRequest] = []
        var verdicts: [(CredentialRequest, Credential, CredentialVerdict)] = []
        let wrong = #expect(throws: GitError.self) {
            try remote.fetch(refspecs: ["+refs/heads/*:refs/remotes/w/*"], callbacks: RemoteCallbacks(credentials: { request in
                asked.append(request)
                return .userPassword(username: "wang", password: "wrong")
            }, verdict: { verdicts.append(($0, $1, $2)) }))
        }
        #expect(wrong?.isAuthentication == true)
        #expect(wrong?.message.contains("refused the credentials") == true)
        #expect(wrong?.message.contains("wrong") == false, "the password is never part of a message")
        #expect(asked.count == 1)
        #expect(asked.first?.allowed.contains(.userPassword) == true)
        #expect(asked.first?.url.hasPrefix("http://127.0.0.1") == true)
        // The server asked again after the password: it is reported refused, once (git's `credential reject`).
        #expect(verdicts.count == 1)
        #expect(verdicts.first?.0 == asked.first)
        #expect(verdicts.first?.1 == .userPassword(username: "wang", password: "wrong"))
        #expect(verdicts.first?.2 == .refused)
    }

    /// An error thrown by the credentials callback (a request nap will not pass on) ends the operation
    /// and comes out of it unchanged, not as a vague authentication failure.
    @Test func anErrorThrownForCredentialsComesOutUnchanged() throws {
        struct Unsafe: Error, Equatable {}
        let pair = try Pair()
        let wall = try PasswordWall()
        _ = try pair.commit(pair.work, text: "format: 1")
        let remote = try pair.work.anonymousRemote(url: wall.url)
        var verdicts = 0
        #expect(throws: Unsafe()) {
            try remote.fetch(refspecs: ["+refs/heads/*:refs/remotes/w/*"],
                             callbacks: RemoteCallbacks(credentials: { _ in throw Unsafe() }, verdict: { _, _, _ in verdicts += 1 }))
        }
        #expect(throws: Unsafe()) {
            _ = try remote.push([PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: nil)],
                                callbacks: RemoteCallbacks(credentials: { _ in throw Unsafe() }))
        }
        #expect(verdicts == 0)
    }

    @Test func clonesWithOriginAndChecksOutTheBranch() throws {
        let pair = try Pair()
        let first = try pair.commit(pair.work, text: "format: 1")
        let second = try pair.commit(pair.work, "refs/heads/nap/record", file: "proposals/x.json", text: "{}")
        let remote = try pair.work.anonymousRemote(url: pair.hubPath)
        _ = try remote.push([
            PushUpdate(source: "refs/heads/main", destination: "refs/heads/main", expected: nil),
            PushUpdate(source: "refs/heads/nap/record", destination: "refs/heads/nap/record", expected: nil),
        ])
        var progressed = false
        let clone = try Repository.clone(from: "file://" + pair.hubPath, to: pair.sandbox.path("clone"), branch: "main",
                                         callbacks: RemoteCallbacks(progress: { _ in progressed = true }))
        #expect(progressed)
        #expect(try clone.remoteNames() == ["origin"])
        #expect(try clone.headCommitID() == first)
        #expect(try clone.referenceTarget("refs/remotes/origin/nap/record") == second)
        #expect(FileManager.default.fileExists(atPath: pair.sandbox.path("clone/plan.yml")))
        #expect(throws: GitError.self) {
            try Repository.clone(from: pair.hubPath, to: pair.sandbox.path("clone2"), branch: "nonexistent")
        }
        #expect(!FileManager.default.fileExists(atPath: pair.sandbox.path("clone2/.git")))
    }

    @Test func localURLsAreToldFromNetworkOnes() {
        #expect(Remote.localPath(of: "/srv/hub.git") == "/srv/hub.git")
        #expect(Remote.localPath(of: "../hub.git") == "../hub.git")
        #expect(Remote.localPath(of: "file:///srv/%E8%A8%88%E7%95%AB.git") == "/srv/計畫.git")
        #expect(Remote.localPath(of: "git@github.com:ndc/plan.git") == nil)
        #expect(Remote.localPath(of: "ssh://git@host/plan.git") == nil)
        #expect(Remote.localPath(of: "https://host/plan.git") == nil)
        #expect(Repository.isValidRemoteName("origin"))
        #expect(!Repository.isValidRemoteName("bad name"))
    }
}
