import GitKit

extension PlanStore {
    /// The commit a revision names, nap's own references first and by their full names, so that no tag
    /// or remote branch can stand in for them: `main` (refs/heads/main), a proposal (by name or id
    /// prefix), a version tag (refs/tags/…), a commit id, a proposal, then any other git revision expression (a commit id,
    /// `main~2`, a full reference name).
    public func resolveRevision(_ revision: String) throws -> ObjectID {
        if revision == "main" || revision == RefNames.main { return try requireMain() }
        if revision == "nap/record" || revision == RefNames.record {
            guard let head = try record.head() else { throw PlanError.notFound(kind: "revision", name: revision) }
            return head
        }
        if RefNames.shadowingProblem(tag: revision) == nil, Repository.isValidReferenceName(RefNames.tagPrefix + revision),
           let commit = try? repository.resolveCommit(RefNames.tagPrefix + revision) {
            return commit
        }
        let isHex = revision.count >= 4 && revision.allSatisfy(\.isHexDigit)
        if isHex, let commit = try? repository.resolveCommit(revision) { return commit }
        if let summary = try? proposal(named: revision), let head = summary.head { return head }
        if !isHex, let commit = try? repository.resolveCommit(revision) { return commit }
        throw PlanError.notFound(kind: "revision", name: revision)
    }
}
