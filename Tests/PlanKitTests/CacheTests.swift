import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// A plan with a few proposals in its record, for the cache of derived state (`.git/nap/cache/`).
struct CacheFixture {
    let sandbox: Sandbox
    let store: PlanStore
    let main: ObjectID
    static let author = EventAuthor(name: "王向榮", email: "wang@g0v.example", member: nil, sector: "public", role: nil)

    init() throws {
        sandbox = try Sandbox("nap-cache")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        store = try PlanStore.initialize(at: sandbox.path("plan"), titles: ["zh-Hant": "計畫", "en": "Plan"],
                                         period: try PlanStore.defaultPeriod(), environment: sandbox.environment())
        main = try #require(try store.mainHead())
    }

    /// The plan opened anew, as the next command would (a store keeps what it derived for its life).
    func reopened() throws -> PlanStore { try PlanStore.open(at: store.root) }

    var cacheFolder: URL { URL(fileURLWithPath: store.repository.gitDirectory).appendingPathComponent("nap/cache") }

    /// Opens a proposal (its branch and its opening event) and returns its id.
    @discardableResult
    func open(_ slug: String, at time: TimeInterval = 1_723_500_000) throws -> EventID {
        let event = Event(proposal: nil, author: Self.author, time: Date(timeIntervalSince1970: time), clock: 1,
                          body: .opened(slug: slug, title: "標題 \(slug)", description: "", base: main, head: main))
        try store.repository.updateReference(RefNames.proposal(slug), to: main, expecting: .any, message: "test")
        return try #require(try store.record.append([event], by: try store.identity(), message: "open \(slug)\n").first)
    }

    /// Adds `count` comments to a proposal; returns the record's new head.
    @discardableResult
    func comment(on proposal: EventID, count: Int, clock: Int = 2) throws -> ObjectID {
        let events = (0..<count).map { index in
            Event(proposal: proposal, author: Self.author, time: Date(timeIntervalSince1970: 1_723_600_000 + Double(index)), clock: clock + index,
                  body: .comment(body: "意見 \(index) on \(proposal.prefix(8))", anchor: nil, replyTo: nil))
        }
        try store.record.append(events, by: try store.identity(), message: "comments\n")
        return try #require(try store.record.head())
    }

    /// What the listing says, compared field by field with the full fold of every proposal.
    func expectListingMatchesFold(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let listings = try store.proposalListings()
        let full = try store.proposals()
        #expect(listings.map(\.slug) == full.map(\.slug), sourceLocation: sourceLocation)
        for (listing, summary) in zip(listings, full) {
            #expect(listing.id == summary.id, sourceLocation: sourceLocation)
            #expect(listing.title == summary.title, sourceLocation: sourceLocation)
            #expect(listing.statusName == summary.statusName, sourceLocation: sourceLocation)
            #expect(listing.head == summary.head, sourceLocation: sourceLocation)
            #expect(listing.commentCount == (summary.state?.comments.count ?? 0), sourceLocation: sourceLocation)
            let inputs = summary.state.map { PlanStore.unansweredInputs(in: $0) } ?? []
            #expect(listing.unansweredCount == inputs.count, sourceLocation: sourceLocation)
            if summary.statusName != "withdrawn" { #expect(listing.unanswered == inputs, sourceLocation: sourceLocation) }
            #expect(listing.changedCommitments == summary.changedCommitments, sourceLocation: sourceLocation)
            #expect(listing.changedFiles == summary.changedFiles, sourceLocation: sourceLocation)
            #expect(listing.currentApprovals.map(\.id) == summary.currentApprovals.map(\.id), sourceLocation: sourceLocation)
        }
    }
}

@Suite struct CacheTests {
    @Test func theCacheIsRebuiltAfterItIsDeleted() throws {
        let f = try CacheFixture()
        let first = try f.open("open-data")
        try f.open("lobbying", at: 1_723_500_100)
        try f.comment(on: first, count: 3)
        let before = try f.store.proposalListings()
        let files = try FileManager.default.contentsOfDirectory(atPath: f.cacheFolder.path).sorted()
        #expect(files.contains("proposals.v\(DerivedStateCache.formatVersion).txt"))
        #expect(files.contains("changes.v\(DerivedStateCache.formatVersion).txt"))

        try FileManager.default.removeItem(at: f.cacheFolder)
        let after = try f.reopened().proposalListings()
        #expect(after.map(\.slug) == before.map(\.slug))
        #expect(after.map(\.commentCount) == [3, 0])
        #expect(FileManager.default.fileExists(atPath: f.cacheFolder.appendingPathComponent("proposals.v\(DerivedStateCache.formatVersion).txt").path))
        try f.expectListingMatchesFold()
    }

