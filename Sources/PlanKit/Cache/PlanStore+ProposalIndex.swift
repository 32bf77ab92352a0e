import Foundation
import GitKit
import Localization

/// One proposal of the record: its id, the id of its subtree (which changes exactly when its events do),
/// and its digest (nil when no event opens it). A digest read from the cache is decoded only when asked
/// for: resolving a name needs only the slug, status and opening time of each proposal.
struct IndexedProposal: Sendable {
    let id: EventID
    let subtree: ObjectID
    private let folded: ProposalDigest?
    /// A digest as the cache holds it: its records' lines in the file, and the outline read from the first.
    private let stored: (file: CacheLineFile, lines: Range<Int>, outline: Outline?)?

    typealias Outline = (slug: String, status: String, opened: Date)

    init(id: EventID, subtree: ObjectID, digest: ProposalDigest?) {
        self.id = id
        self.subtree = subtree
        folded = digest
        stored = nil
    }

    /// From the cache: `lines` are the digest's records in `file` (none: no event opens the proposal). Nil
    /// when the first of them is not the opening record of `id`.
    init?(id: EventID, subtree: ObjectID, file: CacheLineFile, lines: Range<Int>) {
        var outline: Outline?
        if let first = lines.first {
            guard let fields = file.fields(of: first, at: [0, 1, ProposalDigest.slugField, ProposalDigest.openedField, ProposalDigest.statusField]),
                  fields[0] == "P", fields[1] == id, let opened = CacheLines.time(fields[3]) else { return nil }
            outline = (fields[2], fields[4], opened)
        }
        self.id = id
        self.subtree = subtree
        folded = nil
        stored = (file, lines, outline)
    }

    /// Slug, status and opening time, without decoding the rest of the digest; nil without a digest.
    var outline: Outline? {
        if let folded { return (folded.slug, folded.status, folded.opened) }
        return stored?.outline
    }

    /// The digest; nil when no event opens the proposal. Throws when a stored digest is malformed.
    func digest() throws -> ProposalDigest? {
        if let folded { return folded }
        guard let stored, !stored.lines.isEmpty else { return nil }
        return try ProposalDigest(records: ArraySlice(stored.lines.map(stored.file.record)))
    }

    /// The digest's records as the index file holds them: stored lines copied as they are.
    func lines() -> [CacheLines.Line] {
        if let stored { return stored.lines.map { .stored(stored.file.line($0)) } }
        return folded?.records.map(CacheLines.Line.fields) ?? []
    }
}

/// The digests of every proposal, as stored (`proposals.v<N>.txt`): keyed by the record tree they were
/// read from; each proposal an `E` record (its id and subtree id) followed by its digest's records.
private enum ProposalIndexFile {
    static let name = "proposals"

    static func lines(_ entries: [IndexedProposal]) -> [CacheLines.Line] {
        var lines: [CacheLines.Line] = []
        for entry in entries {
            lines.append(.fields(["E", entry.id, entry.subtree.hex]))
            lines += entry.lines()
        }
        return lines
    }

    static func entries(_ file: CacheLineFile) -> [IndexedProposal]? {
        var result: [IndexedProposal] = []
        var index = 0
        while index < file.count {
            let record = file.fields(of: index, limit: 4)
            guard record.count == 3, record[0] == "E", let subtree = ObjectID(hex: record[2]) else { return nil }
            var end = index + 1
            while end < file.count, !file.hasTag(UInt8(ascii: "E"), at: end) { end += 1 }
            guard let entry = IndexedProposal(id: record[1], subtree: subtree, file: file, lines: (index + 1)..<end) else { return nil }
            result.append(entry)
            index = end
        }
        return result
    }
}

/// How a proposal is named on a form: its id, slug and title, and the head its text is read at (the
/// branch's, else the last one recorded).
public struct ProposalHeading: Sendable, Equatable {
    public let id: EventID
    public let slug: String
    public let title: String
    public let head: ObjectID?
}

/// A proposal a name can resolve to: one with a record (its index entry) or a bare `proposal/*` branch.
struct ProposalCandidate {
    let id: EventID?
    let slug: String
    /// `open`, `merged`, `withdrawn`; nil for a branch without record.
    let status: String?
    let opened: Date?
    let entry: IndexedProposal?
    let branchHead: ObjectID?

