import Foundation
import GitKit
import Localization

/// What `nap save` did.
public struct SaveResult: Sendable {
    public let commit: ObjectID
    public let branch: String
    /// True when the save concluded a merge (`nap update`) with a two-parent commit.
    public let concludedMerge: Bool
}

extension PlanStore {
    /// Commits every change in the working tree to the checked-out branch as the user, like
    /// `git add -A && git commit`. On a proposal branch the new head is recorded as a revision. Once the
    /// plan is founded (both co-chairs are on main), main itself only changes through merged proposals.
    public func save(message: String) throws -> SaveResult {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw PlanError.invalidInput(L("say what the change is (-m MESSAGE)")) }
        let signature = try identity()
        guard let branch = try currentBranch() else {
            throw PlanError.refused(reason: L("HEAD is detached; nap saves onto a branch"), hint: L("switch to a proposal: nap switch <proposal>"))
        }
        if branch == RefNames.main, let main = try mainHead(), try isFounded(at: main) {
            throw PlanError.refused(reason: L("main holds the agreed text: it changes only through a proposal both co-chairs approved"),
                                    hint: L("start a proposal with `nap propose <name> --title \"...\"`; your changes stay in the working tree and come along"))
        }
        let head = try PlanError.wrap { try repository.referenceTarget(branch) }
        let mergeHeads = try PlanError.wrap { try repository.mergeHeads() }
        if !mergeHeads.isEmpty, try PlanError.wrap({ try repository.indexHasConflicts() }) {
            // Staging a conflicted file resolves it, as `git add` does, but only once its markers are gone.
            let conflicted = try PlanError.wrap { try repository.status().filter { $0.change == .conflicted }.map(\.path) }
            let marked = conflicted.filter { path in
                guard let bytes = try? workTreeFiles.read(path) else { return false }
                return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).contains {
                    $0.hasPrefix("<<<<<<< ") || $0.hasPrefix(">>>>>>> ") || $0 == "=======" || $0 == "=======\r"
                }
            }
            guard marked.isEmpty else {
                throw PlanError.refused(reason: L("the merge still has conflicts in: \(marked.joined(separator: ", "))"),
                                        hint: L("edit those files to keep the text you agree on (remove the <<<<<<< ||||||| ======= >>>>>>> markers), then run nap save again"))
            }
        }
        try refuseLinksOutside()
        let tree = try PlanError.wrap { try repository.stageAll() }
        if mergeHeads.isEmpty, let head, try PlanError.wrap({ try repository.treeID(ofCommit: head) }) == tree {
            throw PlanError.refused(reason: L("nothing to save: the working tree matches \(RefNames.shortName(branch))"), hint: nil)
        }
        let commit = try PlanError.wrap {
            let id = try writeCommit(tree: tree, parents: (head.map { [$0] } ?? []) + mergeHeads, message: message + "\n", signature: signature)
            try repository.updateReference(branch, to: id, expecting: head.map { .at($0) } ?? .absent, message: "nap save: " + message)
            if !mergeHeads.isEmpty { try repository.clearPendingOperation() }
            return id
        }
        if let slug = RefNames.slug(ofProposalBranch: branch),
           let summary = try? proposal(named: slug), let state = summary.state {
            try recordRevision(of: state, branchHead: commit)
        }
        return SaveResult(commit: commit, branch: RefNames.shortName(branch), concludedMerge: !mergeHeads.isEmpty)
    }
}

extension PlanStore {
    /// Refuses to save a symbolic link that leads out of the plan (or into `.git`): once committed, it
    /// would make everyone who checks the branch out read a file of their own into the plan.
    func refuseLinksOutside() throws {
        let changed = try PlanError.wrap { try repository.status() }
        for entry in changed where entry.change != .deleted {
            _ = try WorkTreeLinks.resolve(entry.path, root: root)
        }
    }
}
