import GitKit
import Localization

/// One file's change in a proposal.
public struct FileChange: Sendable {
    public let path: String
    public let change: DiffDelta.Change
    public let hunks: [DiffHunk]
}

extension PlanStore {
    /// The proposal's change against its merge base with main, file by file, as line hunks.
    public func diff(of name: String, context: Int = 3) throws -> (summary: ProposalSummary, base: ObjectID, files: [FileChange]) {
        let summary = try proposal(named: name)
        guard summary.head != nil else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(summary.slug)") }
        let (base, files) = try diff(of: summary, context: context)
        return (summary, base, files)
    }

    /// The change of a proposal already looked up (`detail(of:)` gives its summary), without resolving
    /// its name and folding its events again.
    public func diff(of summary: ProposalSummary, context: Int = 3) throws -> (base: ObjectID, files: [FileChange]) {
        guard let head = summary.head else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(summary.slug)") }
        let main = try requireMain()
        var base = summary.state?.base ?? main
        if let mergeBase = try mergeBase(main: main, head: head), mergeBase != head { base = mergeBase }
        return try PlanError.wrap {
            let deltas = try repository.diffTrees(try repository.treeID(ofCommit: base), try repository.treeID(ofCommit: head))
            var files: [FileChange] = []
            for delta in deltas {
                let old = delta.change == .added ? nil : try repository.blobData(delta.oldID)
                let new = delta.change == .deleted ? nil : try repository.blobData(delta.newID)
                files.append(FileChange(path: delta.path, change: delta.change, hunks: try Repository.diffText(old: old, new: new, context: context)))
            }
            return (base, files)
        }
    }
}
