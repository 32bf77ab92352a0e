import Foundation
import GitKit
import Localization

/// What changed between two versions of the plan, commitment by commitment, and which merged proposals
/// brought the changes (from the trailers of the merge commits on main's first-parent line).
public struct PlanChanges: Sendable {
    /// One end of the comparison: the revision as named, and its commit.
    public struct Endpoint: Sendable, Equatable {
        public let revision: String
        public let commit: ObjectID
    }

    /// A prose section added, removed or modified in one language.
    public struct SectionChange: Sendable, Equatable {
        public enum Change: String, Sendable { case added, removed, modified }
        public let key: SectionKey
        public let language: String
        public let change: Change
    }

    /// One commitment that was added, removed or changed.
    public struct CommitmentChange: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public let kind: Kind
        public let id: String
        /// The title in the newer version (in the older one for a removed commitment).
        public let title: LocalizedText
        /// The structured fields that changed, in the order of the OGP template: `title`, `period`, `lead`,
        /// `supporting`, `values`, `status`, `milestones`, `contact`, `sdgs`, `budget`.
        public let fields: [String]
        /// The languages whose title changed.
        public let titleLanguages: [String]
        /// The period before and after, when it changed.
        public let period: (from: String?, to: String?)?
        /// The number of milestones before and after, when the milestones changed.
        public let milestones: (from: Int, to: Int)?
        public let sections: [SectionChange]
        /// The file changed in ways a reader does not see (layout, comments, translation marks).
        public let layoutOnly: Bool
        /// The slugs of the merged proposals that changed this commitment, oldest first.
        public let proposals: [String]

        public static func == (lhs: CommitmentChange, rhs: CommitmentChange) -> Bool {
            lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.fields == rhs.fields && lhs.sections == rhs.sections
                && lhs.proposals == rhs.proposals && lhs.layoutOnly == rhs.layoutOnly
        }
    }

    /// A proposal merged into main between the two versions.
    public struct MergedProposal: Sendable, Equatable {
        public let slug: String
        /// The proposal id (the `Proposal:` trailer), when the merge commit has one.
        public let id: String?
        public let title: String
        public let commit: ObjectID
        /// Commitment ids the merge changed.
        public let commitments: [String]
        /// Other files the merge changed.
        public let files: [String]
    }

    /// A commit on main's first-parent line that is not a merge (a change made before the forum was
    /// founded, or outside nap).
    public struct DirectCommit: Sendable, Equatable {
        public let commit: ObjectID
        public let summary: String
        public let author: String
    }

    public let from: Endpoint
    public let to: Endpoint
    /// Added, removed and changed commitments, by id.
    public let commitments: [CommitmentChange]
    /// Files other than commitments that changed (plan.yml, members.yml, GOVERNANCE.md, …).
    public let otherFiles: [String]
    /// Merged proposals, oldest first.
    public let proposals: [MergedProposal]
    public let directCommits: [DirectCommit]

    public var added: [CommitmentChange] { commitments.filter { $0.kind == .added } }
    public var removed: [CommitmentChange] { commitments.filter { $0.kind == .removed } }
    public var changed: [CommitmentChange] { commitments.filter { $0.kind == .changed } }
}

extension PlanStore {
    /// The changes from `older` to `newer` (versions, or any revisions on main's line). Refuses when
    /// `older` is not an ancestor of `newer`.
    public func changes(from older: String, to newer: String) throws -> PlanChanges {
        try changes(from: try resolveRevision(older), named: older, to: try resolveRevision(newer), named: newer)
    }

    /// The changes from one published version to a later one (`changes(from: older.name, to: newer.name)`
    /// without resolving the names again).
    public func changes(from older: PublishedVersion, to newer: PublishedVersion) throws -> PlanChanges {
        try changes(from: older.commit, named: older.name, to: newer.commit, named: newer.name)
    }

