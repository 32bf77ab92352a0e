import GitKit

/// What a merge commit on main merged, as `nap verify` recomputes it: how many merge bases its two
/// parents have and the tree that merging them gives, or the paths that conflict. A pure function of
/// the commit (its id covers its parents), so it is cached under the commit's id: verifying again after
/// one new event does not merge every past proposal again (docs/PERFORMANCE.md).
struct MergeContent: Codable, Sendable, Equatable {
    /// How many best common ancestors the two parents have.
    let mergeBases: Int
    /// The clean merge's tree (hex); nil when the parents conflict.
    let tree: String?
    /// The conflicting paths (empty when clean).
    let conflicts: [String]

    /// The most entries kept (a national plan merges a few hundred proposals per cycle).
    static let maximumEntries = 50_000
}

/// The merge contents one verification reads, computes when missing, and stores back once.
final class MergeContents {
    private let cache: DerivedStateCache
    private var entries: [String: MergeContent]
    private var added = false
    static let name = "merge-contents"

    init(cache: DerivedStateCache) {
        self.cache = cache
        entries = cache.load(Self.name, as: [String: MergeContent].self) ?? [:]
    }

    /// The content of merge commit `commit`, whose first parent is `ours` and second `theirs`. Asked in
    /// the order of main's line (oldest first), as `nap verify` walks it, the merge bases come from the
    /// store's one walk of main's history, moved forward with it (`MainMergeBases`), not a walk of all of
    /// main per merge; the tree merge then starts from the base found.
    func content(of commit: ObjectID, ours: ObjectID, theirs: ObjectID, in store: PlanStore) throws -> MergeContent {
        if let known = entries[commit.hex] { return known }
        let bases = try store.mergeBases(main: ours, head: theirs)
        let merged = try PlanError.wrap { try store.repository.mergeCommits(ours: ours, theirs: theirs, bases: bases) }
        let content = switch merged {
        case .clean(let tree): MergeContent(mergeBases: bases.count, tree: tree.hex, conflicts: [])
        case .conflicts(let paths): MergeContent(mergeBases: bases.count, tree: nil, conflicts: paths)
        }
        if entries.count >= MergeContent.maximumEntries { entries.removeAll() }
        entries[commit.hex] = content
        added = true
        return content
    }

    /// Stores what was computed, if anything was.
    func save() {
        guard added else { return }
        cache.store(entries, as: Self.name)
        added = false
    }
}
