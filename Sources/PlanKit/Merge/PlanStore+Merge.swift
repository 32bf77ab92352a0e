import Foundation
import GitKit
import Localization

/// What `nap merge` did.
public struct MergeResult: Sendable {
    public let commit: ObjectID
    public let proposal: EventID
    public let slug: String
    public let message: String
    /// Whether plan.yml on main required signed approvals for this merge (`require-signatures`); when
    /// false, the approvals it relied on were not authenticated.
    public let signaturesRequired: Bool
}

extension PlanStore {
    /// Merges a proposal into main when the gate holds: a two-parent merge commit built by nap, whose
    /// trailers record who proposed, drafted, reviewed and approved; then a `merged` event in the record.
    /// Only a co-chair may merge. Refuses with every blocker, or with the conflicting files (exit 2), and
    /// changes nothing then; if recording fails after main moved, main is moved back.
    public func merge(_ name: String) throws -> MergeResult {
        let signature = try identity()
        let actor = try eventAuthor(for: signature)
        guard actor.isCoChair else {
            throw PlanError.refused(reason: L("only a co-chair merges proposals; \(signature.email) is \(actor.standing)"), hint: nil)
        }
        try requireCountingSignature(for: L("merge"), author: actor)
        if let hostAgency, let main = try mainHead(), try loadPlan(at: main).plan?.policy.hostAttestedApprovals != true {
            throw PlanError.refused(reason: L("merges through host \(hostAgency.host.id) need `host-attested-approvals: true` in the plan's policy, and it is false"),
                                    hint: L("merge with nap on the command line, signed with your own key (docs/SECURITY.md, \"Hosts\")"))
        }
        // One merge at a time in this repository: a second one waits, then sees the first's result.
        let gitDirectory = repository.gitDirectory
        guard try MergeJournal.acquire(gitDirectory: gitDirectory, patience: 30, finishStale: {
            try completeInterruptedMerge()
            MergeJournal.remove(gitDirectory: gitDirectory)
        }) else {
            throw PlanError.refused(reason: L("another nap merge is running in this repository"), hint: L("wait for it to finish, then run `nap merge \(name)` again"))
        }
        defer { MergeJournal.remove(gitDirectory: gitDirectory) }
        return try mergeHoldingJournal(name, signature: signature, actor: actor)
    }

    /// The merge itself, with the journal held. The writes, in order: the merge commit (an object nothing
    /// points at yet); the journal saying what comes next; the `merged` event; main moved by
    /// compare-and-swap; the working tree. Killed before the event, nothing visible changed; killed after
    /// it, the next command moves main and the working tree (`completeInterruptedMerge`).
    private func mergeHoldingJournal(_ name: String, signature: Signature, actor: EventAuthor) throws -> MergeResult {
        try requireCleanWorkTree()
        var (summary, state) = try recordedProposal(named: name)
        state = try recordRevision(of: state, branchHead: summary.branchHead)
        guard case .open = state.status else { throw PlanError.refused(reason: L("proposal \(state.slug) is \(MessageWords.status(state.status.name))"), hint: nil) }
        guard let head = summary.branchHead else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(state.slug)") }
        let main = try requireMain()
        let treeResult = try PlanError.wrap { try repository.mergeCommits(ours: main, theirs: head) }
        if case .conflicts(let paths) = treeResult {
            let commitments = paths.filter { $0.hasPrefix("commitments/") && $0.hasSuffix(".md") }.map { "commitment " + $0.dropFirst(12).dropLast(3) }
            throw PlanError.mergeConflict(proposal: state.slug, paths: paths + commitments)
        }
        let blockers = try self.blockers(summary: summary, state: state)
        guard blockers.isEmpty else { throw PlanError.gateClosed(proposal: state.slug, blockers: blockers) }
        guard case .clean(let tree) = treeResult else { throw PlanError.mergeConflict(proposal: state.slug, paths: []) }

        let loaded = try loadPlan(at: main)
        let members = loaded.members
        let policy = loaded.plan?.policy ?? Policy()
        var approvals: [(Member, String)] = policy.approvals.compactMap { approver in
            approver.coChairSector.flatMap { members.coChair(of: $0) }.map { ($0, approver.label) }
        }
        if policy.approvals.contains(.leadAgency) {
            // The lead agency's member whose current approval counted, for each changed commitment.
            for lead in try leadAgencies(changedBy: summary, main: main, members: members) {
                if let review = state.latestReviews.first(where: { $0.verdict == .approve && $0.head == head && lead.includes(email: $0.author.email) }),
                   let member = lead.members.first(where: { $0.email.lowercased() == review.author.email.lowercased() }) {
                    approvals.append((member, "lead agency of commitment \(lead.commitment)"))
                }
            }
        }
        let approverEmails = Set(approvals.map { $0.0.email.lowercased() })
        let drafters = try PlanError.wrap {
            try repository.walk(from: [head], hiding: [main], order: [.topological, .time, .reverse])
                .map { try repository.commit($0) }.filter { $0.parents.count < 2 }.map(\.author)
        }
        let reviewers = state.latestReviews.filter { !approverEmails.contains($0.author.email.lowercased()) }.map(\.author)
        var message = MergeMessage(state: state, head: head, approvals: approvals, drafters: drafters, reviewers: reviewers).text
        let commit: ObjectID
        if let hostAgency {
            // Authored by the co-chair, committed and signed by the host, which names whom it acted for.
            message += "On-behalf-of: \(MergeMessage.person(actor.name, actor.email)) (\(actor.member ?? "?") via host \(hostAgency.host.id))\n"
            let author = Signature(name: actor.name, email: actor.email, time: signature.time)
            commit = try signer.writeCommit(tree: tree, parents: [main, head], author: author, committer: signature, message: message)
        } else {
            commit = try writeCommit(tree: tree, parents: [main, head], message: message, signature: signature)
        }
        FaultInjection.reach("merge-commit-written")
        let checkout = try currentBranch() == RefNames.main
        try MergeJournal(pid: getpid(), proposal: state.id, slug: state.slug, commit: commit.hex, main: main.hex, head: head.hex, checkout: checkout)
            .write(gitDirectory: repository.gitDirectory)
        FaultInjection.reach("merge-journal-written")
        let event = Event(proposal: state.id, author: actor, time: signature.time, clock: state.clock + 1, body: .merged(commit: commit, head: head))
        try record.append([event], by: signature, message: "Merge proposal \(state.slug) as \(commit.short())\n")
        FaultInjection.reach("merge-recorded")
        do {
            try PlanError.wrap { try repository.updateReference(RefNames.main, to: commit, expecting: .at(main), message: "nap merge \(state.slug)") }
        } catch PlanError.git(let error) where error.isModified || error.isLocked || error.isExists {
            throw PlanError.refused(reason: L("main moved while \(state.slug) was being merged (it was changed outside nap merge); the merge was not applied"),
                                    hint: L("look at `git log main`; the recorded merge event names a commit that is not on main and is ignored"))
        }
        FaultInjection.reach("merge-main-moved")
        if checkout {
            try PlanError.wrap { try repository.checkout(commit: commit, branch: RefNames.main, baseline: main) }
        }
        FaultInjection.reach("merge-checked-out")
        return MergeResult(commit: commit, proposal: state.id, slug: state.slug, message: message, signaturesRequired: policy.requireSignatures)
    }
}
