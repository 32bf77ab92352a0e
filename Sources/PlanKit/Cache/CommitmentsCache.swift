import GitKit

/// The commitments of the plan at a commit, as the validator loads them, kept in the cache of derived
/// state under the commit's tree id. Parsing fifty commitments (YAML front matter and Markdown) takes
/// tens of milliseconds; `nap inbox` needs main's (who leads what, which area) and the published
/// version's (milestones) on every run. A tree id names its files exactly, so an entry never goes stale.
private struct StoredCommitments: Codable {
    /// Commitments by the hex id of the tree they were loaded from.
    var trees: [String: [Commitment]]
    /// The most trees kept (main and the published version, and a few of the recent past).
    static let limit = 4
}

extension PlanStore {
    /// The commitments at `commit` (what `contents(at:).commitments` gives), from the cache when they
    /// were loaded from this very tree before.
    func loadedCommitments(at commit: ObjectID) throws -> [Commitment] {
        let tree = try PlanError.wrap { try repository.treeID(ofCommit: commit) }.hex
        let cache = derivedCache
        var stored = cache.load("commitments", as: StoredCommitments.self) ?? StoredCommitments(trees: [:])
        if let known = stored.trees[tree] { return known }
        let commitments = try contents(at: commit).commitments
        if stored.trees.count >= StoredCommitments.limit { stored.trees.removeAll() }
        stored.trees[tree] = commitments
        cache.store(stored, as: "commitments")
        return commitments
    }
}
