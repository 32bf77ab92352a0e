import CLibGit2

/// Merge bases of many commits against one (`git merge-base <main> <head>` for every proposal head),
/// answered from one walk of the fixed commit's ancestry instead of one libgit2 walk per question.
///
/// libgit2's `git_merge_base` walks back from both commits until the histories meet and parses every
/// commit on the way, in a pool it frees afterwards. Asked for a thousand proposal heads on a main of
/// ten thousand commits, it walks most of main a thousand times (`nap clone` spent 43% of its time
/// there). Here main's ancestors are listed once, then each head's own commits are walked back only
/// until they reach that set: a proposal is a few commits on top of main.
///
/// The answer is the same as `Repository.mergeBase`: every common ancestor of the head and main is
/// reached from the head through some commit in main's ancestry, and the first such commit on each path
/// (the boundary) is itself a common ancestor. When the walk finds exactly one boundary commit, every
/// common ancestor is that commit or behind it, so it is the one best merge base. With several (a
/// branch that merged main into itself, criss-cross merges), or when the head's own history is long, the
/// question goes to libgit2.
public final class MergeBases {
    private let repository: Repository
    /// The commit every question is asked against.
    public private(set) var target: ObjectID
    private var ancestry: Set<ObjectID>
    /// The most commits of a head's own history walked before asking libgit2 instead.
    static let walkLimit = 2_000

    /// Lists the ancestry of `target` (one revision walk).
    public init(repository: Repository, target: ObjectID) throws {
        self.repository = repository
        self.target = target
        ancestry = Set(try repository.walk(from: [target], order: []))
    }

    /// Asks later questions against `commit` instead. When the current target is an ancestor of it (main
    /// moving forward, as `nap verify` walks it), only the commits between are walked; otherwise the
    /// ancestry is listed again.
    public func advance(to commit: ObjectID) throws {
        guard commit != target else { return }
        // Walked aside and added only once the walk succeeded: a failed read leaves the finder as it was.
        var added: Set<ObjectID> = []
        var found: [ObjectID] = []
        var reachedTarget = false
        if !ancestry.contains(commit) { added.insert(commit); found.append(commit) }
        var next = 0
        while next < found.count {
            for parent in try repository.parentIDs(of: found[next]) {
                if parent == target { reachedTarget = true }
                if !ancestry.contains(parent), added.insert(parent).inserted { found.append(parent) }
            }
            next += 1
        }
        if reachedTarget {
            ancestry.formUnion(added)
        } else {
            ancestry = Set(try repository.walk(from: [commit], order: []))
        }
        target = commit
    }

    /// The best common ancestor of `head` and the target; nil when they share no history.
    public func mergeBase(with head: ObjectID) throws -> ObjectID? {
        switch try boundary(of: head) {
        case .none: nil
        case .one(let base): base
        case .unknown: try repository.mergeBase(target, head)
        }
    }

    /// Every best common ancestor of `head` and the target (`Repository.mergeBases`): one for a proposal
    /// branched from main, more after criss-cross merges, none when they share no history.
    public func mergeBases(with head: ObjectID) throws -> [ObjectID] {
        switch try boundary(of: head) {
        case .none: []
        case .one(let base): [base]
        case .unknown: try repository.mergeBases(target, head)
        }
    }

    private enum Boundary { case none, one(ObjectID), unknown }

    /// Walks back from `head` until the target's ancestry: the commits where it is entered.
    private func boundary(of head: ObjectID) throws -> Boundary {
        if ancestry.contains(head) { return .one(head) }
        var boundary: Set<ObjectID> = []
        var seen: Set<ObjectID> = [head]
        var queue = [head]
        var next = 0
        while next < queue.count {
            if seen.count > Self.walkLimit { return .unknown }
            let commit = queue[next]
            next += 1
            for parent in try repository.parentIDs(of: commit) where seen.insert(parent).inserted {
                if ancestry.contains(parent) {
                    boundary.insert(parent)
                } else {
                    queue.append(parent)
                }
            }
        }
        if boundary.isEmpty { return .none }
        if boundary.count == 1, let only = boundary.first { return .one(only) }
        return .unknown
    }
}

extension Repository {
    /// The parents of the commit `id`, without reading the rest of it into values.
    public func parentIDs(of id: ObjectID) throws -> [ObjectID] {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        return (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map { ObjectID($0) } }
    }
}
