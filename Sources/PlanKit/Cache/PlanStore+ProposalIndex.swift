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
    private let stored: ArraySlice<[String]>

    init(id: EventID, subtree: ObjectID, digest: ProposalDigest?) {
        self.id = id
        self.subtree = subtree
        folded = digest
        stored = []
    }

    /// From the cache: `records` are the digest's records (none: no event opens the proposal).
    init?(id: EventID, subtree: ObjectID, records: ArraySlice<[String]>) {
        if let first = records.first {
            guard first.count > ProposalDigest.statusField, first[0] == "P", first[1] == id,
                  CacheLines.time(first[ProposalDigest.openedField]) != nil else { return nil }
        }
        self.id = id
        self.subtree = subtree
        folded = nil
        stored = records
    }

    /// Slug, status and opening time, without decoding the rest of the digest; nil without a digest.
    var outline: (slug: String, status: String, opened: Date)? {
        if let folded { return (folded.slug, folded.status, folded.opened) }
        guard let first = stored.first, let opened = CacheLines.time(first[ProposalDigest.openedField]) else { return nil }
        return (first[ProposalDigest.slugField], first[ProposalDigest.statusField], opened)
    }

    /// The digest; nil when no event opens the proposal. Throws when a stored digest is malformed.
    func digest() throws -> ProposalDigest? {
        if let folded { return folded }
        return stored.isEmpty ? nil : try ProposalDigest(records: stored)
    }
}

/// The digests of every proposal, as stored (`proposals.v<N>.txt`): keyed by the record tree they were
/// read from; each proposal an `E` record (its id and subtree id) followed by its digest's records.
private enum ProposalIndexFile {
    static let name = "proposals"

    static func records(_ entries: [IndexedProposal]) throws -> [[String]] {
        var records: [[String]] = []
        for entry in entries {
            records.append(["E", entry.id, entry.subtree.hex])
            if let digest = try entry.digest() { records += digest.records }
        }
        return records
    }

    static func entries(_ records: [[String]]) -> [IndexedProposal]? {
        var result: [IndexedProposal] = []
        var index = 0
        while index < records.count {
            let record = records[index]
            guard record.count == 3, record[0] == "E", let subtree = ObjectID(hex: record[2]) else { return nil }
            var end = index + 1
            while end < records.count, records[end].first != "E" { end += 1 }
            guard let entry = IndexedProposal(id: record[1], subtree: subtree, records: records[(index + 1)..<end]) else { return nil }
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
        let cache = derivedCache
        // Digests depend on the record tree, on who the members were (members.yml and the policy on
        // main), and, for proposals with quarantined events, on main itself (a merge can become valid).
        let judge = try authorityKey()
        let main = try mainHead()?.hex ?? "-"
        let key = try proposalIndexKey(tree)
        if let kept = memos.index, kept.key == key { return kept.entries }
        // What this store read or wrote last; the file instead when there is nothing, or when another store
        // wrote it for this very key (its header says so without reading the records).
        var stored: (key: String, entries: [IndexedProposal]?)? = memos.index.map { ($0.key, $0.entries) }
        if stored == nil || cache.linesKey(ProposalIndexFile.name) == key, let file = cache.loadLines(ProposalIndexFile.name) {
            stored = (file.key, ProposalIndexFile.entries(file.records))
        }
        let entries = stored?.entries
        if let entries, stored?.key == key {
            memos.index = (key, entries)
            return entries
        }
        let storedKey = stored?.key.split(separator: " ").map(String.init) ?? []
        var sameJudge = storedKey.count == 3 && storedKey[1] == judge
        if sameJudge, storedKey[2] != main {
            // Digests stay right while main only moves forward; set back (or elsewhere), merges they
            // counted may be gone from it: everything is folded again.
            sameJudge = mainMovedForward(from: storedKey[2], to: main)
        }
        let sameMain = sameJudge && storedKey[2] == main
        var known: [String: IndexedProposal] = [:]
        if sameJudge { for entry in entries ?? [] { known[entry.id + entry.subtree.hex] = entry } }
        var result: [IndexedProposal] = []
        for (id, subtree) in try record.proposals(in: tree) {
            if let entry = known[id + subtree.hex], let digest = try? entry.digest(), sameMain || digest.quarantinedCount == 0 {
                result.append(entry)
            } else if let entry = known[id + subtree.hex], entry.outline == nil {
                result.append(entry)
            } else {
                // A proposal read before (shown, commented on) has its events cached: only new files are decoded.
                let events = hasCachedEvents(of: id) ? try cachedEvents(of: id, in: tree).events : try record.events(of: id, in: tree).events
                let state = try fold(events)
                result.append(IndexedProposal(id: id, subtree: subtree, digest: state.map(ProposalDigest.init)))
            }
        }
        cache.storeLines(try ProposalIndexFile.records(result), key: key, as: ProposalIndexFile.name)
        memos.index = (key, result)
        return result
    }

    /// The key the index of digests is stored under: the record tree, the authority, main.
    private func proposalIndexKey(_ tree: ObjectID) throws -> String {
        [tree.hex, try authorityKey(), try mainHead()?.hex ?? "-"].joined(separator: " ")
    }

    /// Reads the events of every proposal in the record at `tree` at once, on two threads, and keeps them
    /// (`StoreMemos.readEvents`) for what a new copy does next: verifying its main reads the events of
    /// every merged proposal, and `indexEveryProposal` folds them all.
    func readEveryProposal(in tree: ObjectID) throws {
        let proposals = try record.proposals(in: tree).map(\.id)
        let reads = try ParallelEventReading.read(proposals, in: tree, record: record, gitDirectory: repository.gitDirectory)
        memos.readEvents = (tree, Dictionary(zip(proposals, reads)) { first, _ in first })
    }

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
        let kept = memos.readEvents.flatMap { $0.tree == tree ? $0.reads : nil }
        memos.readEvents = nil
        let reads = if let kept, proposals.allSatisfy({ kept[$0.id] != nil }) {
            proposals.compactMap { kept[$0.id] }
        } else {
            try ParallelEventReading.read(proposals.map(\.id), in: tree, record: record, gitDirectory: repository.gitDirectory)
        }
        for ((id, subtree), read) in zip(proposals, reads) {
            problems += read.problems
            for event in read.events { kinds.tally(event) }
            let state = try fold(read.events)
            quarantined += state?.quarantined ?? []
            entries.append(IndexedProposal(id: id, subtree: subtree, digest: state.map(ProposalDigest.init)))
        }
        let key = try proposalIndexKey(tree)
        derivedCache.storeLines(try ProposalIndexFile.records(entries), key: key, as: ProposalIndexFile.name)
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
        var outlined: [(entry: IndexedProposal, slug: String, status: String, opened: Date)] = []
        for entry in try indexedProposals(in: tree) {
            guard let outline = entry.outline else { continue }
            outlined.append((entry, outline.slug, outline.status, outline.opened))
        }
        var perSlug: [String: Int] = [:]
        var openPerSlug: [String: Int] = [:]
        for item in outlined {
            perSlug[item.slug, default: 0] += 1
            if item.status == "open" { openPerSlug[item.slug, default: 0] += 1 }
        }
        var result: [ProposalCandidate] = []
        for item in outlined {
            // When two proposals once shared a name, the branch belongs to the one still open.
            let owns = perSlug[item.slug] == 1 || (item.status == "open" && openPerSlug[item.slug] == 1)
            result.append(ProposalCandidate(id: item.entry.id, slug: item.slug, status: item.status, opened: item.opened,
                                            entry: item.entry, branchHead: owns ? branchHeads[item.slug] : nil))
        }
        for (slug, head) in branchHeads where perSlug[slug] == nil {
            result.append(ProposalCandidate(id: nil, slug: slug, status: nil, opened: nil, entry: nil, branchHead: head))
        }
        // Sorted by index: a candidate is a large value, and moving a thousand of them costs more than the comparisons.
        let order = result.indices.sorted { (result[$0].opened ?? .distantFuture, result[$0].slug) < (result[$1].opened ?? .distantFuture, result[$1].slug) }
        return order.map { result[$0] }
    }

