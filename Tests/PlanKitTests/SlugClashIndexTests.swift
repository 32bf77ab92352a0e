import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// `openProposalsSharingSlugs`: sync's check for two open proposals with one name, from the index as it
/// stands. It must find what folding every proposal finds, while a proposal that only gained comments
/// since it was indexed is not folded unless its name is shared.
@Suite struct SlugClashIndexTests {
    /// The clashes found by folding every proposal: ids of the open proposals per shared slug.
    static func clashesByFolding(_ f: CacheFixture) throws -> [String: Set<EventID>] {
        var open: [String: Set<EventID>] = [:]
        for (_, state) in try f.reopened().allProposalStates() where state.status.name == "open" {
            open[state.slug, default: []].insert(state.id)
        }
        return open.filter { $0.value.count > 1 }
    }

    static func clashesFromIndex(_ store: PlanStore) throws -> [String: Set<EventID>] {
        try store.openProposalsSharingSlugs().mapValues { Set($0.map(\.id)) }
    }

    @Test func aCommentedProposalIsFoldedOnlyWhenItsNameIsShared() throws {
        let f = try CacheFixture()
        let a1 = try f.open("a", at: 1_723_500_000)
        let a2 = try f.open("a", at: 1_723_500_001)
        let b = try f.open("b", at: 1_723_500_002)
        _ = try f.reopened().proposalListings() // the index, stored
        try f.comment(on: a1, count: 2)
        try f.comment(on: b, count: 1)

        let store = try f.reopened()
        let found = try Self.clashesFromIndex(store)
        #expect(found == (try Self.clashesByFolding(f)))
        #expect(found == ["a": [a1, a2]])
        // The check stored no new index (it folded a1 only, for the clash): the next command brings it up to date.
        let key = try #require(store.derivedCache.linesKey("proposals"))
        let tree = try #require(try store.record.tree())
        #expect(!key.hasPrefix(tree.hex))
        try f.expectListingMatchesFold()
    }