    /// The changes from the commit `old` (called `older`) to `new` (called `newer`).
    public func changes(from old: ObjectID, named older: String, to new: ObjectID, named newer: String) throws -> PlanChanges {
        guard try isAncestor(old, of: new) else {
            throw PlanError.invalidInput(L("\(older) (\(old.short())) is not an earlier version of \(newer) (\(new.short())); give the earlier version first"))
        }
        let before = try contents(at: old)
        let after = try contents(at: new)
        let (proposals, direct) = try mergedProposals(from: old, to: new)
        let deltas = try PlanError.wrap {
            try repository.diffTrees(try repository.treeID(ofCommit: old), try repository.treeID(ofCommit: new))
        }
        let changedFiles = Set(deltas.flatMap { [$0.oldPath, $0.newPath] })
        let oldByID = Dictionary(before.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(after.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [PlanChanges.CommitmentChange] = []
        for id in Set(oldByID.keys).union(newByID.keys).sorted() {
            let by = proposals.filter { $0.commitments.contains(id) }.map(\.slug)
            switch (oldByID[id], newByID[id]) {
            case (nil, let added?):
                changes.append(.init(kind: .added, id: id, title: added.title, fields: [], titleLanguages: [], period: nil,
                                     milestones: nil, sections: [], layoutOnly: false, proposals: by))
            case (let removed?, nil):
                changes.append(.init(kind: .removed, id: id, title: removed.title, fields: [], titleLanguages: [], period: nil,
                                     milestones: nil, sections: [], layoutOnly: false, proposals: by))
            case (let before?, let after?):
                if let change = CommitmentComparison(before: before, after: after).change(proposals: by,
                    fileChanged: changedFiles.contains(PlanFiles.commitmentPath(id: id))) {
                    changes.append(change)
                }
            case (nil, nil):
                break
            }
        }
        let others = deltas.map(\.path).filter { !($0.hasPrefix(PlanFiles.commitments + "/") && $0.hasSuffix(".md")) }
        return PlanChanges(from: .init(revision: older, commit: old), to: .init(revision: newer, commit: new),
                           commitments: changes, otherFiles: Array(Set(others)).sorted(), proposals: proposals, directCommits: direct)
    }

    /// The merges on main's first-parent line after `old` up to `new`, oldest first, read from their
    /// trailers; and the other commits on that line.
    private func mergedProposals(from old: ObjectID, to new: ObjectID) throws -> ([PlanChanges.MergedProposal], [PlanChanges.DirectCommit]) {
        try PlanError.wrap {
            var proposals: [PlanChanges.MergedProposal] = []
            var direct: [PlanChanges.DirectCommit] = []
            let line = try repository.walk(from: [new], hiding: [old], order: [.topological], firstParentOnly: true).reversed()
            for id in line {
                let commit = try repository.commit(id)
                guard commit.parents.count >= 2, let slug = Self.trailer("Proposal-Slug", in: commit.message) else {
                    direct.append(.init(commit: id, summary: commit.summary, author: commit.author.name))
                    continue
                }
                let paths = try repository.diffTrees(try repository.treeID(ofCommit: commit.parents[0]), commit.tree).map(\.path)
                let commitments = paths.compactMap { path -> String? in
                    guard path.hasPrefix(PlanFiles.commitments + "/"), path.hasSuffix(".md") else { return nil }
                    return String(path.dropFirst(PlanFiles.commitments.count + 1).dropLast(3))
                }
                let prefix = "Merge proposal \(slug): "
                let title = commit.summary.hasPrefix(prefix) ? String(commit.summary.dropFirst(prefix.count)) : commit.summary
                proposals.append(.init(slug: slug, id: Self.trailer("Proposal", in: commit.message), title: title, commit: id,
                                       commitments: commitments, files: paths.filter { !$0.hasPrefix(PlanFiles.commitments + "/") }))
            }
            return (proposals, direct)
        }
    }

    /// The value of the last `Key: value` trailer line in a commit message.
    static func trailer(_ key: String, in message: String) -> String? {
        let prefix = key + ": "
        return message.split(separator: "\n").last { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)).trimmed }
    }
}

/// Compares two versions of one commitment field by field.
struct CommitmentComparison {
    let before: Commitment
    let after: Commitment

    func change(proposals: [String], fileChanged: Bool) -> PlanChanges.CommitmentChange? {
        var fields: [String] = []
        if before.title != after.title { fields.append("title") }
        if before.period != after.period { fields.append("period") }
        if before.lead != after.lead { fields.append("lead") }
        if before.supporting != after.supporting { fields.append("supporting") }
        if before.values != after.values { fields.append("values") }
        if before.status != after.status { fields.append("status") }
        if before.milestones != after.milestones { fields.append("milestones") }
        if before.contact != after.contact { fields.append("contact") }
        if before.sdgs != after.sdgs { fields.append("sdgs") }
        if before.budget != after.budget { fields.append("budget") }
        let sections = sectionChanges()
        guard !fields.isEmpty || !sections.isEmpty || fileChanged else { return nil }
        let titleLanguages = Set(before.title.keys).union(after.title.keys).filter { before.title[$0] != after.title[$0] }.sorted()
        return PlanChanges.CommitmentChange(
            kind: .changed, id: after.id, title: after.title, fields: fields, titleLanguages: titleLanguages,
            period: before.period == after.period ? nil : (before.period?.description, after.period?.description),
            milestones: before.milestones == after.milestones ? nil : (before.milestones.count, after.milestones.count),
            sections: sections, layoutOnly: fields.isEmpty && sections.isEmpty, proposals: proposals)
    }

    /// Sections whose visible text (guidance comments removed) differs, in template order, then language.
    private func sectionChanges() -> [PlanChanges.SectionChange] {
        func texts(_ commitment: Commitment) -> [String: String] {
            var result: [String: String] = [:]
            for section in commitment.sections {
                let text = MarkdownText.withoutComments(section.text).trimmed
                if !text.isEmpty { result[section.key.rawValue + "\u{0}" + section.language] = text }
            }
            return result
        }
        let old = texts(before)
        let new = texts(after)
        var changes: [PlanChanges.SectionChange] = []
        for slot in Set(old.keys).union(new.keys) where old[slot] != new[slot] {
            let parts = slot.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = SectionKey(rawValue: parts[0]) else { continue }
            let change: PlanChanges.SectionChange.Change = old[slot] == nil ? .added : new[slot] == nil ? .removed : .modified
            changes.append(.init(key: key, language: parts[1], change: change))
        }
        let order = (after.sections + before.sections).map(\.language)
        return changes.sorted {
            ($0.key, order.firstIndex(of: $0.language) ?? .max, $0.language) < ($1.key, order.firstIndex(of: $1.language) ?? .max, $1.language)
        }
    }
}
