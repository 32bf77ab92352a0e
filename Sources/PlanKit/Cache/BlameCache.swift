import Foundation
import GitKit

/// A run of lines of a file last changed by one commit, with that commit's author.
struct AuthoredHunk: Sendable, Equatable {
    let startLine: Int
    let lineCount: Int
    let commit: ObjectID
    let email: String
    let name: String
    /// The proposal whose merge brought the commit into main, once looked up (`PlanStore.blames`): it
    /// never changes while the hunk is reused, since the hunk is reused only along main's first parents.
    var proposal: HunkProposal = .unknown
}

/// Which proposal brought a blamed commit into main: not looked up yet, none (a founding commit), or one.
enum HunkProposal: Sendable, Equatable {
    case unknown
    case none
    case slug(String)

    /// The cache's field: empty for unknown, `-` for none, `+slug` for a proposal.
    var field: String {
        switch self {
        case .unknown: ""
        case .none: "-"
        case .slug(let slug): "+" + slug
        }
    }

    init?(field: String) {
        if field.isEmpty {
            self = .unknown
        } else if field == "-" {
            self = .none
        } else if field.hasPrefix("+") {
            self = .slug(String(field.dropFirst()))
        } else {
            return nil
        }
    }
}

extension PlanStore {
    /// Who last changed each line of `path` as of `head` (git blame), in line order, from the cache when
    /// it holds the blame of the same file for `head`, or for an older main that `head` reaches along
    /// first parents without the file changing on the way: git (and libgit2) then passes the whole blame
    /// to that first parent, so the answer is the same. Otherwise the file is blamed afresh.
    func cachedBlame(path: String, head: ObjectID, store: inout [String: (commit: ObjectID, blob: ObjectID, hunks: [AuthoredHunk])]) throws -> [AuthoredHunk] {
        let blob = try PlanError.wrap { try repository.treeEntry(try repository.treeID(ofCommit: head), path: path)?.id }
        if let blob, let cached = store[path], cached.blob == blob, try reachesUnchanged(cached.commit, from: head, path: path, blob: blob) {
            store[path] = (head, blob, cached.hunks)
            return cached.hunks
        }
        var authors: [ObjectID: Signature] = [:]
        let hunks = try PlanError.wrap {
            try repository.blame(path: path, newest: head).map { hunk -> AuthoredHunk in
                let author = try authors[hunk.commit] ?? repository.commit(hunk.commit).author
                authors[hunk.commit] = author
                return AuthoredHunk(startLine: hunk.startLine, lineCount: hunk.lineCount, commit: hunk.commit, email: author.email, name: author.name)
            }
        }.sorted { $0.startLine < $1.startLine }
        if let blob { store[path] = (head, blob, hunks) }
        return hunks
    }

    /// True when `ancestor` is on `head`'s first-parent line and `path` is `blob` in every commit between.
    private func reachesUnchanged(_ ancestor: ObjectID, from head: ObjectID, path: String, blob: ObjectID) throws -> Bool {
        var current = head
        for _ in 0..<2_000 {
            if current == ancestor { return true }
            guard let parent = try PlanError.wrap({ try repository.commit(current).parents.first }) else { return false }
            let parentBlob = try PlanError.wrap { try repository.treeEntry(try repository.treeID(ofCommit: parent), path: path)?.id }
            guard parentBlob == blob else { return false }
            current = parent
        }
        return false
    }

    /// The stored blames (`blame.v<N>.txt`): per file its head, its blob and its hunks (with their proposals
    /// when looked up).
    func loadBlames() -> [String: (commit: ObjectID, blob: ObjectID, hunks: [AuthoredHunk])] {
        var result: [String: (commit: ObjectID, blob: ObjectID, hunks: [AuthoredHunk])] = [:]
        var current: (path: String, commit: ObjectID, blob: ObjectID, hunks: [AuthoredHunk])?
        func finish() { if let current { result[current.path] = (current.commit, current.blob, current.hunks) } }
        for record in derivedCache.loadLines("blame")?.records ?? [] {
            if record.count == 4, record[0] == "F", let commit = ObjectID(hex: record[2]), let blob = ObjectID(hex: record[3]) {
                finish()
                current = (record[1], commit, blob, [])
            } else if record.count == 7, record[0] == "H", let start = Int(record[1]), let count = Int(record[2]),
                      let commit = ObjectID(hex: record[3]), let proposal = HunkProposal(field: record[6]), current != nil {
                current?.hunks.append(AuthoredHunk(startLine: start, lineCount: count, commit: commit, email: record[4], name: record[5],
                                                   proposal: proposal))
            } else {
                return [:]
            }
        }
        finish()
        return result
    }

    func storeBlames(_ blames: [String: (commit: ObjectID, blob: ObjectID, hunks: [AuthoredHunk])]) {
        var records: [[String]] = []
        for (path, entry) in blames.sorted(by: { $0.key < $1.key }) {
            records.append(["F", path, entry.commit.hex, entry.blob.hex])
            for hunk in entry.hunks {
                records.append(["H", String(hunk.startLine), String(hunk.lineCount), hunk.commit.hex, hunk.email, hunk.name, hunk.proposal.field])
            }
        }
        derivedCache.storeLines(records, key: "", as: "blame")
    }
}
