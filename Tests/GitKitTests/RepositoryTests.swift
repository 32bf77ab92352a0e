import Foundation
import GitKit
import NapTestSupport
import Testing

/// A fresh repository in a sandbox, with libgit2 reading no configuration but the sandbox's.
func makeRepository(_ sandbox: Sandbox, bare: Bool = false) throws -> Repository {
    try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
    return try Repository.create(at: sandbox.path("repo"), bare: bare)
}

let alice = Signature(name: "林小明", email: "alice@example.org", time: Date(timeIntervalSince1970: 1_700_000_000), timeZoneOffset: 480)

@Suite struct RepositoryTests {
    @Test func createsRepositoryWithUnbornMain() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        #expect(repo.isHeadUnborn)
        #expect(try repo.headReferenceName() == "refs/heads/main")
        #expect(try repo.headCommitID() == nil)
        #expect(repo.workingDirectory == sandbox.path("repo") + "/")
        let head = try sandbox.gitOK(["symbolic-ref", "HEAD"], in: sandbox.path("repo"))
        #expect(head == "refs/heads/main\n")
    }

    @Test func refusesToReinitialise() throws {
        let sandbox = try Sandbox()
        _ = try makeRepository(sandbox)
        #expect(throws: GitError.self) { try Repository.create(at: sandbox.path("repo")) }
    }

    @Test func discoversFromSubfolder() throws {
        let sandbox = try Sandbox()
        _ = try makeRepository(sandbox)
        try FileManager.default.createDirectory(atPath: sandbox.path("repo/a/b"), withIntermediateDirectories: true)
        let found = try Repository.discover(from: sandbox.path("repo/a/b"))
        #expect(found.workingDirectory == sandbox.path("repo") + "/")
        #expect(throws: GitError.self) { try Repository.open(at: sandbox.path("repo/a/b")) }
    }

    @Test func notARepositoryIsNotFound() throws {
        let sandbox = try Sandbox()
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        let error = #expect(throws: GitError.self) { try Repository.discover(from: sandbox.root.path) }
        #expect(error?.isNotFound == true)
    }

    @Test func writesObjectsThatGitFsckAccepts() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let text = Array("承諾事項：完備政府資料開放\n".utf8)
        let blob = try repo.writeBlob(text)
        #expect(try repo.blobData(blob) == text)
        let tree = try repo.writeTree(applying: ["commitments/1-1.md": .blob(blob), "plan.yml": .blob(try repo.writeBlob(Array("format: 1\n".utf8)))], to: nil)
        let first = try repo.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "開始 the plan\n")
        try repo.updateReference("refs/heads/main", to: first, expecting: .absent, message: "init")
        let second = try repo.createCommit(tree: try repo.writeTree(applying: ["commitments/1-1.md": .remove], to: tree),
                                           parents: [first], author: alice, committer: alice, message: "remove\n")
        try repo.updateReference("refs/heads/main", to: second, expecting: .at(first), message: "remove")
        _ = try repo.createAnnotatedTag(name: "v1", target: second, tagger: alice, message: "第一版\n")
        try sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: sandbox.path("repo"))
        let log = try sandbox.gitOK(["log", "--format=%an|%s", "main"], in: sandbox.path("repo"))
        #expect(log == "林小明|remove\n林小明|開始 the plan\n")
        let files = try sandbox.gitOK(["ls-tree", "-r", "--name-only", "main"], in: sandbox.path("repo"))
        #expect(files == "plan.yml\n")
        #expect(try sandbox.gitOK(["cat-file", "-t", "v1"], in: sandbox.path("repo")) == "tag\n")
        let commit = try repo.commit(second)
        #expect(commit.parents == [first])
        #expect(commit.author == alice)
        // No encoding header: git assumes UTF-8.
        #expect(try repo.commitHeader(second, field: "encoding") == nil)
    }

    @Test func compareAndSwapRefusesAMovedReference() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let tree = try repo.emptyTree()
        let a = try repo.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "a\n")
        let b = try repo.createCommit(tree: tree, parents: [a], author: alice, committer: alice, message: "b\n")
        let c = try repo.createCommit(tree: tree, parents: [a], author: alice, committer: alice, message: "c\n")
        try repo.updateReference("refs/heads/x", to: a, expecting: .absent, message: "x")
        let exists = #expect(throws: GitError.self) { try repo.updateReference("refs/heads/x", to: b, expecting: .absent, message: "x") }
        #expect(exists?.isExists == true)
        try repo.updateReference("refs/heads/x", to: b, expecting: .at(a), message: "x")
        let lost = #expect(throws: GitError.self) { try repo.updateReference("refs/heads/x", to: c, expecting: .at(a), message: "x") }
        #expect(lost?.isModified == true)
        #expect(try repo.referenceTarget("refs/heads/x") == b)
    }

    @Test func validatesReferenceNames() {
        #expect(Repository.isValidReferenceName("refs/heads/proposal/開放資料"))
        #expect(!Repository.isValidReferenceName("refs/heads/proposal/a..b"))
        #expect(!Repository.isValidReferenceName("refs/heads/proposal/a b"))
        #expect(!Repository.isValidReferenceName("refs/heads/proposal/"))
    }

    @Test func treeChangesCreateAndPruneFolders() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        let blob = try repo.writeBlob([1, 2, 3])
        let t1 = try repo.writeTree(applying: ["a/b/c.txt": .blob(blob), "a/d.txt": .blob(blob)], to: nil)
        #expect(try repo.fileData(tree: t1, path: "a/b/c.txt") == [1, 2, 3])
        let t2 = try repo.writeTree(applying: ["a/b/c.txt": .remove], to: t1)
        #expect(try repo.treeEntry(t2, path: "a/b") == nil)
        #expect(try repo.treeEntry(t2, path: "a/d.txt") != nil)
        #expect(throws: GitError.self) { try repo.writeTree(applying: ["../x": .blob(blob)], to: nil) }
    }
}
