import GitKit
import Localization

extension PlanStore {
    /// The commit a revision names, nap's own references first and by their full names, so that no tag
    /// or remote branch can stand in for them: `main` (refs/heads/main, also in `main~2`), `nap/record`,
    /// a full reference name (`refs/tags/v1`), `proposal/<slug>` (the branch), a commit id, then a version
    /// tag or a proposal (by name or id prefix), then any other git revision expression. A name that is
    /// both a version tag and a proposal is refused with the two ways to say which.
    public func resolveRevision(_ revision: String) throws -> ObjectID {
        if revision == "main" || revision == RefNames.main { return try requireMain() }
        if revision == "nap/record" || revision == RefNames.record {
            guard let head = try record.head() else { throw PlanError.notFound(kind: L("revision"), name: revision) }
            return head
        }
        if revision.hasPrefix("main~") || revision.hasPrefix("main^") {
            return try exactly(RefNames.main + revision.dropFirst("main".count), revision)
        }
        if revision.hasPrefix("refs/") { return try exactly(revision, revision) }
        if revision.hasPrefix("proposal/") { return try exactly("refs/heads/" + revision, revision) }
        let isHex = revision.count >= 4 && revision.allSatisfy(\.isHexDigit)
        if isHex, let commit = try? repository.resolveCommit(revision) { return commit }
        var tag: ObjectID?
        if RefNames.shadowingProblem(tag: revision) == nil, Repository.isValidReferenceName(RefNames.tagPrefix + revision) {
            tag = try? repository.resolveCommit(RefNames.tagPrefix + revision)
        }
        let proposal = try? resolveProposal(revision)
        if let tag {
            guard let proposal else { return tag }
            throw PlanError.refused(
                reason: L("'\(revision)' names both the version tag \(revision) and the proposal \(proposal.slug)"),
                hint: L("say which: `refs/tags/\(revision)` for the version, `proposal/\(proposal.slug)` for the proposal's drafts"))
        }
        if proposal != nil, let summary = try? self.proposal(named: revision), let head = summary.head { return head }
        if !isHex, let commit = try? repository.resolveCommit(revision) { return commit }
        throw PlanError.notFound(kind: L("revision"), name: revision)
    }

    /// The commit `expression` (a full reference name, possibly with `~`/`^` suffixes) names; `revision`
    /// is what was typed, for the error.
    private func exactly(_ expression: String, _ revision: String) throws -> ObjectID {
        guard let commit = try? repository.resolveCommit(expression) else { throw PlanError.notFound(kind: L("revision"), name: revision) }
        return commit
    }
}
