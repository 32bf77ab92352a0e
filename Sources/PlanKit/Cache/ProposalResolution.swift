import Foundation
import GitKit
import Localization

extension PlanStore {
    /// The id of the proposal `name` names (a slug or a unique prefix of its id), read from the index of
    /// digests without folding it; nil for a `proposal/*` branch without a record. Throws as
    /// `proposal(named:)` does when `name` names none, or more than one.
    public func proposalID(named name: String) throws -> String? {
        try resolveProposal(name).id
    }

    /// The id, slug, title and head of the proposal `name` names, read from the index of digests without
    /// folding it (what a form needs to name the proposal it writes to); nil for a `proposal/*` branch
    /// without a record. Throws as `proposal(named:)` does when `name` names none, or more than one.
    public func proposalHeading(named name: String) throws -> ProposalHeading? {
        let candidate = try resolveProposal(name)
        guard let digest = try candidate.digest() else { return nil }
        return ProposalHeading(id: digest.id, slug: digest.slug, title: digest.title, head: candidate.branchHead ?? digest.recordedHead)
    }

    /// The one candidate `name` names: a slug, or a unique prefix of a proposal id (at least 4 hex digits).
    /// The same rules and messages as `proposal(named:)`.
    ///
    /// Only the candidates the name can match are made: the index's proposals with that slug or id prefix,
    /// and the branch of that slug, read by its name. Listing every `proposal/*` branch (a thousand files
    /// where git has not packed them) is left to what needs them all.
    func resolveProposal(_ name: String) throws -> ProposalCandidate {
        let all = if let batch = record.batch, batch.isOpen { try proposalCandidates() } else { try candidates(matching: name) }
        let bySlug = all.filter { $0.slug == name }
        if bySlug.count == 1 { return bySlug[0] }
        // Two proposals that once shared a name (one renamed after a clash, or one withdrawn): the name
        // belongs to the one still open.
        let open = bySlug.filter { $0.status == "open" }
        if bySlug.count > 1, open.count == 1 { return open[0] }
        if bySlug.count > 1 {
            throw PlanError.ambiguous(kind: L("proposal"), prefix: name, candidates: bySlug.compactMap { $0.id.map { String($0.prefix(12)) } })
        }
        let lowered = name.lowercased()
        if Self.isIDPrefix(lowered) {
            let byID = all.filter { $0.id?.hasPrefix(lowered) == true }
            if byID.count == 1 { return byID[0] }
            if byID.count > 1 {
                throw PlanError.ambiguous(kind: L("proposal"), prefix: name, candidates: byID.map { "\($0.id?.prefix(12) ?? "") (\($0.slug))" })
            }
        }
        throw PlanError.notFound(kind: L("proposal"), name: name)
    }

    /// Whether `lowered` can be a prefix of a proposal id: at least 4 hex digits.
    private static func isIDPrefix(_ lowered: String) -> Bool {
        lowered.count >= 4 && lowered.allSatisfy(\.isHexDigit)
    }

    /// The candidates `name` can resolve to, as `proposalCandidates()` makes them (the same branch
    /// ownership, the same order), without listing the branches.
    private func candidates(matching name: String) throws -> [ProposalCandidate] {
        let lowered = name.lowercased()
        let byID = Self.isIDPrefix(lowered)
        return try candidates(in: try record.tree(), where: { entry, slug in slug == name || (byID && entry.id.hasPrefix(lowered)) },
                              branches: [name], head: proposalBranchHead)
    }

    /// The head of the branch of the proposal `slug`; nil when there is none (or `slug` cannot name a
    /// branch). A symbolic reference is not a branch, as in the listing. A name with letters beyond ASCII
    /// that names no reference byte for byte is looked for in the listing, which compares names as Swift
    /// does (a branch written in another Unicode normalization form is found there).
    private func proposalBranchHead(_ slug: String) throws -> ObjectID? {
        let reference = RefNames.proposal(slug)
        guard !slug.isEmpty, Repository.isValidReferenceName(reference) else { return nil }
        if let head = try PlanError.wrap({ try repository.directReferenceTarget(reference) }) { return head }
        return slug.utf8.allSatisfy { $0 < 0x80 } ? nil : try proposalBranchHeads()[slug]
    }
}
