import GitKit

/// Whether a proposal head merges cleanly into main, and whether the merged plan validates: a pure
/// function of the two commits, cached under their ids (`nap show` and `nap merge` ask on every run).
struct MergeCheck: Codable, Sendable, Equatable {
    /// The conflicting paths; nil when the merge is clean.
    let conflicts: [String]?
    /// How many validation errors the merged plan has, and the first of them.
    let errorCount: Int
    let firstError: String?
    /// How many best common ancestors main and the head have: more than one (criss-cross merges) means
    /// the merge would use a virtual base, and the text shown as the proposal's change (against one
    /// base) might not be what merges; nil in checks stored before this was asked.
    var mergeBases: Int? = nil

    /// The most checks kept (old ones are for mains and heads of the past).
    static let maximumEntries = 2_000
}

extension PlanStore {
    /// The merge check of `head` into `main`, from the cache when it was computed for these two commits.
    func mergeCheck(main: ObjectID, head: ObjectID) throws -> MergeCheck {
        let cache = derivedCache
        let key = main.hex + " " + head.hex
        // Read from the cache once per store: a site's build asks for a check per proposal page.
        var checks = memos.mergeChecks ?? cache.load("merge-checks", as: [String: MergeCheck].self) ?? [:]
        memos.mergeChecks = checks
        if let known = checks[key], known.mergeBases != nil { return known }
        var check: MergeCheck
        let bases = try mergeBases(main: main, head: head)
        switch try PlanError.wrap({ try repository.mergeCommits(ours: main, theirs: head, bases: bases) }) {
        case .conflicts(let paths):
            check = MergeCheck(conflicts: paths, errorCount: 0, firstError: nil)
        case .clean(let tree):
            let errors = PlanValidator(memo: memos.parses).validate(source: TreeFileSource(repository: repository, tree: tree)).filter { $0.severity == .error }
            check = MergeCheck(conflicts: nil, errorCount: errors.count, firstError: errors.first.map { "\($0)" })
        }
        check.mergeBases = bases.count
        if checks.count >= MergeCheck.maximumEntries { checks.removeAll() }
        checks[key] = check
        memos.mergeChecks = checks
        cache.store(checks, as: "merge-checks")
        return check
    }
}
