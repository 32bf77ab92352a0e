import GitKit

extension PlanStore {
    /// The commit a revision names: `main`, a proposal (by name or id prefix), a version tag, or any git
    /// revision expression.
    public func resolveRevision(_ revision: String) throws -> ObjectID {
        if let commit = try? repository.resolveCommit(revision) { return commit }
        if let summary = try? proposal(named: revision), let head = summary.head { return head }
        throw PlanError.notFound(kind: "revision", name: revision)
    }
}
