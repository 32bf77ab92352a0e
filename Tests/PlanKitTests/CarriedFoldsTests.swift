import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// `CarriedFolds`: a reading of every proposal's state takes the unchanged ones from the previous
/// reading, and answers what a fresh reading does.
@Suite struct CarriedFoldsTests {
    @Test func aSecondReadingFoldsOnlyTheProposalThatChanged() throws {
        let f = try CacheFixture()
        var ids: [EventID] = []
        for index in 0..<6 { ids.append(try f.open("p\(index)", at: 1_723_500_000 + Double(index))) }
        try f.comment(on: ids[1], count: 2)
        let carried = CarriedFolds()
        let first = try f.reopened()
        first.carry(carried)
        let before = try first.allProposalStates()
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
}
