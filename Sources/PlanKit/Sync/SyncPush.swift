import GitKit
import Localization

/// How a round's push ended.
enum PushOutcome {
    /// Everything was accepted.
    case done
    /// Someone pushed meanwhile: fetch and try again.
    case retry
    /// The push failed in a way another round would not fix.
    case failed(SyncProblem)
}

/// Giving the remote what it lacks: fast-forwards only (main only as far as it is gated), and the
/// published versions it does not have.
extension SyncSession {
    /// What to push this round. Proposal branches: every one that is ahead of the remote's copy, or that
    /// the remote never had (a branch the remote had and deleted is not pushed back). Before a branch is
    /// pushed, its new head is recorded as a revision of its proposal, so the record that goes with it
    /// says so. Then the record and main when the remote's are behind (main only as far as it is gated),
    /// and every published version the remote lacks.
    func plannedPushes(_ remote: RemoteState, seen: RemoteState) throws -> [PushUpdate] {
        var updates: [PushUpdate] = []
        var pushedBranches: [(slug: String, head: ObjectID)] = []
        // Computed once: each is a walk over every branch of the remote.
        let theirProposals = remote.proposals
        let seenProposals = seen.proposals
        for (slug, mine) in try localProposalBranches().sorted(by: { $0.key < $1.key }) {
            let reference = RefNames.proposal(slug)
            if let theirs = theirProposals[slug] {
                guard mine != theirs, try isAncestor(theirs, mine) else { continue }
                updates.append(PushUpdate(source: reference, destination: reference, expected: theirs))
            } else if seenProposals[slug] != nil {
                warn(SyncProblem(.deletedOnRemote, reference: reference,
                    message: L("proposal/\(slug) was deleted on the remote; it is kept here and not pushed back"),
                    hint: L("if it should come back: `git push \(target.label) \(RefNames.shortName(reference))`")))
                continue
            } else {
                updates.append(PushUpdate(source: reference, destination: reference, expected: nil))
            }
            pushedBranches.append((slug, mine))
        }
        try recordRevisions(of: pushedBranches)
        if let mine = try store.record.head(), mine != remote.record {
            if try remote.record == nil || remote.record.map({ try isAncestor($0, mine) }) ?? false {
                updates.append(PushUpdate(source: RefNames.record, destination: RefNames.record, expected: remote.record))
            }
        }
        let main = try plannedMainPush(remote)
        if let update = main.update { updates.append(update) }
        updates += try plannedTagPushes(remote, remoteMain: main.remoteMain)
        return updates
    }

    /// main, when the remote's is behind ours: pushed only as far as every new commit on its first-parent
    /// line passes the `nap verify` rules, as every other copy checks it on receiving it. An ungated commit
    /// made here (a plain `git commit` on main after the founding) is the problem `ungated-main` and is not
    /// pushed; the gated commits before it are (through `RefNames.outgoingMain`). Returns the update, if any,
    /// and where the remote's main will be after it.
    private func plannedMainPush(_ remote: RemoteState) throws -> (update: PushUpdate?, remoteMain: ObjectID?) {
        guard let mine = try store.mainHead(), mine != remote.main else { return (nil, remote.main) }
        if let theirs = remote.main, try !isAncestor(theirs, mine) { return (nil, remote.main) }
        let outgoing = try store.checkIncomingMain(from: remote.main, to: mine, outgoing: true)
        if let refused = outgoing.refused { reportUngatedHere(refused, accepted: outgoing.accepted, remote: remote.main) }
        guard let accepted = outgoing.accepted, accepted != remote.main else { return (nil, remote.main) }
        var source = RefNames.main
        if accepted != mine {
            try PlanError.wrap {
                try repository.updateReference(RefNames.outgoingMain, to: accepted, expecting: .any, message: "nap sync: main as far as it is gated")
            }
            source = RefNames.outgoingMain
        }
        return (PushUpdate(source: source, destination: RefNames.main, expected: remote.main), accepted)
    }

    private func reportUngatedHere(_ refused: (commit: ObjectID, findings: [VerificationFinding]), accepted: ObjectID?, remote: ObjectID?) {
        let pushed = accepted == remote ? L("it was not pushed: the remote's main stays at \(remote?.short() ?? "-")")
            : L("main was pushed only as far as \(accepted?.short() ?? "-"), the last gated commit")
        let back = accepted.map { L("`git reset --keep \($0.short())` with main checked out") } ?? L("reset main to the remote's")
        let findings = Message.joined(refused.findings.map(\.message), separator: L("; "))
        roundProblems.append(SyncProblem(.ungatedMain, reference: RefNames.main,
            message: L("main here has commit \(refused.commit.short()) that did not go through the gate: \(findings); \(pushed)"),
            hint: L("after the founding, main changes only through an approved proposal: keep the change on a branch (`git branch proposal/<name> main`), set main back to the last gated commit (\(back)), then `nap propose <name> --title \"…\" --adopt-branch`")))
    }

