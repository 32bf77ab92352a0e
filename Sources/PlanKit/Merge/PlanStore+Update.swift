import GitKit
import Localization

/// What `nap update` did.
public enum UpdateResult: Sendable, Equatable {
    /// main was already part of the proposal.
    case upToDate
    /// main merged cleanly; the proposal's new head.
    case merged(commit: ObjectID)
    /// Conflicts, marked in these files in the working tree; resolve them and `nap save`.
    case conflicts(paths: [String])
}

extension PlanStore {
    /// Brings main into a proposal: switches to its branch and merges main into it. A clean merge is
    /// committed at once (a two-parent commit on the proposal); conflicts are left in the working tree
    /// with markers for the drafter, and `nap save` concludes. Either way earlier approvals go stale.
    public func update(_ name: String) throws -> UpdateResult {
        let signature = try identity()
        let (summary, state) = try recordedProposal(named: name)
        guard case .open = state.status else { throw PlanError.refused(reason: L("proposal \(state.slug) is \(MessageWords.status(state.status.name))"), hint: nil) }
        guard let head = summary.branchHead else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(state.slug)") }
        let main = try requireMain()
        if try PlanError.wrap({ try repository.isAncestor(main, of: head) }) { return .upToDate }
        try requireCleanWorkTree()
        let branch = RefNames.proposal(state.slug)
        if try currentBranch() != branch {
            try PlanError.wrap { try repository.checkout(commit: head, branch: branch) }
        }
        let conflicts = try PlanError.wrap { try repository.mergeIntoWorkdir(theirs: main) }
        if !conflicts.isEmpty { return .conflicts(paths: conflicts) }
        let commit = try PlanError.wrap {
            let tree = try repository.writeIndexTree()
            let id = try writeCommit(tree: tree, parents: [head, main], message: "Update proposal \(state.slug) with main\n", signature: signature)
            try repository.updateReference(branch, to: id, expecting: .at(head), message: "nap update \(state.slug)")
            try repository.clearPendingOperation()
            try repository.checkoutHead(force: false)
            return id
        }
        try recordRevision(of: state, branchHead: commit)
        return .merged(commit: commit)
    }
}
