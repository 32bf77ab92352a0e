import Foundation
import GitKit
import NapTestSupport
import Testing

@Suite struct HistoryTests {
    /// main: base → ours; topic: base → theirs.
    func forked(_ repo: Repository, ours: String, theirs: String) throws -> (base: ObjectID, ours: ObjectID, theirs: ObjectID) {
        let baseTree = try repo.writeTree(applying: ["f.txt": .blob(try repo.writeBlob(Array("一\n二\n三\n四\n五\n".utf8)))], to: nil)
        let base = try repo.createCommit(tree: baseTree, parents: [], author: alice, committer: alice, message: "base\n")
        let o = try repo.createCommit(tree: try repo.writeTree(applying: ["f.txt": .blob(try repo.writeBlob(Array(ours.utf8)))], to: baseTree),
                                      parents: [base], author: alice, committer: alice, message: "ours\n")
        let t = try repo.createCommit(tree: try repo.writeTree(applying: ["f.txt": .blob(try repo.writeBlob(Array(theirs.utf8)))], to: baseTree),
                                      parents: [base], author: alice, committer: alice, message: "theirs\n")
        return (base, o, t)
    }

    @Test func cleanMergeInMemory() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let (base, o, t) = try forked(repo, ours: "一改\n二\n三\n四\n五\n", theirs: "一\n二\n三\n四\n五改\n")
        #expect(try repo.mergeBase(o, t) == base)
        guard case .clean(let tree) = try repo.mergeCommits(ours: o, theirs: t) else { Issue.record("expected clean"); return }
        #expect(try repo.fileData(tree: tree, path: "f.txt") == Array("一改\n二\n三\n四\n五改\n".utf8))
    }

    @Test func conflictingMergeNamesFiles() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let (_, o, t) = try forked(repo, ours: "甲\n二\n三\n四\n五\n", theirs: "乙\n二\n三\n四\n五\n")
        #expect(try repo.mergeCommits(ours: o, theirs: t) == .conflicts(paths: ["f.txt"]))
    }

    @Test func walksFirstParentLine() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let (base, o, t) = try forked(repo, ours: "甲\n", theirs: "一\n二\n三\n四\n五\n六\n")
        let merge = try repo.createCommit(tree: try repo.treeID(ofCommit: o), parents: [o, t], author: alice, committer: alice, message: "merge\n")
        #expect(try repo.walk(from: [merge], firstParentOnly: true) == [merge, o, base])
        #expect(Set(try repo.walk(from: [merge])) == [merge, o, t, base])
        #expect(try repo.walk(from: [merge], hiding: [o]) == [merge, t])
        #expect(try repo.isAncestor(base, of: merge))
        #expect(try !repo.isAncestor(t, of: o))
    }

    @Test func diffsTreesAndTexts() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let (base, o, _) = try forked(repo, ours: "一\n二改\n三\n四\n五\n", theirs: "x\n")
        let deltas = try repo.diffTrees(try repo.treeID(ofCommit: base), try repo.treeID(ofCommit: o))
        #expect(deltas.map(\.path) == ["f.txt"])
        #expect(deltas.first?.change == .modified)
        let hunks = try Repository.diffText(old: Array("一\n二\n三\n".utf8), new: Array("一\n二改\n三\n".utf8))
        #expect(hunks.count == 1)
        let changed = hunks[0].lines.filter { $0.origin != .context }
        #expect(changed.map(\.content) == ["二", "二改"])
        #expect(changed.map(\.newLine) == [nil, 2])
    }

    @Test func blameCreditsTheCommitThatWroteEachLine() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let (base, o, _) = try forked(repo, ours: "一\n二改\n三\n四\n五\n", theirs: "x\n")
        let hunks = try repo.blame(path: "f.txt", newest: o)
        let lineTwo = hunks.first { $0.startLine <= 2 && 2 < $0.startLine + $0.lineCount }
        #expect(lineTwo?.commit == o)
        #expect(hunks.first { $0.startLine == 1 }?.commit == base)
    }

    @Test func statusAndCheckoutOfTheWorkTree() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let dir = sandbox.path("repo")
        try Data("甲\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.md"))
        #expect(try repo.status().map(\.change) == [.untracked])
        let tree = try repo.stageAll()
        let first = try repo.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "one\n")
        try repo.updateReference("refs/heads/main", to: first, expecting: .absent, message: "one")
        #expect(try repo.status().isEmpty)
        let other = try repo.createCommit(tree: try repo.writeTree(applying: ["a.md": .blob(try repo.writeBlob(Array("乙\n".utf8)))], to: tree),
                                          parents: [first], author: alice, committer: alice, message: "two\n")
        try repo.updateReference("refs/heads/topic", to: other, expecting: .absent, message: "topic")
        try repo.checkout(commit: other, branch: "refs/heads/topic")
        #expect(try String(contentsOfFile: dir + "/a.md", encoding: .utf8) == "乙\n")
        #expect(try repo.headReferenceName() == "refs/heads/topic")
        // A local edit is never overwritten by a safe checkout.
        try Data("丙\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.md"))
        #expect(throws: GitError.self) { try repo.checkout(commit: first, branch: "refs/heads/main") }
        #expect(try String(contentsOfFile: dir + "/a.md", encoding: .utf8) == "丙\n")
        #expect(try repo.status().map(\.change) == [.modified])
    }

    @Test func signedObjectBuffersRoundTrip() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let tree = try repo.emptyTree()
        let content = try repo.commitContent(tree: tree, parents: [], author: alice, committer: alice, message: "signed\n")
        let fakeSignature = "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n"
        let id = try repo.createSignedCommit(content: content, signature: fakeSignature)
        let extracted = try repo.commitSignature(id)
        #expect(extracted?.signedData == content)
        #expect(extracted?.signature == String(fakeSignature.dropLast()))
        #expect(try repo.commitSignature(try repo.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "x\n")) == nil)
    }
}