    /// The proposal's digest; nil for a branch without record.
    func digest() throws -> ProposalDigest? {
        guard let entry else { return nil }
        guard let digest = try entry.digest() else {
            throw PlanError.corruptRecord(path: ".git/nap/cache", reason: L("a proposal's cached summary could not be read"))
        }
        return digest
    }
}

extension PlanStore {
    /// The cache of derived state in this repository's `.git/nap/cache/`.
    var derivedCache: DerivedStateCache { DerivedStateCache(gitDirectory: repository.gitDirectory) }

    /// Every proposal in the record at `tree`, in the record's order, with its digest. Read from the cache
    /// when it was written for this very record tree; otherwise the fan-out is listed and only the
    /// proposals whose subtree id is not in the cache are folded. The cache is then rewritten.
    func indexedProposals(in tree: ObjectID?) throws -> [IndexedProposal] {
        guard let tree else { return [] }
        let standing = try indexStanding(in: tree)
        if let current = standing.current { return current }
        var result: [IndexedProposal] = []
        result.reserveCapacity(standing.rows.count)
        for row in standing.rows {
            if let entry = row.entry {
                result.append(entry)
            } else {
                let state = try freshFold(of: row.id, in: tree)
                result.append(IndexedProposal(id: row.id, subtree: row.subtree, digest: state.map(ProposalDigest.init)))
            }
        }
        derivedCache.storeLines(ProposalIndexFile.lines(result), key: standing.key, as: ProposalIndexFile.name)
        memos.index = (standing.key, result)
        return result
    }

    /// A proposal folded from its events as they are now: from the events cache when it was read before
    /// (shown, commented on: only new files are decoded), else from the record.
    func freshFold(of id: EventID, in tree: ObjectID) throws -> ProposalState? {
        hasCachedEvents(of: id) ? try foldedEvents(of: id, in: tree).state : try fold(try record.events(of: id, in: tree).events)
    }

    /// Where the index of digests stands for the record at `tree`, without folding anything.
    struct IndexStanding {
        let key: String
        /// The whole index, when it is current (kept by this store or stored for this very key).
        let current: [IndexedProposal]?
        /// Otherwise every proposal of the record in its order, with its entry when that is still right
        /// (nil: it must be folded).
        var rows: [(id: EventID, subtree: ObjectID, entry: IndexedProposal?)] = []
        /// The entries stored for proposals whose folder changed since, by id, when they were folded under
        /// the same judge and main has only moved forward since: what they say of the proposal's opening
        /// (its slug) holds while the folder only gained events that open nothing.
        var earlier: [EventID: IndexedProposal] = [:]
    }

    /// The index as it stands (`IndexStanding`): the store's own when its key is this one's, else the
    /// stored file's; a proposal keeps its stored entry when its subtree is the same (and, when main
    /// moved, no event of it was set aside: a merge it names may have become valid).
    func indexStanding(in tree: ObjectID) throws -> IndexStanding {
        let cache = derivedCache
        // Digests depend on the record tree, on who the members were (members.yml and the policy on
        // main), and, for proposals with quarantined events, on main itself (a merge can become valid).
        let judge = try authorityKey()
        let main = try mainHead()?.hex ?? "-"
        let key = try proposalIndexKey(tree)
        if let kept = memos.index, kept.key == key { return IndexStanding(key: key, current: kept.entries) }
        // What this store read or wrote last; the file instead when there is nothing, or when another store
        // wrote it for this very key (its header says so without reading the records).
        var stored: (key: String, entries: [IndexedProposal]?)? = memos.index.map { ($0.key, $0.entries) }
        if stored == nil || cache.linesKey(ProposalIndexFile.name) == key, let file = cache.loadLineFile(ProposalIndexFile.name) {
            stored = (file.key, ProposalIndexFile.entries(file))
        }
        let entries = stored?.entries
        if let entries, stored?.key == key {
            memos.index = (key, entries)
            return IndexStanding(key: key, current: entries)
        }
        let storedKey = stored?.key.split(separator: " ").map(String.init) ?? []
        var sameJudge = storedKey.count == 3 && storedKey[1] == judge
        if sameJudge, storedKey[2] != main {
            // Digests stay right while main only moves forward; set back (or elsewhere), merges they
            // counted may be gone from it: everything is folded again.
            sameJudge = mainMovedForward(from: storedKey[2], to: main)
        }
        let sameMain = sameJudge && storedKey[2] == main
        var known: [EventID: IndexedProposal] = [:]
        if sameJudge { for entry in entries ?? [] { known[entry.id] = entry } }
        var standing = IndexStanding(key: key, current: nil)
        for (id, subtree) in try record.proposals(in: tree) {
            guard let entry = known[id] else {
                standing.rows.append((id, subtree, nil))
                continue
            }
            if entry.subtree != subtree {
                standing.rows.append((id, subtree, nil))
                standing.earlier[id] = entry
            } else if let digest = try? entry.digest(), sameMain || digest.quarantinedCount == 0 {
                standing.rows.append((id, subtree, entry))
            } else if entry.outline == nil {
                standing.rows.append((id, subtree, entry))
            } else {
                standing.rows.append((id, subtree, nil))
            }
        }
        return standing
    }

