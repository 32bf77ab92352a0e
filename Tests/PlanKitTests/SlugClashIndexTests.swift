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
        let b = try f.open("b", at: 1_723_500_001)
        _ = try f.reopened().proposalListings()
        // Clock 1 like b's own opening, and an id below b's: it sorts first.
        var reopening: Event?
        for attempt in 0..<64 where reopening == nil {
            let event = Event(proposal: b, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_500_001), clock: 1,
                              body: .opened(slug: "a", title: "冒名 \(attempt)", description: "", base: f.main, head: f.main))
            if try EventCodec.encode(event).id < b { reopening = event }
        }
        try f.store.record.append([try #require(reopening)], by: try f.store.identity(), message: "hostile\n")

        let byFolding = try Self.clashesByFolding(f)
        #expect(byFolding["a"]?.contains(a) == true, "the fold reads b's folder as a second `a`")
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
        #expect(try !f.store.openingUnchanged(from: before, to: withSignature))
        let removed = try repository.writeTree(applying: ["events/" + opening.name: .remove], to: before)
        #expect(try !f.store.openingUnchanged(from: before, to: removed))
        #expect(try f.store.openingUnchanged(from: before, to: before))
    }
}
