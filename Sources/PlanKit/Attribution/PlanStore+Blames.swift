import Foundation
import GitKit

extension PlanStore {
    /// `blame(commitment:at:)` for many commitments at once, as the website needs them: main's lineage
    /// (which merge brought each commit) is walked once, and each file's blame comes from the derived-state
    /// cache while the file is unchanged (Cache/BlameCache.swift). Commitments without a file are left out.
    public func blames(of ids: [String], at revision: String? = nil) throws -> [String: [AttributedLine]] {
        let head = try revision.map(resolveRevision) ?? requireMain()
        let lineage = try PlanError.wrap { try ProposalLineage(repository: repository, main: head) }
        let members = try loadPlan(at: head).members
        let source = try files(at: head)
        var stored = loadBlames()
        var authors: [ObjectID: Signature] = [:]
        var result: [String: [AttributedLine]] = [:]
        for id in ids {
            let path = PlanFiles.commitmentPath(id: id)
            guard let data = try source.read(path) else { continue }
            let hunks = try cachedBlame(path: path, head: head, store: &stored).map { ($0.startLine, $0.lineCount, $0.commit) }
            result[id] = try attributedLines(data, hunks: hunks, lineage: lineage, members: members, authors: &authors)
        }
        storeBlames(stored)
        return result
    }
}
