import GitKit

extension PlanStore {
    /// The open proposals grouped by slug, from the cached digests; the full state of a proposal is folded
    /// only for the groups `needsStates` asks for (given the group's digests). Sync asks this to find name
    /// clashes and the branches whose new heads to record, without folding the whole record.
    func openProposalsBySlug(needsStates: ([ProposalDigest]) -> Bool) throws -> [String: (digests: [ProposalDigest], states: [ProposalState])] {
        let tree = try record.tree()
        var digests: [String: [(entry: IndexedProposal, digest: ProposalDigest)]] = [:]
        for entry in try indexedProposals(in: tree) {
            guard let digest = try entry.digest(), digest.status == "open" else { continue }
            digests[digest.slug, default: []].append((entry, digest))
        }
        var result: [String: (digests: [ProposalDigest], states: [ProposalState])] = [:]
        for (slug, group) in digests {
            var states: [ProposalState] = []
            if needsStates(group.map(\.digest)) {
                states = try group.compactMap { try fold(try record.events(of: $0.entry.id, in: tree).events) }
            }
            result[slug] = (group.map(\.digest), states)
        }
        return result
    }
}
