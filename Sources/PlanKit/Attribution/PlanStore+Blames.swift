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
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let count = lines.last == "" ? lines.count - 1 : lines.count
            var attributed: [AttributedLine] = []
            attributed.reserveCapacity(count)
            for hunk in try cachedBlame(path: path, head: head, store: &stored) {
                let author: Signature
                if let known = authors[hunk.commit] {
                    author = known
                } else {
                    author = try PlanError.wrap { try repository.commit(hunk.commit).author }
                    authors[hunk.commit] = author
                }
                let member = members.member(email: author.email)
                for offset in 0..<hunk.lineCount {
                    let number = hunk.startLine + offset
                    guard number >= 1, number <= count else { continue }
                    let text = lines[number - 1].hasSuffix("\r") ? String(lines[number - 1].dropLast()) : lines[number - 1]
                    attributed.append(AttributedLine(number: number, text: text, commit: hunk.commit, author: author, member: member,
                                                     proposal: lineage.proposalOf[hunk.commit]))
                }
            }
            result[id] = attributed.sorted { $0.number < $1.number }
        }
        storeBlames(stored)
        return result
    }
}
