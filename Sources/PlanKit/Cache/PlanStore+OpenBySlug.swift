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

extension PlanStore {
    /// The open proposals that share their name (slug) with another open proposal, folded, by slug: the
    /// name clashes sync looks for. From the index as it stands, folding no more than it must: a proposal
    /// whose events changed since it was indexed keeps the name it was opened with as long as its folder
    /// only gained events that open nothing (`openingUnchanged`), so it is folded only when another
    /// proposal has that name too. After `nap comment` on a large proposal, the clash check of the next
    /// sync then folds nothing; the next command that needs the digest brings the index up to date.
    func openProposalsSharingSlugs() throws -> [String: [ProposalState]] {
        guard let tree = try record.tree() else { return [:] }
        let standing = try indexStanding(in: tree)
        // A current index is a standing whose every entry holds.
        let rows = standing.current.map { $0.map { (id: $0.id, subtree: $0.subtree, entry: Optional($0)) } } ?? standing.rows
        enum Member {
            /// Indexed as open, or changed since with its name known: folded if the name is shared.
            case unfolded(EventID)
            case folded(ProposalState)
        }
        var groups: [String: [Member]] = [:]
        for row in rows {
            if let entry = row.entry {
                if let outline = entry.outline, outline.status == "open" { groups[outline.slug, default: []].append(.unfolded(row.id)) }
            } else if let before = standing.earlier[row.id], let outline = before.outline,
                      try openingUnchanged(from: before.subtree, to: row.subtree, proposal: row.id) {
                groups[outline.slug, default: []].append(.unfolded(row.id))
            } else if let state = try freshFold(of: row.id, in: tree), case .open = state.status {
                groups[state.slug, default: []].append(.folded(state))
            }
        }
        var result: [String: [ProposalState]] = [:]
        for (slug, members) in groups where members.count > 1 {
            let states = try members.compactMap { member -> ProposalState? in
                switch member {
                case .folded(let state): state
                case .unfolded(let id): try freshFold(of: id, in: tree)
                }
            }.filter { $0.slug == slug && $0.status.name == "open" }
            if states.count > 1 { result[slug] = states }
        }
        return result
    }

    /// Whether a proposal folder at `new` holds every file its events folder held at `old`, unchanged,
    /// and besides them only events that open nothing (with their signatures), and whether its opening
    /// event (`<proposal>.json`, the one the stored entry was folded from) names a base and a head that are
    /// commits here: then the fold's opening, and so the proposal's name, is the one it was. Events are
    /// admitted in fold order and an opening's admission depends on no other event's; only another
    /// opening, a file removed or changed, a signature for an event already there, or an object the
    /// opening names arriving as something other than a commit could change it (the judge and main are
    /// the caller's to hold).
    func openingUnchanged(from old: ObjectID, to new: ObjectID, proposal: EventID) throws -> Bool {
        try PlanError.wrap {
            guard let before = try repository.treeEntry(old, path: "events"), before.kind == .tree,
                  let after = try repository.treeEntry(new, path: "events"), after.kind == .tree else { return false }
            var gained: [[UInt8]: TreeEntry] = [:]
            for entry in try repository.treeEntries(after.id) { gained[entry.nameBytes] = entry }
            let openingFile = gained[Array((proposal + ".json").utf8)]
            for entry in try repository.treeEntries(before.id) {
                guard let kept = gained.removeValue(forKey: entry.nameBytes), kept.id == entry.id, kept.kind == entry.kind else { return false }
            }
            // The event in a file, when it is one (size checked before it is read, as the record reads it).
            func event(in entry: TreeEntry, named name: String) throws -> Event? {
                guard entry.kind == .blob, try repository.blobSize(entry.id) <= EventCodec.maximumSize else { return nil }
                return try? EventCodec.decode(try repository.blobData(entry.id), path: name)
            }
            // An opening whose commits are not here yet is quarantined if they arrive as a blob or a tree.
            guard let openingFile, case .opened(_, _, _, let base, let head)? = try event(in: openingFile, named: openingFile.name)?.body,
                  repository.objectKind(base) == .commit, repository.objectKind(head) == .commit else { return false }
            for (name, entry) in gained {
                guard entry.kind == .blob else { return false }
                let text = String(decoding: name, as: UTF8.self)
                if text.hasSuffix(".sig") {
                    // A signature counts only with its own new event (checked below as that event).
                    guard gained[Array((text.dropLast(4) + ".json").utf8)] != nil else { return false }
                    continue
                }
                guard text.hasSuffix(".json"), try repository.blobSize(entry.id) <= EventCodec.maximumSize else { return false }
                if case .opened? = try event(in: entry, named: text)?.body { return false }
            }
            return true
        }
    }
}
