import Foundation
import GitKit
import NapTestSupport
import Testing

/// References created straight into `packed-refs` (`createPackedReferences`), read back by stock git.
@Suite struct PackedReferencesTests {
    private func commitAndTag(_ sandbox: Sandbox) throws -> (repo: Repository, commit: ObjectID, folder: String) {
        let repo = try makeRepository(sandbox)
        let folder = sandbox.path("repo")
        try "計畫\n".write(toFile: folder + "/plan.txt", atomically: true, encoding: .utf8)
        try sandbox.gitOK(["add", "plan.txt"], in: folder)
        try sandbox.gitOK(["commit", "-q", "-m", "first"], in: folder)
        try sandbox.gitOK(["tag", "-a", "v1", "-m", "第一版"], in: folder)
        try sandbox.gitOK(["branch", "loose"], in: folder)
        try sandbox.gitOK(["pack-refs", "--all"], in: folder)
        try sandbox.gitOK(["branch", "still-loose"], in: folder)
        let commit = try #require(try repo.referenceTarget("refs/heads/main"))
        return (repo, commit, folder)
    }

    @Test func newReferencesArePackedBesideTheOthers() throws {
        let sandbox = try Sandbox()
        let (repo, commit, folder) = try commitAndTag(sandbox)
        let tagBefore = try sandbox.gitOK(["rev-parse", "v1", "v1^{}"], in: folder)
        let names = (1...40).map { "refs/heads/proposal/p\($0)" } + ["refs/heads/proposal/開放資料"]
        try repo.createPackedReferences(names.map { ($0, commit) })
        for name in names { #expect(try repo.referenceTarget(name) == commit) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/.git/refs/heads/proposal"), "no loose files")
        #expect(!FileManager.default.fileExists(atPath: folder + "/.git/packed-refs.lock"))
        let listed = try sandbox.gitOK(["for-each-ref", "--format=%(refname)", "refs/heads/proposal"], in: folder)
        #expect(Set(listed.split(separator: "\n").map(String.init)) == Set(names))
        #expect(try sandbox.gitOK(["rev-parse", "v1", "v1^{}"], in: folder) == tagBefore, "the tag and its peeled line kept")
        #expect(try sandbox.gitOK(["rev-parse", "still-loose", "loose"], in: folder) == commit.hex + "\n" + commit.hex + "\n")
        #expect(try sandbox.git(["fsck", "--strict"], in: folder).status == 0)
        // git can still move and delete them.
        try sandbox.gitOK(["branch", "-D", "proposal/p1"], in: folder)
        #expect(try repo.referenceTarget("refs/heads/proposal/p1") == nil)
    }

    @Test func anythingInTheWayWritesNothing() throws {
        let sandbox = try Sandbox()
        let (repo, commit, folder) = try commitAndTag(sandbox)
        let before = try String(contentsOfFile: folder + "/.git/packed-refs", encoding: .utf8)
        let refused: [[String]] = [
            ["refs/heads/proposal/a", "refs/heads/still-loose"], // exists, loose
            ["refs/heads/proposal/a", "refs/heads/loose"], // exists, packed
            ["refs/heads/proposal/a", "refs/heads/proposal/a"], // twice
            ["refs/heads/loose/inside"], // inside a reference
            ["refs/heads/proposal/a", "refs/heads/proposal/a/b"], // one inside the other
            ["refs/heads/bad..name"], ["heads/outside"],
        ]
        for names in refused {
            #expect(throws: PackedReferencesRefused.self) { try repo.createPackedReferences(names.map { ($0, commit) }) }
        }
        // A held lock: refused, and the lock is left to whoever holds it.
        FileManager.default.createFile(atPath: folder + "/.git/packed-refs.lock", contents: Data())
        #expect(throws: PackedReferencesRefused.self) { try repo.createPackedReferences([("refs/heads/proposal/a", commit)]) }
        #expect(FileManager.default.fileExists(atPath: folder + "/.git/packed-refs.lock"))
        try FileManager.default.removeItem(atPath: folder + "/.git/packed-refs.lock")
        #expect(try String(contentsOfFile: folder + "/.git/packed-refs", encoding: .utf8) == before)
        #expect(try repo.referenceTarget("refs/heads/proposal/a") == nil)
    }
}