    @Test func plainGitMovingTheRecordIsSeen() throws {
        let f = try CacheFixture()
        let id = try f.open("open-data")
        try f.open("lobbying", at: 1_723_500_100)
        let few = try f.comment(on: id, count: 2)
        let many = try f.comment(on: id, count: 5, clock: 4)
        // The cache is written for the record with seven comments ...
        #expect(try f.store.proposalListings().first?.commentCount == 7)
        // ... then stock git moves the record back, and forward again, as a fetch or a pull would.
        try f.sandbox.gitOK(["update-ref", "refs/heads/nap/record", few.hex], in: f.store.root)
        #expect(try f.store.proposalListings().first?.commentCount == 2)
        #expect(try f.store.proposal(named: "open-data").state?.comments.count == 2)
        try f.sandbox.gitOK(["update-ref", "refs/heads/nap/record", many.hex], in: f.store.root)
        #expect(try f.store.proposalListings().first?.commentCount == 7)
        try f.expectListingMatchesFold()

        // A copy of the plan adds a comment; `git fetch` brings the longer record here.
        let copy = f.sandbox.path("copy")
        try f.sandbox.gitOK(["clone", "-q", "--no-local", f.store.root, copy], in: f.sandbox.root.path)
        try f.sandbox.gitOK(["fetch", "-q", "origin", "nap/record:nap/record"], in: copy)
        let other = Record(repository: try Repository.open(at: copy))
        let event = Event(proposal: id, author: CacheFixture.author, time: Date(timeIntervalSince1970: 1_723_700_000), clock: 8,
                          body: .comment(body: "來自另一份副本", anchor: nil, replyTo: nil))
        try other.append([event], by: try f.store.identity(), message: "comment elsewhere\n")
        try f.sandbox.gitOK(["fetch", "-q", copy, "+refs/heads/nap/record:refs/heads/nap/record"], in: f.store.root)
        #expect(try f.store.proposalListings().first?.commentCount == 8)
        try f.expectListingMatchesFold()
    }

    @Test func aNewProposalBranchAndANewMainAreSeen() throws {
        let f = try CacheFixture()
        try f.open("open-data")
        #expect(try f.store.proposalListings().map(\.slug) == ["open-data"])
        // A branch pushed with plain git, without a record, and a draft on it.
        try f.sandbox.gitOK(["branch", "proposal/plain-git", "main"], in: f.store.root)
        try f.sandbox.gitOK(["switch", "-q", "proposal/plain-git"], in: f.store.root)
        try Data("# 新的治理規則\n".utf8).write(to: URL(fileURLWithPath: f.store.root + "GOVERNANCE.md"))
        try f.sandbox.gitOK(["commit", "-q", "-am", "draft"], in: f.store.root)
        let listings = try f.store.proposalListings()
        #expect(listings.map(\.slug) == ["open-data", "plain-git"])
        #expect(listings.last?.hasRecord == false)
        #expect(listings.last?.changedFiles == ["GOVERNANCE.md"])
        try f.expectListingMatchesFold()
    }

