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

    /// Moved forward along main as `nap verify` walks it (merges of side branches in between), and then
    /// back to an old commit, the finder answers every head as libgit2 does at each point.
    @Test func advancingAlongMainAnswersAsAFreshWalk() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        var line = [try commit(repo, "根", [])]
        var heads: [ObjectID] = []
        for index in 1..<24 {
            if index % 4 == 0 {
                let side = try commit(repo, "提案 \(index)", [line[index - 3]])
                let sideTwo = try commit(repo, "提案 \(index) 二", [side])
                heads += [side, sideTwo]
                line.append(try commit(repo, "合併 \(index)", [line[index - 1], sideTwo]))
            } else {
                line.append(try commit(repo, "主 \(index)", [line[index - 1]]))
            }
        }
        heads.append(try commit(repo, "交叉", [heads[1], line[9]]))
        let finder = try MergeBases(repository: repo, target: line[0])
        for point in line.dropFirst() + [line[6]] {
            try finder.advance(to: point)
            #expect(finder.target == point)
            for head in heads {
                #expect(try finder.mergeBases(with: head) == repo.mergeBases(point, head), "main \(point.short()), head \(head.short())")
            }
        }
    }

    /// A three-way merge over the base found gives the tree (or the conflicts) that libgit2's own merge of
    /// the two commits gives, for Chinese text changed on both sides.
    @Test func mergeOverAKnownBaseIsLibgit2sMerge() throws {
        let sandbox = try Sandbox()
        let repo = try makeRepository(sandbox)
        func write(_ files: [String: String], on parents: [ObjectID]) throws -> ObjectID {
            var changes: [String: TreeChange] = [:]
            for (path, text) in files { changes[path] = .blob(try repo.writeBlob(Array(text.utf8))) }
            let tree = try repo.writeTree(applying: changes, to: parents.first.map { try repo.treeID(ofCommit: $0) })
            return try repo.createCommit(tree: tree, parents: parents, author: alice, committer: alice, message: "x\n")
        }
        let base = try write(["a.md": "一\n二\n三\n四\n五\n", "b.md": "甲\n"], on: [])
        let ours = try write(["a.md": "一（改）\n二\n三\n四\n五\n"], on: [base])
        let clean = try write(["a.md": "一\n二\n三\n四\n五（改）\n", "c.md": "新\n"], on: [base])
        let clash = try write(["a.md": "一（另改）\n二\n三\n四\n五\n"], on: [base])
        for theirs in [clean, clash] {
            let bases = try MergeBases(repository: repo, target: ours).mergeBases(with: theirs)
            #expect(bases == [base])
            #expect(try repo.mergeCommits(ours: ours, theirs: theirs, base: base) == repo.mergeCommits(ours: ours, theirs: theirs))
            #expect(try repo.mergeCommits(ours: ours, theirs: theirs, bases: bases) == repo.mergeCommits(ours: ours, theirs: theirs))
        }
        #expect(try repo.mergeCommits(ours: ours, theirs: clash, base: base) == .conflicts(paths: ["a.md"]))
    }
}