    @Test func aWithdrawnProposalLeavesTheClash() throws {
        let f = try CacheFixture()
        // Unsigned, the public author's withdrawal counts only where the policy does not require signatures.
        let planFile = (f.store.root as NSString).appendingPathComponent("plan.yml")
        let plan = try String(contentsOfFile: planFile, encoding: .utf8)
        #expect(plan.contains("\n  require-signatures: true\n"))
        try plan.replacingOccurrences(of: "\n  require-signatures: true\n", with: "\n  require-signatures: false\n")
            .write(toFile: planFile, atomically: true, encoding: .utf8)
        try f.sandbox.gitOK(["commit", "-q", "-am", "relax the policy"], in: f.store.root)
        let a1 = try f.open("a", at: 1_723_500_000)
        _ = try f.open("a", at: 1_723_500_001)
        _ = try f.reopened().proposalListings() // the index, stored: a1's entry says open
        #expect(try Self.clashesFromIndex(try f.reopened()).count == 1)
        let withdrawal = Event(proposal: a1, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_600_000), clock: 2,
                               body: .withdrawn(reason: "試試看"))
        try f.store.record.append([withdrawal], by: try f.store.identity(), message: "withdraw\n")
        let found = try Self.clashesFromIndex(try f.reopened())
        #expect(found.isEmpty)
        #expect(found == (try Self.clashesByFolding(f)))
    }

    /// A hostile record adds to proposal b's folder an event that opens it again under another name, and
    /// sorts first: the fold now names it `a`. Its stored name must not be trusted.
    @Test func aFolderThatGainedAnOpeningIsFoldedAgain() throws {
        let f = try CacheFixture()
        let a = try f.open("a", at: 1_723_500_000)
        // b's opening gets an id in the upper half and the hostile one, with the same clock, an id in the
        // lower half, so that it sorts first (each found within 64 tries but with odds of 2^-64).
        var opening: Event?
        for attempt in 0..<64 where opening == nil {
            let event = Event(proposal: nil, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_500_001), clock: 1,
                              body: .opened(slug: "b", title: "標題 b \(attempt)", description: "", base: f.main, head: f.main))
            if try EventCodec.encode(event).id >= "8" { opening = event }
        }
        let bOpening = try #require(opening)
        let appended = try f.store.record.append([bOpening], by: try f.store.identity(), message: "open b\n")
        let b = try #require(appended.first)
        _ = try f.reopened().proposalListings()
        var reopening: Event?
        for attempt in 0..<64 where reopening == nil {
            let event = Event(proposal: b, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_500_001), clock: 1,
                              body: .opened(slug: "a", title: "冒名 \(attempt)", description: "", base: f.main, head: f.main))
            if try EventCodec.encode(event).id < "8" { reopening = event }
        }
        try f.store.record.append([try #require(reopening)], by: try f.store.identity(), message: "hostile\n")

        let byFolding = try Self.clashesByFolding(f)
        #expect(byFolding["a"]?.contains(a) == true, "the fold reads b's folder as a second `a`")
        #expect(try Self.clashesFromIndex(try f.reopened()) == byFolding)
    }

    /// An opening that names a head not here yet is quarantined when that object arrives as a blob; a
    /// second opening in the folder then names the proposal. Its stored name must not be trusted.
    @Test func anOpeningWhoseHeadArrivesAsABlobIsFoldedAgain() throws {
        let f = try CacheFixture()
        let content = f.sandbox.path("later.txt")
        try "arrives later\n".write(toFile: content, atomically: true, encoding: .utf8)
        let absent = try #require(ObjectID(hex: try f.sandbox.gitOK(["hash-object", content], in: f.store.root).trimmingCharacters(in: .whitespacesAndNewlines)))
        let opening = Event(proposal: nil, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_500_000), clock: 1,
                            body: .opened(slug: "a", title: "標題 a", description: "", base: f.main, head: absent))
        let p = try #require(try f.store.record.append([opening], by: try f.store.identity(), message: "open a\n").first)
        let second = Event(proposal: p, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_500_001), clock: 2,
                           body: .opened(slug: "b", title: "標題 b", description: "", base: f.main, head: f.main))
        try f.store.record.append([second], by: try f.store.identity(), message: "open b\n")
        let b = try f.open("b", at: 1_723_500_002)
        let indexing = try f.reopened()
        _ = try indexing.indexedProposals(in: try indexing.record.tree()) // the index, stored: p is `a`
        #expect(try Self.clashesByFolding(f).isEmpty, "p is named a while its head is absent")

        _ = try f.sandbox.gitOK(["hash-object", "-w", content], in: f.store.root)
        try f.comment(on: p, count: 1, clock: 3)
        let byFolding = try Self.clashesByFolding(f)
        // The blob quarantines the first opening; the second (its own id) names the proposal `b`.
        #expect(byFolding["b"]?.count == 2 && byFolding["b"]?.contains(b) == true && byFolding["b"]?.contains(p) == false)
        #expect(try Self.clashesFromIndex(try f.reopened()) == byFolding)
    }

    /// A signature added for an event already there can change how that event is read: folded again.
    @Test func openingUnchangedRefusesRemovedChangedAndLateSignatureFiles() throws {
        let f = try CacheFixture()
        let b = try f.open("b")
        let repository = f.store.repository
        let tree = try #require(try f.store.record.tree())
        let before = try #require(try f.store.record.subtree(Record.folder(of: b), in: tree))
        let events = try #require(try repository.treeEntry(before, path: "events"))
        let opening = try #require(try repository.treeEntries(events.id).first)
        let blob = try repository.writeBlob(Array("signature".utf8))
        let changes: [String: TreeChange] = ["events/" + opening.name.dropLast(5) + ".sig": .blob(blob)]
        let withSignature = try repository.writeTree(applying: changes, to: before)
        #expect(try !f.store.openingUnchanged(from: before, to: withSignature, proposal: b))
        let removed = try repository.writeTree(applying: ["events/" + opening.name: .remove], to: before)
        #expect(try !f.store.openingUnchanged(from: before, to: removed, proposal: b))
        #expect(try f.store.openingUnchanged(from: before, to: before, proposal: b))
    }
}
