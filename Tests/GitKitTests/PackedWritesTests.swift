import Foundation
import GitKit
import NapTestSupport
import Testing

/// `Repository.writingOnePack`: objects written in memory land as one pack that stock git reads.
@Suite struct PackedWritesTests {
    @Test func objectsLandAsOnePackThatGitReads() throws {
        let sandbox = try Sandbox()
        let path = try makeRepository(sandbox).workingDirectory ?? sandbox.path("repo")
        let repo = try Repository.open(at: path)
        try repo.setConfig("pack.deltaCacheSize", "64m")
        let heads = try Repository.writingOnePack(at: path) { repository -> [ObjectID] in
            var parent: ObjectID?
            var heads: [ObjectID] = []
            for index in 0..<30 {
                let blob = try repository.writeBlob(Array("第 \(index) 版：開放政府國家行動方案\n".utf8))
                let tree = try repository.writeTree(applying: ["commitments/1-1.md": .blob(blob)], to: nil)
                let commit = try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: alice, committer: alice,
                                                         message: "Draft \(index)\n")
                parent = commit
                heads.append(commit)
            }
            try repository.updateReference("refs/heads/main", to: heads[29], expecting: .any, message: "test")
            return heads
        }
        let counts = try sandbox.gitOK(["count-objects", "-v"], in: path)
        #expect(counts.contains("count: 0\n"))
        #expect(counts.contains("packs: 1\n"))
        #expect(counts.contains("in-pack: 120\n"))  // 30 commits, 30 root trees, 30 commitments/ trees, 30 blobs
        _ = try sandbox.gitOK(["fsck", "--strict", "--no-dangling"], in: path)
        #expect(try sandbox.gitOK(["rev-list", "--count", "main"], in: path) == "30\n")
        #expect(try sandbox.gitOK(["show", "\(heads[4].hex):commitments/1-1.md"], in: path) == "第 4 版：開放政府國家行動方案\n")
        // The repository's own pack setting is as it was.
        #expect(try sandbox.gitOK(["config", "--local", "pack.deltaCacheSize"], in: path) == "64m\n")
    }

    @Test func aFailingWriterStillLeavesNoDanglingReference() throws {
        struct Stop: Error {}
        let sandbox = try Sandbox()
        let path = try makeRepository(sandbox).workingDirectory ?? sandbox.path("repo")
        #expect(throws: Stop.self) {
            try Repository.writingOnePack(at: path) { repository in
                let blob = try repository.writeBlob(Array("text\n".utf8))
                let tree = try repository.writeTree(applying: ["a.md": .blob(blob)], to: nil)
                let commit = try repository.createCommit(tree: tree, parents: [], author: alice, committer: alice, message: "One\n")
                try repository.updateReference("refs/heads/main", to: commit, expecting: .any, message: "test")
                throw Stop()
            }
        }
        _ = try sandbox.gitOK(["fsck", "--strict"], in: path)
        #expect(try sandbox.gitOK(["cat-file", "-t", "main:a.md"], in: path) == "blob\n")
        // The setting used while packing is gone again (git exits 1 when no key matches).
        #expect(try sandbox.git(["config", "--local", "--get-regexp", "^pack\\."], in: path).status == 1)
    }
}
