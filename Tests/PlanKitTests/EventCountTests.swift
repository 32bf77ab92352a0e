import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// What a push of the record reports it sent: many files are counted on a thread of their own while the
/// push runs, a few after it; both say what counting each file says, and only the files sent count.
@Suite struct EventCountTests {
    @Test func manyFilesAreCountedOnTheirOwnThreadAsOneByOne() throws {
        let f = try CacheFixture()
        let first = try f.open("first")
        try f.comment(on: first, count: 180)
        let before = try #require(try f.store.record.head())
        let second = try f.open("second", at: 1_723_500_100)
        try f.comment(on: second, count: 250)
        try f.comment(on: first, count: 20, clock: 182)
        let store = try f.reopened()
        let head = try #require(try store.record.head())
        let tree = try #require(try store.record.tree())
        let all = try store.record.addedFiles(from: nil, to: tree)
        let counting = try #require(SentEventCount.start(all, of: head, gitDirectory: store.repository.gitDirectory))
        #expect(counting.commit == head)
        let counted = try #require(counting.wait())
        #expect(counted == (try store.record.count(all)))
        #expect(counted.proposals == 2 && counted.comments == 450)
        #expect(counted.events == all.keys.filter { $0.hasSuffix(".json") }.count)
        // Waiting again gives the same answer.
        #expect(counting.wait() == counted)
        // Only what one tree adds to another: the first proposal's later comments and the second proposal.
        let added = try store.record.addedFiles(from: try store.repository.treeID(ofCommit: before), to: tree)
        let addedCount = try #require(SentEventCount.start(added, of: head, gitDirectory: store.repository.gitDirectory)?.wait())
        #expect(addedCount == (try store.record.count(added)))
        #expect(addedCount.proposals == 1 && addedCount.comments == 270)
        // A few files are left to the caller.
        let few = Dictionary(uniqueKeysWithValues: added.sorted { $0.key < $1.key }.prefix(10).map { ($0.key, $0.value) })
        #expect(SentEventCount.start(few, of: head, gitDirectory: store.repository.gitDirectory) == nil)
        // A repository that cannot be opened: no count, and the caller counts.
        #expect(SentEventCount.start(all, of: head, gitDirectory: f.sandbox.path("nowhere"))?.wait() == nil)
    }
}
