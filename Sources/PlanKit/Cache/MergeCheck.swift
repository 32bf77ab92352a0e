import GitKit

/// Whether a proposal head merges cleanly into main, and whether the merged plan validates: a pure
/// function of the two commits, cached under their ids (`nap show` and `nap merge` ask on every run).
struct MergeCheck: Codable, Sendable, Equatable {
    /// The conflicting paths; nil when the merge is clean.
    let conflicts: [String]?
    /// How many validation errors the merged plan has, and the first of them.
    let errorCount: Int
    let firstError: String?

    /// The most checks kept (old ones are for mains and heads of the past).
    static let maximumEntries = 2_000
}

extension PlanStore {
    /// The merge check of `head` into `main`, from the cache when it was computed for these two commits.
    func mergeCheck(main: ObjectID, head: ObjectID) throws -> MergeCheck {
        let cache = derivedCache
        let key = main.hex + " " + head.hex
        var checks = cache.load("merge-checks", as: [String: MergeCheck].self) ?? [:]
        if let known = checks[key] { return known }
        let check: MergeCheck
        switch try PlanError.wrap({ try repository.mergeCommits(ours: main, theirs: head) }) {
        case .conflicts(let paths):
            check = MergeCheck(conflicts: paths, errorCount: 0, firstError: nil)
        case .clean(let tree):
            let errors = PlanValidator().validate(source: TreeFileSource(repository: repository, tree: tree)).filter { $0.severity == .error }
            check = MergeCheck(conflicts: nil, errorCount: errors.count, firstError: errors.first.map { "\($0)" })
        }
        if checks.count >= MergeCheck.maximumEntries { checks.removeAll() }
        checks[key] = check
        cache.store(checks, as: "merge-checks")
        return check
    }
}
