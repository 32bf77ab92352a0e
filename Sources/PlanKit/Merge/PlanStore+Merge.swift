import Foundation
import GitKit

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
        guard actor.role == "co-chair" else {
            throw PlanError.refused(reason: "only a co-chair merges proposals; \(signature.email) is \(actor.member == nil ? "not a member" : "a \(actor.role ?? "member") of \(actor.sector)")", hint: nil)
        }
        try requireCleanWorkTree()
        var (summary, state) = try recordedProposal(named: name)
        state = try recordRevision(of: state, branchHead: summary.branchHead)
        guard case .open = state.status else { throw PlanError.refused(reason: "proposal \(state.slug) is \(state.status.name)", hint: nil) }
        guard let head = summary.branchHead else { throw PlanError.notFound(kind: "branch", name: "proposal/\(state.slug)") }
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
        let approvals: [(Member, String)] = policy.approvals.compactMap { approver in
            let sector: Sector = approver == .governmentCoChair ? .government : .civilSociety
            return members.coChair(of: sector).map { ($0, approver == .governmentCoChair ? "government co-chair" : "civil-society co-chair") }
        }
        let approverEmails = Set(approvals.map { $0.0.email.lowercased() })
        let drafters = try PlanError.wrap {
            try repository.walk(from: [head], hiding: [main], order: [.topological, .time, .reverse])
                .map { try repository.commit($0) }.filter { $0.parents.count < 2 }.map(\.author)
        }
        let reviewers = state.latestReviews.filter { !approverEmails.contains($0.author.email.lowercased()) }.map(\.author)
        let message = MergeMessage(state: state, head: head, approvals: approvals, drafters: drafters, reviewers: reviewers).text
        let commit = try PlanError.wrap {
            let id = try writeCommit(tree: tree, parents: [main, head], message: message, signature: signature)
            try repository.updateReference(RefNames.main, to: id, expecting: .at(main), message: "nap merge \(state.slug)")
            return id
        }
        do {
            let event = Event(proposal: state.id, author: actor, time: signature.time, clock: state.clock + 1, body: .merged(commit: commit, head: head))
            try record.append([event], by: signature, message: "Merge proposal \(state.slug) as \(commit.short())\n")
        } catch {
            try? repository.updateReference(RefNames.main, to: main, expecting: .at(commit), message: "nap merge: undo after failure")
            throw error
        }
        if try currentBranch() == RefNames.main {
            try PlanError.wrap { try repository.checkout(commit: commit, branch: RefNames.main, baseline: main) }
        }
        return MergeResult(commit: commit, proposal: state.id, slug: state.slug, message: message, signaturesRequired: policy.requireSignatures)
    }
}
