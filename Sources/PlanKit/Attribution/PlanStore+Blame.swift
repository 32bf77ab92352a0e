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
        guard try files(at: head).read(PlanFiles.commitmentPath(id: id)) != nil else { throw PlanError.notFound(kind: L("commitment"), name: id) }
        return try blames(of: [id], head: head)[id] ?? []
    }

    /// The lines of a file's text, each with the commit, author, member and proposal its blame hunk names
    /// (every hunk's proposal looked up); `authors` remembers the commits already read (shared across files).
    func attributedLines(_ data: [UInt8], hunks: [AuthoredHunk], members: Members, authors: inout [ObjectID: Signature]) throws -> [AttributedLine] {
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
            let proposal: String? = if case .slug(let slug) = hunk.proposal { slug } else { nil }
            for offset in 0..<hunk.lineCount {
                let number = hunk.startLine + offset
                guard number >= 1, number <= count else { continue }
                let text = lines[number - 1].hasSuffix("\r") ? String(lines[number - 1].dropLast()) : lines[number - 1]
                result.append(AttributedLine(number: number, text: text, commit: hunk.commit, author: author, member: member, proposal: proposal))
            }
        }
        return result.sorted { $0.number < $1.number }
    }
}
