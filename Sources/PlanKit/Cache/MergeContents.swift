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
    /// Main's ancestry up to the first parent of the last merge computed.
    private var mainAncestry: MergeBases?
    /// How many merges this verification computed (not found in the cache).
    private var computed = 0
    static let mergesBeforeWalkingMain = 8
    static let name = "merge-contents"

    init(cache: DerivedStateCache) {
        self.cache = cache
        entries = cache.load(Self.name, as: [String: MergeContent].self) ?? [:]
    }

    /// The content of merge commit `commit`, whose first parent is `ours` and second `theirs`. Asked in
    /// the order of main's line (oldest first), as `nap verify` walks it, the merge bases come from one
    /// walk of main's history that moves forward with it (`MergeBases.advance`), not a walk of all of
    /// main per merge; the tree merge then starts from the base found.
    func content(of commit: ObjectID, ours: ObjectID, theirs: ObjectID, in repository: Repository) throws -> MergeContent {
        if let known = entries[commit.hex] { return known }
        // A few merges (a sync that brought one) ask libgit2, which walks only back to where each proposal
        // branched; past that (a clone, a first verify) one walk of main serves them all.
        computed += 1
        let walksMain = computed > Self.mergesBeforeWalkingMain
        let (bases, merged) = try PlanError.wrap {
            let bases: [ObjectID]
            if walksMain {
                let finder = try mainAncestry.map { try $0.advance(to: ours); return $0 } ?? MergeBases(repository: repository, target: ours)
                mainAncestry = finder
                bases = try finder.mergeBases(with: theirs)
            } else {
                bases = try repository.mergeBases(ours, theirs)
            }
            return (bases, try repository.mergeCommits(ours: ours, theirs: theirs, bases: bases))
        }
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
