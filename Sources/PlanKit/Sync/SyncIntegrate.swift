import GitKit
import Localization

/// Bringing what the remote has into this copy: main, the record, proposal branches and tags.
extension SyncSession {
    /// main: created or fast-forwarded here when the remote is ahead; pushed later when this copy is
    /// ahead; reported, never joined, when both moved.
    func integrateMain(_ remote: RemoteState) throws {
        guard let theirs = remote.main else { return }
        let local = try store.mainHead()
        guard let local else {
            // A plain `git clone` of a hub whose HEAD names another branch leaves HEAD unborn: adopt main.
            if repository.isHeadUnborn, try repository.headReferenceName() != RefNames.main, try store.uncommittedPaths().isEmpty {
                try PlanError.wrap { try repository.setHead(RefNames.main) }
            }
            let incoming = try store.checkIncomingMain(from: nil, to: theirs)
            if let refused = incoming.refused { reportUngated(refused, accepted: incoming.accepted, local: nil) }
            if let accepted = incoming.accepted, try moveLocalBranch(RefNames.main, from: nil, to: accepted) {
                note(.local, RefNames.main, .created, old: nil, new: accepted)
            }
            return
        }
        if local == theirs { return }
        if try isAncestor(local, theirs) {
            // Every new commit must have gone through the gate (the `nap verify` rules) before main takes it.
            let incoming = try store.checkIncomingMain(from: local, to: theirs)
            if let refused = incoming.refused { reportUngated(refused, accepted: incoming.accepted, local: local) }
            if let accepted = incoming.accepted, accepted != local, try moveLocalBranch(RefNames.main, from: local, to: accepted) {
                note(.local, RefNames.main, .fastForwarded, old: local, new: accepted)
            }
        } else if try !isAncestor(theirs, local) {
            roundProblems.append(SyncProblem(.mainDiverged, reference: RefNames.main,
                message: L("main has commits here (\(local.short())) and on the remote (\(theirs.short())) that the other lacks; nap never joins or overwrites main"),
                hint: L("compare them with `git log --oneline --graph main \(target.headsNamespace)main`; the co-chairs agree which merge stands, and the other copy resets its main to it")))
        }
    }

    private func reportUngated(_ refused: (commit: ObjectID, findings: [VerificationFinding]), accepted: ObjectID?, local: ObjectID?) {
        let stays = accepted == local ? L("main here stays at \(local?.short() ?? "-")") : L("main here moved only to \(accepted?.short() ?? "-"), the last verified commit")
        let findings = Message.joined(refused.findings.map(\.message), separator: L("; "))
        roundProblems.append(SyncProblem(.ungatedMain, reference: RefNames.main,
            message: L("the remote's main has commit \(refused.commit.short()) that did not go through the gate: \(findings); \(stays)"),
            hint: L("ask the co-chairs to check the hub (`nap verify`); a commit on main must be a gated merge of an approved proposal")))
    }

    /// The record: fast-forward or union merge, which never conflicts and never loses an event. A remote
    /// record that does not descend from what this copy saw there last was rewritten: reported, and the
    /// union (pushed back later) restores whatever the rewrite dropped.
    func integrateRecord(_ remote: RemoteState, seen: RemoteState) throws {
        guard let theirs = remote.record else { return }
        if let previous = seen.record, previous != theirs, repository.objectKind(previous) == .commit, try !isAncestor(previous, theirs) {
            warn(SyncProblem(.recordRewritten, reference: RefNames.record,
                message: L("the remote's record was rewritten (force-pushed): it no longer contains \(previous.short()), which this copy fetched before"),
                hint: L("nothing is lost: the union of both copies keeps every event and is pushed back; ask whoever force-pushed to stop")))
        }
        let before = try store.record.head()
        if before == theirs { return }
        let needsMerge = try before.map { try !isAncestor($0, theirs) && !isAncestor(theirs, $0) } ?? false
        let signer = needsMerge ? try signature() : Signature(name: "nap", email: "nap@localhost")
        let merged = try store.record.merge(theirs: theirs, signature: signer)
        let after = merged.head
        for conflict in merged.conflicts {
            roundProblems.append(SyncProblem(.corruptRecord, reference: RefNames.record,
                message: L("the remote's record holds other bytes at \(conflict.path) than this copy (\(conflict.ours.short()) here, \(conflict.theirs.short()) there); an event file never changes, so the first-seen bytes were kept and everything else was merged"),
                hint: L("someone edited the record on the remote; the union pushed back restores the original there")))
        }
        guard after != before else { return }
        let action: ReferenceChange.Action = before == nil ? .created : (after == theirs ? .fastForwarded : .merged)
        note(.local, RefNames.record, action, old: before, new: after)
    }

