import Foundation
import GitKit

/// One proposal of the record: its id, the id of its subtree (which changes exactly when its events do),
/// and its digest (nil when no event opens it).
struct IndexedProposal: Sendable {
    let id: EventID
    let subtree: ObjectID
    let digest: ProposalDigest?
}

/// The digests of every proposal, as stored (`proposals.v<N>.txt`): keyed by the record tree they were
/// read from; each proposal an `E` record (its id and subtree id) followed by its digest's records.
private enum ProposalIndexFile {
    static let name = "proposals"

    static func records(_ entries: [IndexedProposal]) -> [[String]] {
        var records: [[String]] = []
        for entry in entries {
            records.append(["E", entry.id, entry.subtree.hex])
            if let digest = entry.digest { records += digest.records }
        }
        return records
    }

    static func entries(_ records: [[String]]) -> [IndexedProposal]? {
        var result: [IndexedProposal] = []
        var index = 0
        do {
            while index < records.count {
                let record = records[index]
                guard record.count == 3, record[0] == "E", let subtree = ObjectID(hex: record[2]) else { return nil }
                var end = index + 1
                while end < records.count, records[end].first != "E" { end += 1 }
                let digest = end > index + 1 ? try ProposalDigest(records: records[(index + 1)..<end]) : nil
                result.append(IndexedProposal(id: record[1], subtree: subtree, digest: digest))
                index = end
            }
        } catch {
            return nil
        }
        return result
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
        let stored = cache.loadLines(ProposalIndexFile.name)
        let entries = stored.flatMap { ProposalIndexFile.entries($0.records) }
        if let entries, stored?.key == tree.hex { return entries }
        var known: [String: ProposalDigest?] = [:]
        for entry in entries ?? [] { known[entry.id + entry.subtree.hex] = entry.digest }
        var result: [IndexedProposal] = []
        for (id, subtree) in try record.proposals(in: tree) {
            if let digest = known[id + subtree.hex] {
                result.append(IndexedProposal(id: id, subtree: subtree, digest: digest))
            } else {
                let state = ProposalState.fold(try record.events(of: id, in: tree).events)
                result.append(IndexedProposal(id: id, subtree: subtree, digest: state.map(ProposalDigest.init)))
            }
        }
        cache.storeLines(ProposalIndexFile.records(result), key: tree.hex, as: ProposalIndexFile.name)
        return result
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

    /// What a name can resolve to: every proposal with a record (folded, by its digest) and every
    /// `proposal/*` branch without one, in listing order (opening time, then slug).
    func proposalCandidates() throws -> [(id: EventID?, slug: String, digest: ProposalDigest?, branchHead: ObjectID?)] {
        let branchHeads = try proposalBranchHeads()
        var result: [(id: EventID?, slug: String, digest: ProposalDigest?, branchHead: ObjectID?)] = []
        var seenSlugs = Set<String>()
        let digests = try indexedProposals(in: try record.tree()).compactMap(\.digest)
        let openPerSlug = Dictionary(grouping: digests.filter { $0.status == "open" }, by: \.slug).mapValues(\.count)
        let perSlug = Dictionary(grouping: digests, by: \.slug).mapValues(\.count)
        for digest in digests {
            seenSlugs.insert(digest.slug)
            // When two proposals once shared a name, the branch belongs to the one still open.
            let owns = perSlug[digest.slug] == 1 || (digest.status == "open" && openPerSlug[digest.slug] == 1)
            result.append((digest.id, digest.slug, digest, owns ? branchHeads[digest.slug] : nil))
        }
        for (slug, head) in branchHeads where !seenSlugs.contains(slug) {
            result.append((nil, slug, nil, head))
        }
        // Sorted through their keys: moving the candidates themselves (digests) costs more than comparing.
        let keys = result.map { ($0.digest?.opened ?? .distantFuture, $0.slug) }
        return result.indices.sorted { keys[$0] < keys[$1] }.map { result[$0] }
    }

    /// The one candidate `name` names: a slug, or a unique prefix of a proposal id (at least 4 hex digits).
    /// The same rules and messages as `proposal(named:)`.
    func resolveProposal(_ name: String) throws -> (id: EventID?, slug: String, digest: ProposalDigest?, branchHead: ObjectID?) {
        let all = try proposalCandidates()
        let bySlug = all.filter { $0.slug == name }
        if bySlug.count == 1 { return bySlug[0] }
        // Two proposals that once shared a name (one renamed after a clash, or one withdrawn): the name
        // belongs to the one still open.
        let open = bySlug.filter { $0.digest?.status == "open" }
        if bySlug.count > 1, open.count == 1 { return open[0] }
        if bySlug.count > 1 {
            throw PlanError.ambiguous(kind: "proposal", prefix: name, candidates: bySlug.compactMap { $0.id.map { String($0.prefix(12)) } })
        }
        let lowered = name.lowercased()
        if lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) {
            let byID = all.filter { $0.id?.hasPrefix(lowered) == true }
            if byID.count == 1 { return byID[0] }
            if byID.count > 1 {
                throw PlanError.ambiguous(kind: "proposal", prefix: name, candidates: byID.map { "\($0.id?.prefix(12) ?? "") (\($0.slug))" })
            }
        }
        throw PlanError.notFound(kind: "proposal", name: name)
    }
}
