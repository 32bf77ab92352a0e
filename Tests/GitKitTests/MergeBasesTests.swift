import Foundation
import GitKit
import NapTestSupport
import Testing

@Suite struct MergeBasesTests {
    /// A commit with a file whose text is `name`, on `parents`.
    func commit(_ repo: Repository, _ name: String, _ parents: [ObjectID]) throws -> ObjectID {
        let tree = try repo.writeTree(applying: ["f.txt": .blob(try repo.writeBlob(Array((name + "\n").utf8)))], to: nil)
        return try repo.createCommit(tree: tree, parents: parents, author: alice, committer: alice, message: name + "\n")
    }

    /// Every shape a proposal head takes against main gets libgit2's own answer: a branch off an old main
    /// commit, a merged one (inside main), one that merged main into itself, a criss-cross, a history of
    /// its own, and main itself.
    @Test func answerAsLibgit2Does() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        var line = [try commit(repo, "根", [])]
        for index in 1..<30 { line.append(try commit(repo, "主 \(index)", [line[index - 1]])) }
        // Merged into main at 20: a side line from 10.
        let side1 = try commit(repo, "側一", [line[10]])
        let side2 = try commit(repo, "側二", [side1])
        let mainMerge = try commit(repo, "合併", [line[29], side2])
        let main = try commit(repo, "主 最新", [mainMerge])

        let plain = try commit(repo, "提案", [line[5]])
        let plainTwo = try commit(repo, "提案二", [plain])
        let mergedMain = try commit(repo, "併入主線", [plainTwo, line[25]])
        let crossA = try commit(repo, "交叉甲", [line[12], line[14]])
        let crossB = try commit(repo, "交叉乙", [line[14], line[12]])
        let criss = try commit(repo, "交叉", [crossA, crossB])
        let ownRoot = try commit(repo, "另一段歷史", [])
        let own = try commit(repo, "另一段歷史 二", [ownRoot])
        let onSide = try commit(repo, "在側線上", [side1])

        let finder = try MergeBases(repository: repo, target: main)
        let heads = [plain, plainTwo, mergedMain, crossA, crossB, criss, ownRoot, own, onSide, side2, line[3], main, mainMerge]
        for head in heads {
            #expect(try finder.mergeBase(with: head) == repo.mergeBase(main, head), "head \(head.short())")
        }
        #expect(try finder.mergeBase(with: plainTwo) == line[5])
        #expect(try finder.mergeBase(with: own) == nil)
        #expect(try finder.mergeBase(with: side2) == side2)
        #expect(try repo.parentIDs(of: mergedMain) == [plainTwo, line[25]])
    }
}
