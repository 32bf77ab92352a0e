import Foundation
import GitKit

/// A gated merge on main's first-parent line, read from its trailers: which proposal brought which
/// commitments into the plan, when, and with whose approval. The website's commitment histories.
public struct MergeRecord: Sendable, Equatable {
    public let slug: String
    /// The `Proposal:` trailer (the proposal's id), when present.
    public let proposal: EventID?
    /// The proposal's title as the merge commit's summary gives it.
    public let title: String
    public let commit: ObjectID
    /// The merge commit's time (its committer's).
    public let time: Date
    /// Commitment ids whose files the merge changed (against its first parent).
    public let commitments: [String]
    /// Other files the merge changed.
    public let files: [String]
    /// The names in the `Approved-by:` trailers, with the role in brackets, e.g. `Lin (government co-chair)`;
    /// email addresses left out.
    public let approvedBy: [String]
}

extension PlanStore {
    /// Every gated merge on the first-parent line of `revision` (default main), oldest first.
    public func mergeHistory(upTo revision: String = "main") throws -> [MergeRecord] {
        let head = try resolveRevision(revision)
        return try PlanError.wrap {
            var records: [MergeRecord] = []
            for id in try repository.walk(from: [head], order: [.topological], firstParentOnly: true).reversed() {
                let commit = try repository.commit(id)
                guard commit.parents.count >= 2, let slug = Trailers.value("Proposal-Slug", in: commit.message) else { continue }
                let paths = try repository.diffTrees(try repository.treeID(ofCommit: commit.parents[0]), commit.tree).map(\.path)
                let prefix = PlanFiles.commitments + "/"
                let commitments = paths.compactMap { path -> String? in
                    guard path.hasPrefix(prefix), path.hasSuffix(".md") else { return nil }
                    return String(path.dropFirst(prefix.count).dropLast(3))
                }
                let heading = "Merge proposal \(slug): "
                let title = commit.summary.hasPrefix(heading) ? String(commit.summary.dropFirst(heading.count)) : commit.summary
                let approvals = Trailers.all(in: commit.message).filter { $0.key == "Approved-by" }.map { Self.withoutEmail($0.value) }
                records.append(MergeRecord(slug: slug, proposal: Trailers.value("Proposal", in: commit.message), title: title,
                                           commit: id, time: commit.committer.time, commitments: commitments,
                                           files: paths.filter { !$0.hasPrefix(prefix) }, approvedBy: approvals))
            }
            return records
        }
    }

    /// `Name <email> (role)` → `Name (role)`.
    static func withoutEmail(_ person: String) -> String {
        guard let open = person.firstIndex(of: "<"), let close = person[open...].firstIndex(of: ">") else { return person }
        let name = person[..<open].trimmingCharacters(in: .whitespaces)
        let rest = person[person.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? name : name + " " + rest
    }
}

extension PlanStore {
    /// Whether `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        // Both on one first-parent line (published versions on main), the ancestor farther from its head:
        // found in one walk of the line of the first commit asked about, kept for the store's life (later
        // questions about other commits do not replace it); otherwise libgit2 walks the whole ancestry.
        if memos.firstParentLine == nil {
            let line = try PlanError.wrap { try repository.walk(from: [commit], order: [], firstParentOnly: true) }
            memos.firstParentLine = (commit, Dictionary(line.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        if let distances = memos.firstParentLine?.distances, let from = distances[ancestor], let to = distances[commit], from > to { return true }
        return try PlanError.wrap { try repository.isAncestor(ancestor, of: commit) }
    }

    /// When a revision was made: a version's tagger time, else its commit's committer time.
    public func revisionTime(_ revision: String) throws -> Date {
        try time(of: revision)
    }
}