    /// The key the index of digests is stored under: the record tree, the authority, main.
    private func proposalIndexKey(_ tree: ObjectID) throws -> String {
        [tree.hex, try authorityKey(), try mainHead()?.hex ?? "-"].joined(separator: " ")
    }

    /// Reads the events of every proposal that a merge on main's first-parent line names, in the record
    /// at `tree`, at once on two threads, and keeps them (`StoreMemos.readEvents`) for what a new copy
    /// does next: verifying its main reads them, and `indexEveryProposal` folds them with the others,
    /// which it reads a slice at a time. Keeping every proposal's events from here to the index pass
    /// held a national plan's whole record at once (a clone's peak, 258 MB).
    func readEveryProposal(in tree: ObjectID) throws {
        var merged: Set<String> = []
        if let main = try mainHead() {
            for id in try PlanError.wrap({ try repository.walk(from: [main], order: [], firstParentOnly: true) }) {
                let commit = try PlanError.wrap { try repository.commit(id) }
                if commit.parents.count == 2, let trailers = MergeTrailers(commit.message) { merged.insert(trailers.proposal) }
            }
        }
        let proposals = try record.proposals(in: tree).map(\.id).filter { merged.contains($0) }
        let reads = try ParallelEventReading.read(proposals, in: tree, record: record, gitDirectory: repository.gitDirectory)
        memos.readEvents = (tree, Dictionary(zip(proposals, reads)) { first, _ in first })
    }

    /// How many proposals the index pass reads at once (on two threads) when it reads them itself.
    static let indexSlice = 128

    /// A new copy's one pass over the record at `tree`: every proposal's events decoded once (on two
    /// threads, or taken from `readEveryProposal`) and folded once, and the digests stored as the index
    /// every command reads, so that the first command after `nap clone` answers from it. Returns what the
    /// pass found for the clone's report: the files that are not valid events, the events the fold set
    /// aside, and the events read, tallied by kind (`EventCounts.events` left at zero: files are counted apart).
    func indexEveryProposal(in tree: ObjectID) throws -> (problems: [PlanError], quarantined: [QuarantinedEvent], kinds: EventCounts) {
        var entries: [IndexedProposal] = []
        var problems: [PlanError] = []
        var quarantined: [QuarantinedEvent] = []
        var kinds = EventCounts()
        let proposals = try record.proposals(in: tree)
        // What `readEveryProposal` kept, each let go once folded; the others read a slice at a time, so
        // that a whole record is never held at once.
        var kept = memos.readEvents.flatMap { $0.tree == tree ? $0.reads : nil } ?? [:]
        memos.readEvents = nil
        var slice: [EventID: ParallelEventReading.Read] = [:]
        for (position, (id, subtree)) in proposals.enumerated() {
            if position % Self.indexSlice == 0 {
                let missing = proposals[position..<min(position + Self.indexSlice, proposals.count)].map(\.id).filter { kept[$0] == nil }
                let reads = try ParallelEventReading.read(missing, in: tree, record: record, gitDirectory: repository.gitDirectory)
                slice = Dictionary(zip(missing, reads)) { first, _ in first }
            }
            let read = try kept.removeValue(forKey: id) ?? slice.removeValue(forKey: id) ?? record.events(of: id, in: tree)
            problems += read.problems
            for event in read.events { kinds.tally(event) }
            let state = try fold(read.events)
            quarantined += state?.quarantined ?? []
            entries.append(IndexedProposal(id: id, subtree: subtree, digest: state.map(ProposalDigest.init)))
        }
        let key = try proposalIndexKey(tree)
        derivedCache.storeLines(ProposalIndexFile.lines(entries), key: key, as: ProposalIndexFile.name)
        memos.index = (key, entries)
        return (problems, quarantined, kinds)
    }