    /// Records the heads of branches about to be pushed as revisions of their proposals (when the record
    /// does not have them yet and exactly one open proposal has that name).
    private func recordRevisions(of branches: [(slug: String, head: ObjectID)]) throws {
        guard !branches.isEmpty else { return }
        // From the cached digests: only a proposal whose branch moved past its recorded head is folded.
        var heads: [String: ObjectID] = [:]
        for branch in branches where heads[branch.slug] == nil { heads[branch.slug] = branch.head }
        let needsState: ([ProposalDigest]) -> Bool = { digests in
            guard digests.count == 1, let head = heads[digests[0].slug] else { return false }
            return head != digests[0].recordedHead
        }
        let groups = try store.openProposalsBySlug(needsStates: needsState)
        let bySlug: [String: [ProposalState]] = groups.mapValues { $0.states }
        for (slug, head) in branches {
            guard let states = bySlug[slug], states.count == 1, let state = states.first, state.recordedHead != head else { continue }
            try store.recordRevision(of: state, branchHead: head)
        }
    }

    /// Pushes, and accounts for the answer: accepted updates are remembered as the remote's new state and
    /// counted as sent; refusals because someone pushed meanwhile ask for another round; other refusals
    /// and a broken connection are problems.
    func push(_ updates: [PushUpdate], remote: RemoteState) throws -> PushOutcome {
        defer {
            if let outgoing = try? repository.referenceTarget(RefNames.outgoingMain) {
                try? repository.deleteReference(RefNames.outgoingMain, expecting: outgoing)
            }
        }
        // The record's files the remote lacks, counted while the push runs when they are many.
        var recordFiles: (commit: ObjectID, files: [String: ObjectID])?
        if updates.contains(where: { $0.destination == RefNames.record }), let mine = try store.record.head() {
            let theirs = try remote.record.map { id in try PlanError.wrap { try repository.treeID(ofCommit: id) } }
            let ours = try PlanError.wrap { try repository.treeID(ofCommit: mine) }
            recordFiles = (mine, try store.record.addedFiles(from: theirs, to: ours))
        }
        let counting = recordFiles.flatMap { SentEventCount.start($0.files, of: $0.commit, gitDirectory: repository.gitDirectory) }
        defer { _ = counting?.wait() }
        let results: [PushResult]
        do {
            results = try target.remote.push(updates, callbacks: options.callbacks)
        } catch let error as GitError {
            if error.isNonFastForward || error.isModified || error.isLocked { return .retry }
            let place = target.shownPlace
            if error.isAuthentication {
                return .failed(SyncProblem(.pushFailed, reference: nil, message: L("\(place) refused the credentials for pushing: \(ShownAddress.scrub(error.message, of: target.url))"),
                                           hint: L("check that you may push there; what came in was kept here")))
            }
            return .failed(SyncProblem(.pushFailed, reference: nil,
                message: L("pushing to \(place) failed: \(ShownAddress.scrub(error.message, of: target.url))"),
                hint: L("this copy is intact and nothing is lost; run `nap sync` again when the remote is reachable")))
        }
        var retry = false
        for (update, result) in zip(updates, results) {
            guard result.accepted else {
                if Self.isRace(result.refusal ?? "") {
                    retry = true
                } else {
                    lastingProblems.append(SyncProblem(.refused, reference: update.destination,
                        message: L("the remote refused \(update.destination): \(result.refusal ?? "no reason given")"),
                        hint: L("the remote's rules (a protected branch, a hook) decide; ask its administrator")))
                }
                continue
            }
            guard let pushed = try PlanError.wrap({ try repository.referenceTarget(update.source) }) else { continue }
            try target.remember(update.destination, at: pushed)
            note(.remote, update.destination, update.expected == nil ? .created : .fastForwarded, old: update.expected, new: pushed)
            if update.destination == RefNames.record {
                if let counting, counting.commit == pushed, let counted = counting.wait() {
                    report.sent.add(counted)
                } else if let recordFiles, recordFiles.commit == pushed {
                    report.sent.add(try store.record.count(recordFiles.files))
                } else {
                    let theirs = try remote.record.map { id in try PlanError.wrap { try repository.treeID(ofCommit: id) } }
                    let ours = try PlanError.wrap { try repository.treeID(ofCommit: pushed) }
                    report.sent.add(try store.record.count(try store.record.addedFiles(from: theirs, to: ours)))
                }
            } else if update.destination.hasPrefix(RefNames.tagPrefix) {
                report.sent.versions += 1
            }
        }
        return retry ? .retry : .done
    }

    /// True for refusals that mean "someone pushed meanwhile": another round fixes them.
    static func isRace(_ refusal: String) -> Bool {
        let lowered = refusal.lowercased()
        return ["non-fast-forward", "fetch first", "moved since", "stale", "lock", "failed to update ref", "already exists", "did not confirm"]
            .contains { lowered.contains($0) }
    }
}
