import GitKit
import Localization

/// Two or more open proposals that picked the same name (slug), typically opened offline in two copies.
struct SlugClash {
    let slug: String
    /// The open proposals with that slug, earliest opened first.
    let proposals: [ProposalState]
}

/// Detecting name clashes, and renaming one proposal to end one.
///
/// A rename changes no event format: the proposal is withdrawn under its old name (the reason names the
/// new one; its discussion stays in the record under its id), and opened again under the new name with
/// the same title, description, base and drafts. Its commits move to `proposal/<new>`; the old branch
/// name goes back to the proposal that holds it on the remote. Both histories are kept.
extension SyncSession {
    /// Every name that two or more open proposals share.
    func detectClashes() throws -> [SlugClash] {
        // From the cached digests: only proposals that share a name are folded.
        return try store.openProposalsSharingSlugs().sorted { $0.key < $1.key }.map { slug, states in
            SlugClash(slug: slug, proposals: states.sorted { ($0.opened, $0.id) < ($1.opened, $1.id) })
        }
    }

    /// Reports clashes: as a problem in a copy whose own branch of that name differs from the remote's
    /// (this copy holds the drafts to rename), as a warning elsewhere (nothing to do here).
    func reportClashes(_ clashes: [SlugClash], _ remote: RemoteState) throws {
        let locals = try localProposalBranches()
        for clash in clashes {
            let names = clash.proposals.map { "\($0.id.prefix(8)) “\($0.title)” by \($0.author.name)" }.joined(separator: " and ")
            let message = L("different proposals are named \(clash.slug): \(names)")
            if let mine = locals[clash.slug], mine != remote.proposals[clash.slug] {
                roundProblems.append(SyncProblem(.slugClash, reference: clash.slug, message: message,
                    hint: L("give yours a new name: `nap sync --rename \(clash.slug)=\(clash.slug)-2` (its drafts move to the new branch, its discussion stays in the record)")))
            } else {
                warn(SyncProblem(.slugClash, reference: clash.slug, message: message,
                    hint: L("the author of the one whose drafts are not on the remote renames it from their copy with `nap sync --rename`")))
            }
        }
    }

    /// Applies `options.renames` (each ends one clash), before branches are brought together.
    func applyRenames(_ remote: RemoteState) throws {
        guard !options.renames.isEmpty else { return }
        let clashes = try detectClashes()
        for (key, newSlug) in options.renames.sorted(by: { $0.key < $1.key }) {
            try rename(key, to: newSlug, clashes: clashes, remote: remote)
        }
    }