    /// Whether main at `new` descends from main at `old` (hex ids as cache keys hold them).
    func mainMovedForward(from old: String, to new: String) -> Bool {
        guard let old = ObjectID(hex: old), let new = ObjectID(hex: new) else { return false }
        return (try? repository.isAncestor(old, of: new)) ?? false
    }

    /// The proposal branches, by slug.
    func proposalBranchHeads() throws -> [String: ObjectID] {
        let branches = try PlanError.wrap { try repository.references(matching: RefNames.proposalPrefix + "*") }
        var heads: [String: ObjectID] = [:]
        for (name, target) in branches {
            if let slug = RefNames.slug(ofProposalBranch: name) { heads[slug] = target }
        }
        return heads
    }

    /// What a name can resolve to: every proposal with a record (by its cached digest) and every
    /// `proposal/*` branch without one, in listing order (opening time, then slug).
    func proposalCandidates() throws -> [ProposalCandidate] {
        // Appends gathered into one commit read the proposals as they were when the gathering began (it
        // moves nothing until it ends): the references are not listed again for each of them.
        if let batch = record.batch, batch.isOpen, let known = batch.candidates { return known }
        let result = try currentProposalCandidates()
        if let batch = record.batch, batch.isOpen { batch.candidates = result }
        return result
    }

    private func currentProposalCandidates() throws -> [ProposalCandidate] {
        let branchHeads = try proposalBranchHeads()
        let tree = try record.tree()
        // Kept for the store's life under everything they are made from (a write moves the record tree,
        // main or a branch, and so makes another key): an action that resolves its proposal twice, or a
        // server that resolves it before and after a write, reads the index once.
        // (The branches are compared as a dictionary: sorting a thousand names into the key cost more than the lookup.)
        let key = [tree?.hex ?? "-", try authorityKey(), try mainHead()?.hex ?? "-"].joined(separator: " ")
        if let known = memos.candidates, known.key == key, known.branchHeads == branchHeads { return known.value }
        let result = try candidates(tree: tree, branchHeads: branchHeads)
        memos.candidates = (key, branchHeads, result)
        return result
    }

    private func candidates(tree: ObjectID?, branchHeads: [String: ObjectID]) throws -> [ProposalCandidate] {
        try candidates(in: tree, where: { _, _ in true }, branches: branchHeads.keys, head: { branchHeads[$0] })
    }

    /// The candidates among the index's proposals that `include` picks (by entry and slug), each with
    /// the branch it owns, read by `head`, and one for each of `branches` (slugs) no proposal has: a branch
    /// without a record. In listing order (opening time, then slug).
    func candidates(in tree: ObjectID?, where include: (IndexedProposal, String) -> Bool,
                    branches: some Sequence<String>, head: (String) throws -> ObjectID?) throws -> [ProposalCandidate] {
        var outlined: [(entry: IndexedProposal, slug: String, status: String, opened: Date)] = []
        var perSlug: [String: Int] = [:]
        var openPerSlug: [String: Int] = [:]
        for entry in try indexedProposals(in: tree) {
            guard let outline = entry.outline else { continue }
            perSlug[outline.slug, default: 0] += 1
            if outline.status == "open" { openPerSlug[outline.slug, default: 0] += 1 }
            if include(entry, outline.slug) { outlined.append((entry, outline.slug, outline.status, outline.opened)) }
        }
        var result: [ProposalCandidate] = []
        for item in outlined {
            // When two proposals once shared a name, the branch belongs to the one still open.
            let owns = perSlug[item.slug] == 1 || (item.status == "open" && openPerSlug[item.slug] == 1)
            result.append(ProposalCandidate(id: item.entry.id, slug: item.slug, status: item.status, opened: item.opened,
                                            entry: item.entry, branchHead: owns ? try head(item.slug) : nil))
        }
        for slug in branches where perSlug[slug] == nil {
            if let branchHead = try head(slug) {
                result.append(ProposalCandidate(id: nil, slug: slug, status: nil, opened: nil, entry: nil, branchHead: branchHead))
            }
        }
        // Sorted by index: a candidate is a large value, and moving a thousand of them costs more than the comparisons.
        let order = result.indices.sorted { (result[$0].opened ?? .distantFuture, result[$0].slug) < (result[$1].opened ?? .distantFuture, result[$1].slug) }
        return order.map { result[$0] }
    }
}