    /// The id of the proposal `name` names (a slug or a unique prefix of its id), read from the index of
    /// digests without folding it; nil for a `proposal/*` branch without a record. Throws as
    /// `proposal(named:)` does when `name` names none, or more than one.
    public func proposalID(named name: String) throws -> String? {
        try resolveProposal(name).id
    }

    /// The id, slug, title and head of the proposal `name` names, read from the index of digests without
    /// folding it (what a form needs to name the proposal it writes to); nil for a `proposal/*` branch
    /// without a record. Throws as `proposal(named:)` does when `name` names none, or more than one.
    public func proposalHeading(named name: String) throws -> ProposalHeading? {
        let candidate = try resolveProposal(name)
        guard let digest = try candidate.digest() else { return nil }
        return ProposalHeading(id: digest.id, slug: digest.slug, title: digest.title, head: candidate.branchHead ?? digest.recordedHead)
    }

    /// The one candidate `name` names: a slug, or a unique prefix of a proposal id (at least 4 hex digits).
    /// The same rules and messages as `proposal(named:)`.
    func resolveProposal(_ name: String) throws -> ProposalCandidate {
        let all = try proposalCandidates()
        let bySlug = all.filter { $0.slug == name }
        if bySlug.count == 1 { return bySlug[0] }
        // Two proposals that once shared a name (one renamed after a clash, or one withdrawn): the name
        // belongs to the one still open.
        let open = bySlug.filter { $0.status == "open" }
        if bySlug.count > 1, open.count == 1 { return open[0] }
        if bySlug.count > 1 {
            throw PlanError.ambiguous(kind: L("proposal"), prefix: name, candidates: bySlug.compactMap { $0.id.map { String($0.prefix(12)) } })
        }
        let lowered = name.lowercased()
        if lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) {
            let byID = all.filter { $0.id?.hasPrefix(lowered) == true }
            if byID.count == 1 { return byID[0] }
            if byID.count > 1 {
                throw PlanError.ambiguous(kind: L("proposal"), prefix: name, candidates: byID.map { "\($0.id?.prefix(12) ?? "") (\($0.slug))" })
            }
        }
        throw PlanError.notFound(kind: L("proposal"), name: name)
    }
}
