import Foundation
import GitKit

extension PlanStore {
    /// Every proposal: those in the record and every `proposal/*` branch, including branches pushed with
    /// plain git that have no record yet. Sorted by opening time, then slug.
    public func proposals() throws -> [ProposalSummary] {
        let branches = try PlanError.wrap { try repository.references(matching: RefNames.proposalPrefix + "*") }
        var branchHeads: [String: ObjectID] = [:]
        for (name, target) in branches {
            if let slug = RefNames.slug(ofProposalBranch: name) { branchHeads[slug] = target }
        }
        let main = try mainHead()
        var result: [ProposalSummary] = []
        var seenSlugs = Set<String>()
        let tree = try record.tree()
        for (id, _) in try record.proposals(in: tree) {
            guard let state = ProposalState.fold(try record.events(of: id, in: tree).events) else { continue }
            seenSlugs.insert(state.slug)
            result.append(try summary(state: state, branchHead: branchHeads[state.slug], main: main))
        }
        for (slug, head) in branchHeads where !seenSlugs.contains(slug) {
            result.append(try summary(id: nil, slug: slug, state: nil, branchHead: head, base: nil, main: main))
        }
        return result.sorted { ($0.state?.opened ?? .distantFuture, $0.slug) < ($1.state?.opened ?? .distantFuture, $1.slug) }
    }

    func summary(state: ProposalState, branchHead: ObjectID?, main: ObjectID?) throws -> ProposalSummary {
        try summary(id: state.id, slug: state.slug, state: state, branchHead: branchHead, base: state.base, main: main)
    }

    private func summary(id: EventID?, slug: String, state: ProposalState?, branchHead: ObjectID?, base: ObjectID?, main: ObjectID?) throws -> ProposalSummary {
        let head = branchHead ?? state?.recordedHead
        var commitments: [String] = []
        var files: [String] = []
        if let head {
            for path in try changedPaths(head: head, base: base, main: main) {
                if path.hasPrefix("commitments/"), path.hasSuffix(".md") {
                    commitments.append(String(path.dropFirst("commitments/".count).dropLast(3)))
                } else {
                    files.append(path)
                }
            }
        }
        return ProposalSummary(id: id, slug: slug, state: state, branchHead: branchHead, changedCommitments: commitments, changedFiles: files)
    }

    /// The paths a proposal head changes against its merge base with main (or its recorded base).
    func changedPaths(head: ObjectID, base: ObjectID?, main: ObjectID?) throws -> [String] {
        try PlanError.wrap {
            var from = base
            if let main, let mergeBase = try repository.mergeBase(main, head) {
                // A merged proposal is contained in main; its own change is against its base.
                if mergeBase != head { from = mergeBase }
            }
            let old = try from.map { try repository.treeID(ofCommit: $0) }
            return try repository.diffTrees(old, try repository.treeID(ofCommit: head)).map(\.path).sorted()
        }
    }

    /// Finds a proposal by slug, or by a unique prefix of its id (at least 4 hex digits).
    public func proposal(named name: String) throws -> ProposalSummary {
        let all = try proposals()
        let bySlug = all.filter { $0.slug == name }
        if bySlug.count == 1 { return bySlug[0] }
        if bySlug.count > 1 {
            throw PlanError.ambiguous(kind: "proposal", prefix: name, candidates: bySlug.compactMap { $0.id.map { String($0.prefix(12)) } })
        }
        let lowered = name.lowercased()
        if lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) {
            let byID = all.filter { $0.id?.hasPrefix(lowered) == true }
            if byID.count == 1 { return byID[0] }
            if byID.count > 1 {
                throw PlanError.ambiguous(kind: "proposal", prefix: name, candidates: byID.map { "\($0.id?.prefix(12) ?? "") (\($0.slug))" })
            }
        }
        throw PlanError.notFound(kind: "proposal", name: name)
    }

    /// Like `proposal(named:)`, but requires a record (a proposal opened with nap, or adopted by it).
    public func recordedProposal(named name: String) throws -> (summary: ProposalSummary, state: ProposalState) {
        let summary = try proposal(named: name)
        guard let state = summary.state else {
            throw PlanError.refused(reason: "branch proposal/\(summary.slug) has no record yet (it was pushed with plain git)",
                                    hint: "open it in the record with `nap propose \(summary.slug) --title \"...\" --adopt-branch`")
        }
        return (summary, state)
    }
}
