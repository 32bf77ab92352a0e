import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// A store that asks about many heads answers merge bases from one walk of main, as libgit2 would.
@Suite struct MainMergeBasesTests {
    let alice = Signature(name: "林小明", email: "alice@example.org", time: Date(timeIntervalSince1970: 1_700_000_000), timeZoneOffset: 480)

    @Test func manyQuestionsGetLibgit2sAnswersAsMainMovesOn() throws {
        let sandbox = try Sandbox("nap-main-bases")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        let store = try PlanStore.initialize(at: sandbox.path("plan"), titles: ["zh-Hant": "計畫", "en": "Plan"],
                                             period: try PlanStore.defaultPeriod(), environment: sandbox.environment())
        let repo = store.repository
        let root = try #require(try store.mainHead())
        let tree = try repo.treeID(ofCommit: root)
        func commit(_ message: String, _ parents: [ObjectID]) throws -> ObjectID {
            try repo.createCommit(tree: tree, parents: parents, author: alice, committer: alice, message: message + "\n")
        }
        var line = [root]
        for index in 1..<12 { line.append(try commit("主線 \(index)", [line[index - 1]])) }
        let proposal = try commit("提案", [line[3]])
        let proposalTwo = try commit("提案 二", [proposal])
        let withMain = try commit("併入主線", [proposalTwo, line[8]])
        let crossA = try commit("交叉甲", [line[4], line[6]])
        let crossB = try commit("交叉乙", [line[6], line[4]])
        let criss = try commit("交叉", [crossA, crossB])
        let heads = [proposal, proposalTwo, withMain, criss, line[5], line[11]]

        var main = line[11]
        for head in heads {
            #expect(try store.mergeBases(main: main, head: head) == repo.mergeBases(main, head), "head \(head.short())")
            #expect(try store.mergeBase(main: main, head: head) == repo.mergeBase(main, head), "head \(head.short())")
        }
        #expect(store.memos.mainBases.finder?.target == main, "past the threshold the answers come from one walk")
        // Main moves on with a merge of the proposal: the finder follows it.
        main = try commit("合併提案", [main, proposalTwo])
        let later = try commit("主線 之後", [main])
        for point in [main, later] {
            for head in heads {
                #expect(try store.mergeBases(main: point, head: head) == repo.mergeBases(point, head), "main \(point.short()), head \(head.short())")
            }
            #expect(store.memos.mainBases.finder?.target == point)
        }
        #expect(try store.mergeBase(main: later, head: proposalTwo) == proposalTwo)
    }
}