    @Test func aCorruptOrForeignCacheFileIsIgnored() throws {
        let f = try CacheFixture()
        let id = try f.open("open-data")
        try f.comment(on: id, count: 2)
        _ = try f.store.proposalListings()
        let names = try FileManager.default.contentsOfDirectory(atPath: f.cacheFolder.path).filter { !$0.hasPrefix(".") }
        #expect(!names.isEmpty)
        for name in names {
            try Data("{ not a cache file\n\t\\".utf8).write(to: f.cacheFolder.appendingPathComponent(name))
        }
        #expect(try f.reopened().proposalListings().first?.commentCount == 2)
        try f.expectListingMatchesFold()
        #expect(try f.store.detail(of: "open-data").state.comments.count == 2)

        // A truncated file, and one of another format version, are never trusted, even with the current
        // ids inside.
        let url = f.cacheFolder.appendingPathComponent("proposals.v\(DerivedStateCache.formatVersion).txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("標題 open-data"))
        try Data(text.replacingOccurrences(of: "標題 open-data", with: "forged").dropLast(5).utf8).write(to: url)
        #expect(try f.reopened().proposalListings().first?.title == "標題 open-data")
        let forged = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\tproposals\t\(DerivedStateCache.version)\t", with: "\tproposals\t999\t")
            .replacingOccurrences(of: "標題 open-data", with: "forged")
        #expect(forged.contains("\tproposals\t999\t"))
        try Data(forged.utf8).write(to: url)
        #expect(try f.reopened().proposalListings().first?.title == "標題 open-data")
    }

    @Test func namesResolveAsBeforeWithoutFoldingEveryProposal() throws {
        let f = try CacheFixture()
        let id = try f.open("open-data")
        try f.open("lobbying", at: 1_723_500_100)
        try f.comment(on: id, count: 2)
        #expect(try f.store.proposal(named: "open-data").id == id)
        #expect(try f.store.proposal(named: String(id.prefix(6))).slug == "open-data")
        #expect(throws: PlanError.self) { try f.store.proposal(named: "missing") }
        // Commenting reads the cached digest (clock, head) and writes what the full fold would.
        let comment = try f.store.comment(on: "open-data", body: "請補充時程")
        let state = try f.store.currentState(of: id)
        #expect(state.comments.last?.id == comment)
        #expect(state.clock == 4)
        let found = try #require(try f.store.locateComment(String(comment.prefix(8))))
        #expect(found.comment.id == comment)
    }
    /// After new comments, only the new event files are decoded; the result is what the record reader
    /// gives, and a file renamed (same bytes, another name) is still reported, not taken from the cache.
    @Test func eventsAreDecodedIncrementallyAndStayExact() throws {
        let f = try CacheFixture()
        let id = try f.open("open-data")
        try f.comment(on: id, count: 3)
        let first = try f.store.cachedEvents(of: id)
        #expect(first.events.map(\.id) == (try f.store.record.events(of: id).events.map(\.id)))
        try f.comment(on: id, count: 2, clock: 10)
        let second = try f.store.cachedEvents(of: id)
        let fresh = try f.store.record.events(of: id)
        #expect(second.events.count == 6)
        #expect(second.events == fresh.events)
        let cacheFile = f.cacheFolder.appendingPathComponent("events-\(id).v\(DerivedStateCache.formatVersion).txt")
        let text = try String(contentsOf: cacheFile, encoding: .utf8)
        #expect(text.components(separatedBy: "\nB\t").count - 1 == 6)
        // The same bytes under a wrong name, written with plain git plumbing: reported as the reader does.
        let events = try #require(try f.store.record.tree())
        let folder = Record.directory(of: id)
        let folderEntry = try #require(try f.store.repository.treeEntry(events, path: folder))
        let entry = try #require(try f.store.repository.treeEntries(folderEntry.id).first { $0.name.hasSuffix(".json") })
        let renamed = String(repeating: "0", count: 64) + ".json"
        let tree = try f.store.repository.writeTree(applying: [folder + "/" + renamed: .blob(entry.id)], to: events)
        let head = try #require(try f.store.record.head())
        let who = try f.store.identity()
        let commit = try f.store.repository.createCommit(tree: tree, parents: [head], author: who, committer: who, message: "renamed copy\n")
        try f.store.repository.updateReference(RefNames.record, to: commit, expecting: .at(head), message: "test")
        let third = try f.store.cachedEvents(of: id)
        let reread = try f.store.record.events(of: id)
        #expect(third.events == reread.events)
        #expect(third.problems.map(\.localizedDescription) == reread.problems.map(\.localizedDescription))
        #expect(third.problems.count == 1)
    }

    /// The index of digests written by one listing is what the next one reads: it is neither folded nor
    /// written again (the slug, opening time and status are read from their fields without decoding the
    /// rest, so the fields must be where the digest writes them — including for an author with a host).
    @Test func aStoredIndexIsReadBackWithoutFoldingAgain() throws {
        let f = try CacheFixture()
        let id = try f.open("open-data")
        try f.open("lobbying", at: 1_723_500_100)
        try f.comment(on: id, count: 2)
        let first = try f.store.proposalListings()
        let index = f.cacheFolder.appendingPathComponent("proposals.v\(DerivedStateCache.formatVersion).txt")
        let before = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let second = try f.store.proposalListings()
        #expect(second.map(\.slug) == first.map(\.slug))
        let after = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date
        #expect(before == after, "the stored index was judged unreadable and rewritten")
        // The outline fields are where the digest writes them, for an author attested by a host too.
        var hosted = CacheFixture.author
        hosted.attestation = .host("web")
        let state = try #require(try f.store.proposals().first { $0.id == id }?.state)
        var records = ProposalDigest(state).records
        records[0] = Array(records[0].prefix(4)) + CacheFields.author(hosted) + Array(records[0].dropFirst(4 + CacheFields.authorFieldCount))
        #expect(try ProposalDigest(records: ArraySlice(records)).author.host == "web")
        let data = CacheLines.encode(name: "proposals", version: "3/1", key: "k", records: records)
        let file = try #require(CacheLineFile(data, name: "proposals", version: "3/1"))
        let entry = try #require(IndexedProposal(id: id, subtree: f.main, file: file, lines: 0..<file.count))
        #expect(try entry.digest()?.author.host == "web")
        #expect(entry.outline?.slug == "open-data")
        #expect(entry.outline?.status == "open")
        #expect(entry.outline?.opened == Date(timeIntervalSince1970: 1_723_500_000))
    }

    /// The commitments kept under a tree id are what the validator loads from that tree, without their
    /// prose, and a file that damages the cache only makes nap load them again.
    @Test func keptCommitmentOutlinesAreTheLoadedOnes() throws {
        let f = try CacheFixture()
        let loaded = try f.store.contents(at: f.main).commitments.map { commitment -> Commitment in
            var outline = commitment
            outline.sections = []
            return outline
        }
        #expect(try f.store.commitmentOutlines(at: f.main) == loaded)
        let tree = try f.store.repository.treeID(ofCommit: f.main).hex
        let file = f.cacheFolder.appendingPathComponent("commitments-\(tree).v\(DerivedStateCache.formatVersion).json")
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(try f.store.commitmentOutlines(at: f.main) == loaded)
        try Data("{\"format\": 1, \"payload\": [".utf8).write(to: file)
        #expect(try f.store.commitmentOutlines(at: f.main) == loaded)
    }

    /// Kept pieces of text: read back whole, never from a file cut short or of another format, never
    /// under a key that is not a hex digest (a key is a file name); `keepOnly` removes the rest.
    @Test func keptTextsAreWholeOrNothing() throws {
        let f = try CacheFixture()
        let texts = f.store.derivedTexts("site-test").folder("responses.csv")
        let key = KeyDigest.of(["a"]), other = KeyDigest.of(["b"])
        #expect(texts.text(key) == nil)
        texts.store("第一列\r\n", key: key)
        texts.store("second\r\n", key: other)
        #expect(texts.text(key) == "第一列\r\n")
        #expect(texts.text(key) { "made again" } == "第一列\r\n")
        for hostile in ["../../../escape", "ABC", "", "a/b"] {
            texts.store("x", key: hostile)
            #expect(texts.text(hostile) == nil)
        }
        let folder = f.cacheFolder.appendingPathComponent("site-test/responses.csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [key + ".txt", other + ".txt"].sorted())
        let file = folder.appendingPathComponent(key + ".txt")
        let data = try Data(contentsOf: file)
        try data.prefix(data.count - 1).write(to: file)
        #expect(texts.text(key) == nil)
        #expect(texts.text(key) { "made again" } == "made again")
        texts.keepOnly([key])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [key + ".txt"])
        #expect(texts.text(key) == "made again")
    }

    /// The development section's counts, made without the report, are the report's own.
    @Test func responseCountsAreTheReportsCounts() throws {
        let f = try CacheFixture()
        let first = try f.open("open-data")
        let second = try f.open("lobbying", at: 1_723_500_100)
        try f.comment(on: first, count: 3)
        try f.comment(on: second, count: 2, clock: 5)
        _ = try f.store.comment(on: "open-data", body: "請補充時程")
        let report = try f.store.responseReport(until: "main")
        let counts = try f.store.responseCounts(until: "main")
        #expect(counts.total == report.inputs.count)
        var bySector: [String: Int] = [:], byDisposition: [String: Int] = [:]
        for input in report.inputs {
            bySector[input.sector, default: 0] += 1
            if let response = input.response { byDisposition[response.disposition.rawValue, default: 0] += 1 } else if input.isOwedResponse { byDisposition["none", default: 0] += 1 }
        }
        #expect(counts.bySector == bySector)
        #expect(counts.byDisposition == byDisposition)
        #expect(counts.total >= 5, "the proposals and their comments up to main's time")
    }

    /// Seventy proposals (more than the site's parallel reading and the counts' whole-record fold wait
    /// for), one with a misnamed event file: read on two threads, each proposal's events and problems are
    /// what one thread reads, from the record and then from the cache; the counts are the report's.
    @Test func readingOnTwoThreadsIsReadingOnOne() throws {
        let f = try CacheFixture()
        var ids: [EventID] = []
        for index in 0..<70 { ids.append(try f.open("p\(index)", at: 1_723_500_000 + Double(index))) }
        for id in ids.prefix(5) { try f.comment(on: id, count: 2) }
        let tree = try #require(try f.store.record.tree())
        let folder = Record.directory(of: ids[3])
        let folderEntry = try #require(try f.store.repository.treeEntry(tree, path: folder))
        let entry = try #require(try f.store.repository.treeEntries(folderEntry.id).first { $0.name.hasSuffix(".json") })
        let renamed = try f.store.repository.writeTree(applying: [folder + "/" + String(repeating: "0", count: 64) + ".json": .blob(entry.id)], to: tree)
        let head = try #require(try f.store.record.head())
        let who = try f.store.identity()
        let commit = try f.store.repository.createCommit(tree: renamed, parents: [head], author: who, committer: who, message: "renamed copy\n")
        try f.store.repository.updateReference(RefNames.record, to: commit, expecting: .at(head), message: "test")
        let one = try ids.map { try f.store.record.events(of: $0, in: renamed) }
        for round in ["decoded", "from the cache"] {
            let two = try ParallelEventReading.readCached(ids, in: renamed, store: try f.reopened(), minimum: 2)
            #expect(two.map(\.events) == one.map(\.events), "\(round)")
            #expect(two.map { $0.problems.map(\.localizedDescription) } == one.map { $0.problems.map(\.localizedDescription) }, "\(round)")
        }
        #expect(one[3].problems.count == 1)
        let store = try f.reopened()
        let counts = try store.responseCounts(until: "main")
        #expect(counts.total == (try store.responseReport(until: "main")).inputs.count)
        #expect(try store.allProposalStates().count == 70)
    }
}
