import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// `CarriedFolds`: a reading of every proposal's state takes the unchanged ones from the previous
/// reading, and answers what a fresh reading does.
@Suite struct CarriedFoldsTests {
    /// A plan of `count` proposals, two comments on the one at `commented`, read once by a store that
    /// carries its folds.
    static func firstReading(of count: Int, commented: Int) throws
        -> (f: CacheFixture, ids: [EventID], carried: CarriedFolds, states: [(id: EventID, state: ProposalState)]) {
        let f = try CacheFixture()
        var ids: [EventID] = []
        for index in 0..<count { ids.append(try f.open("p\(index)", at: 1_723_500_000 + Double(index))) }
        try f.comment(on: ids[commented], count: 2)
        let carried = CarriedFolds()
        let first = try f.reopened()
        first.carry(carried)
        return (f, ids, carried, try first.allProposalStates())
    }

    @Test func aSecondReadingFoldsOnlyTheProposalThatChanged() throws {
        let (f, ids, carried, before) = try Self.firstReading(of: 6, commented: 1)
        #expect(before.count == 6)
        #expect(before.first { $0.id == ids[1] }?.state.comments.count == 2)
        #expect(carried.lastReused == 0)

        // One proposal gains a comment: the next store folds it alone, and reads what a fresh store reads.
        try f.comment(on: ids[4], count: 1)
        let second = try f.reopened()
        second.carry(carried)
        let after = try second.allProposalStates()
        #expect(carried.lastReused == 5)
        let fresh = try f.reopened().allProposalStates()
        #expect(after.map(\.id) == fresh.map(\.id))
        #expect(after.map(\.state) == fresh.map(\.state))
        #expect(after.first { $0.id == ids[4] }?.state.comments.count == 1)

        // Main moves (what the judge reads from it may differ): everything is folded again.
        try f.sandbox.gitOK(["commit", "-q", "--allow-empty", "-m", "main moves"], in: f.store.root)
        let third = try f.reopened()
        third.carry(carried)
        #expect(try third.allProposalStates().map(\.state) == (try f.reopened().allProposalStates()).map(\.state))
        #expect(carried.lastReused == 0)
    }

    /// A hostile record moves a proposal's folder under another fan-out name (listed, with the same tree
    /// id, but not where its events are read): the carried reading shows what a fresh one shows, not the
    /// fold of the folder that is gone.
    @Test func aFolderPlantedElsewhereIsNotTakenForTheOneThatWent() throws {
        let (f, ids, carried, before) = try Self.firstReading(of: 4, commented: 2)
        #expect(before.contains { $0.id == ids[2] })

        let repository = f.store.repository
        let tree = try #require(try f.store.record.tree())
        let real = Record.directory(of: ids[2])
        let events = try #require(try repository.treeEntry(tree, path: real))
        var changes: [String: TreeChange] = [Record.folder(of: ids[2]): .remove]
        for entry in try repository.treeEntries(events.id) {
            changes["proposals/\(ids[2].prefix(3))/\(ids[2])/events/\(entry.name)"] = .blob(entry.id)
        }
        let planted = try repository.writeTree(applying: changes, to: tree)
        let head = try #require(try f.store.record.head())
        let who = try f.store.identity()
        let commit = try repository.createCommit(tree: planted, parents: [head], author: who, committer: who, message: "planted\n")
        try repository.updateReference(RefNames.record, to: commit, expecting: .at(head), message: "test")

        let second = try f.reopened()
        second.carry(carried)
        let after = try second.allProposalStates()
        let fresh = try f.reopened().allProposalStates()
        #expect(after.map(\.id) == fresh.map(\.id))
        #expect(after.map(\.state) == fresh.map(\.state))
        #expect(!after.contains { $0.id == ids[2] && $0.state.comments.count == 2 }, "the fold of the folder that went is shown")
    }
}