    private func rename(_ key: String, to newSlug: String, clashes: [SlugClash], remote: RemoteState) throws {
        if let problem = Slug.problem(newSlug) { throw PlanError.invalidName(kind: L("proposal name"), name: newSlug, reason: problem) }
        let lowered = key.lowercased()
        guard let clash = clashes.first(where: { $0.slug == key })
                ?? clashes.first(where: { $0.proposals.contains { lowered.count >= 4 && $0.id.hasPrefix(lowered) } }) else {
            throw PlanError.refused(reason: L("no two proposals are named \(key); there is nothing to rename"), hint: L("`nap proposals` lists the names in use"))
        }
        let slug = clash.slug
        let branch = RefNames.proposal(slug)
        let localHead = try PlanError.wrap { try repository.referenceTarget(branch) }
        let remoteHead = remote.proposals[slug]
        let keeper = try remoteHead.flatMap { try owner(of: $0, among: clash.proposals) }
        let localOwner = try localHead.flatMap { try owner(of: $0, among: clash.proposals) }
        let candidates = clash.proposals.filter { $0.id != keeper?.id }
        let chosen: ProposalState
        if key != slug, let byID = candidates.first(where: { $0.id.hasPrefix(lowered) }) {
            chosen = byID
        } else if let mine = localOwner, mine.id != keeper?.id {
            chosen = mine
        } else if candidates.count == 1, let only = candidates.first, keeper != nil {
            chosen = only
        } else {
            throw PlanError.refused(reason: L("cannot tell which proposal named \(slug) to rename"),
                                    hint: L("name it by id: `nap sync --rename <id prefix>=\(newSlug)` (ids: \(clash.proposals.map { String($0.id.prefix(8)) }.joined(separator: ", ")))"))
        }
        let ownsLocalBranch = localOwner?.id == chosen.id
        guard let head = ownsLocalBranch ? localHead : chosen.recordedHead, repository.objectKind(head) == .commit else {
            throw PlanError.refused(reason: L("the drafts of proposal \(chosen.id.prefix(8)) (\(slug)) are not in this copy"),
                                    hint: L("\(chosen.author.name) renames it from the copy that holds them"))
        }
        let signature = try signature()
        let actor = try store.eventAuthor(for: signature)
        guard actor.email.lowercased() == chosen.author.email.lowercased() || actor.isCoChair else {
            throw PlanError.refused(reason: L("only the proposal's author (\(chosen.author.name)) or a co-chair may rename it"), hint: nil)
        }
        let newBranch = RefNames.proposal(newSlug)
        if try store.proposalCandidates().contains(where: { $0.slug == newSlug }) || (try PlanError.wrap { try repository.referenceTarget(newBranch) }) != nil {
            throw PlanError.alreadyExists(kind: L("proposal"), name: newSlug)
        }
        try PlanError.wrap { try repository.updateReference(newBranch, to: head, expecting: .absent, message: "nap sync: rename \(slug) to \(newSlug)") }
        let withdrawal = Event(proposal: chosen.id, author: actor, time: signature.time, clock: chosen.clock + 1,
                               body: .withdrawn(reason: "Renamed to \(newSlug): another proposal took the name \(slug)."))
        let description = chosen.description + (chosen.description.isEmpty ? "" : "\n\n")
            + "(Renamed from \(slug), proposal \(chosen.id.prefix(12)), whose discussion stays in the record.)"
        let opening = Event(proposal: nil, author: actor, time: signature.time, clock: 1,
                            body: .opened(slug: newSlug, title: chosen.title, description: description, base: chosen.base, head: head))
        let ids: [EventID]
        do {
            ids = try store.record.append([withdrawal, opening], by: signature, message: "Rename proposal \(slug) to \(newSlug)\n")
        } catch {
            try? repository.deleteReference(newBranch, expecting: head)
            throw error
        }
        if ownsLocalBranch, let localHead {
            try handBack(branch, from: localHead, to: remoteHead, newBranch: newBranch)
        }
        report.renamed.append(SlugRename(slug: slug, newSlug: newSlug, oldProposal: chosen.id, newProposal: ids.last ?? "", head: head))
        note(.local, newBranch, .created, old: nil, new: head)
    }

    /// Gives the old branch name back to the proposal that holds it on the remote (or removes it here);
    /// the renamed proposal's commits are already on its new branch, which HEAD follows.
    private func handBack(_ branch: String, from localHead: ObjectID, to remoteHead: ObjectID?, newBranch: String) throws {
        try PlanError.wrap {
            if try repository.headReferenceName() == branch { try repository.setHead(newBranch) }
            if let remoteHead {
                try repository.updateReference(branch, to: remoteHead, expecting: .at(localHead), message: "nap sync: rename")
                note(.local, branch, .reset, old: localHead, new: remoteHead)
            } else {
                try repository.deleteReference(branch, expecting: localHead)
                note(.local, branch, .deleted, old: localHead, new: nil)
            }
        }
    }

    /// The proposal whose drafts `head` holds: one that recorded exactly this head, else the only one
    /// with a recorded head (not already on main) in `head`'s history.
    func owner(of head: ObjectID, among states: [ProposalState]) throws -> ProposalState? {
        let exact = states.filter { $0.revisions.contains { $0.head == head } }
        if exact.count == 1 { return exact[0] }
        let main = try store.mainHead()
        var candidates: [ProposalState] = []
        for state in states {
            for revision in state.revisions where try isAncestor(revision.head, head) {
                if let main, try isAncestor(revision.head, main) { continue }
                candidates.append(state)
                break
            }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