    /// Proposal branches: a new one on the remote is created here, one behind is fast-forwarded, one that
    /// moved on both sides is left alone on both sides and reported with the way to join them.
    func integrateBranches(_ remote: RemoteState, seen: RemoteState, clashes: [SlugClash]) throws {
        let locals = try localProposalBranches()
        for (slug, theirs) in remote.proposals.sorted(by: { $0.key < $1.key }) {
            let reference = RefNames.proposal(slug)
            guard let mine = locals[slug] else {
                if Slug.problem(slug) == nil, try moveLocalBranch(reference, from: nil, to: theirs) {
                    note(.local, reference, .created, old: nil, new: theirs)
                }
                continue
            }
            if report.attempts == 1, mine == theirs, options.clonedBranches.contains(slug) {
                note(.local, reference, .created, old: nil, new: theirs)
                continue
            }
            if try mine == theirs || isAncestor(theirs, mine) { continue }
            if try isAncestor(mine, theirs) {
                if try moveLocalBranch(reference, from: mine, to: theirs) { note(.local, reference, .fastForwarded, old: mine, new: theirs) }
                continue
            }
            if clashes.contains(where: { $0.slug == slug }) { continue }
            let tracking = target.headsNamespace + "proposal/" + slug
            roundProblems.append(SyncProblem(.diverged, reference: reference,
                message: L("proposal/\(slug) has new commits both here (\(mine.short())) and on the remote (\(theirs.short())); neither was overwritten"),
                hint: L("join them on the branch: `nap switch \(slug)`, `git merge \(tracking)`, resolve any conflicts and `nap save`, then `nap sync` again")))
        }
    }

    /// Moves a local branch from `old` (nil: create it) to `new`. When the branch is checked out the
    /// working tree follows, safely: local changes are kept, and if they are in the way nothing moves and
    /// the problem is reported (returns false).
    func moveLocalBranch(_ reference: String, from old: ObjectID?, to new: ObjectID) throws -> Bool {
        let checkedOut = try PlanError.wrap { try repository.headReferenceName() } == reference
        guard checkedOut else {
            try PlanError.wrap { try repository.updateReference(reference, to: new, expecting: old.map { .at($0) } ?? .absent, message: "nap sync") }
            return true
        }
        if let pending = repository.pendingOperation {
            roundProblems.append(SyncProblem(.workTree, reference: reference,
                message: L("\(RefNames.shortName(reference)) is checked out with a \(pending) in progress; it was not moved to the remote's \(new.short())"),
                hint: L("finish the \(pending) (`nap save`) or abort it, then `nap sync` again")))
            return false
        }
        do {
            try PlanError.wrap {
                if let old {
                    try repository.checkout(commit: new, branch: nil)
                    do {
                        try repository.updateReference(reference, to: new, expecting: .at(old), message: "nap sync")
                    } catch {
                        try? repository.checkout(commit: old, branch: nil)
                        throw error
                    }
                } else {
                    try repository.updateReference(reference, to: new, expecting: .absent, message: "nap sync")
                    do {
                        try repository.checkoutHead(force: false)
                    } catch {
                        try? repository.deleteReference(reference, expecting: new)
                        throw error
                    }
                }
            }
        } catch PlanError.git(let error) where error.isConflict {
            roundProblems.append(SyncProblem(.workTree, reference: reference,
                message: L("\(RefNames.shortName(reference)) is checked out here with changes the remote's commits would overwrite (\(error.message)); it was not moved"),
                hint: L("save your changes (`nap save`) or set them aside (`git stash`), then `nap sync` again")))
            return false
        }
        return true
    }

    /// Local proposal branches by slug.
    func localProposalBranches() throws -> [String: ObjectID] {
        var result: [String: ObjectID] = [:]
        for (name, id) in try PlanError.wrap({ try repository.references(matching: RefNames.proposalPrefix + "*") }) {
            if let slug = RefNames.slug(ofProposalBranch: name) { result[slug] = id }
        }
        return result
    }

    func isAncestor(_ ancestor: ObjectID, _ commit: ObjectID) throws -> Bool {
        guard repository.objectKind(ancestor) == .commit, repository.objectKind(commit) == .commit else { return false }
        return try PlanError.wrap { try repository.isAncestor(ancestor, of: commit) }
    }
}
