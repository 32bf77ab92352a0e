import Foundation
import GitKit

extension PlanStore {
    /// `blame(commitment:at:)` for many commitments at once, as the website needs them. Each file's blame
    /// comes from the derived-state cache while the file is unchanged (Cache/BlameCache.swift), with the
    /// proposal that brought each hunk's commit; main's lineage (which merge brought each commit) is walked
    /// only when a hunk's proposal is not known yet. Commitments without a file are left out.
    public func blames(of ids: [String], at revision: String? = nil) throws -> [String: [AttributedLine]] {
        try blames(of: ids, head: try revision.map(resolveRevision) ?? requireMain())
    }

    func blames(of ids: [String], head: ObjectID) throws -> [String: [AttributedLine]] {
        let members = try loadPlan(at: head).members
        let source = try files(at: head)
        var stored = loadBlames()
        var lineage: ProposalLineage?
        var authors: [ObjectID: Signature] = [:]
        var result: [String: [AttributedLine]] = [:]
        for id in ids {
            let path = PlanFiles.commitmentPath(id: id)
            guard let data = try source.read(path) else { continue }
            var hunks = try cachedBlame(path: path, head: head, store: &stored)
            if hunks.contains(where: { $0.proposal == .unknown }) {
                let known = try lineage ?? PlanError.wrap { try ProposalLineage(repository: repository, main: head) }
                lineage = known
                for index in hunks.indices where hunks[index].proposal == .unknown {
                    hunks[index].proposal = known.proposalOf[hunks[index].commit].map(HunkProposal.slug) ?? .none
                }
                stored[path]?.hunks = hunks
            }
            result[id] = try attributedLines(data, hunks: hunks, members: members, authors: &authors)
        }
        storeBlames(stored)
        return result
    }
}
