import Foundation
import GitKit
import Localization

/// One line of a commitment with who wrote it and how it reached the plan.
public struct AttributedLine: Sendable {
    public let number: Int
    public let text: String
    public let commit: ObjectID
    public let author: Signature
    /// The member with the author's email in members.yml on main now; nil for someone outside the forum.
    public let member: Member?
    /// The proposal whose merge brought the line into main; nil for the plan's founding commits.
    public let proposal: String?

    /// The author's sector, or `public`.
    public var sector: String { member?.sector.rawValue ?? "public" }
}

extension PlanStore {
    /// Every line of `commitments/<id>.md` on `revision` (default main) with the member, organization and
    /// sector that wrote it and the proposal it came through.
    public func blame(commitment id: String, at revision: String? = nil) throws -> [AttributedLine] {
        let head = try revision.map(resolveRevision) ?? requireMain()
        let path = PlanFiles.commitmentPath(id: id)
        guard let data = try files(at: head).read(path) else { throw PlanError.notFound(kind: L("commitment"), name: id) }
        let lineage = try PlanError.wrap { try ProposalLineage(repository: repository, main: head) }
        let members = try loadPlan(at: head).members
        return try attribute(path: path, data: data, head: head, lineage: lineage, members: members)
    }

    func attribute(path: String, data: [UInt8], head: ObjectID, lineage: ProposalLineage, members: Members) throws -> [AttributedLine] {
        let hunks = try PlanError.wrap { try repository.blame(path: path, newest: head) }
        var authors: [ObjectID: Signature] = [:]
        return try attributedLines(data, hunks: hunks.map { ($0.startLine, $0.lineCount, $0.commit) }, lineage: lineage, members: members, authors: &authors)
    }

    /// The lines of a file's text, each with the commit, author, member and proposal its blame hunk names;
    /// `authors` remembers the commits already read (shared across files).
    func attributedLines(_ data: [UInt8], hunks: [(startLine: Int, lineCount: Int, commit: ObjectID)], lineage: ProposalLineage, members: Members,
                         authors: inout [ObjectID: Signature]) throws -> [AttributedLine] {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let count = lines.last == "" ? lines.count - 1 : lines.count
        var result: [AttributedLine] = []
        result.reserveCapacity(count)
        for hunk in hunks {
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
                result.append(AttributedLine(number: number, text: text, commit: hunk.commit, author: author, member: member,
                                             proposal: lineage.proposalOf[hunk.commit]))
            }
        }
        return result.sorted { $0.number < $1.number }
    }
}
