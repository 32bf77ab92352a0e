import GitKit

/// The commitments of the plan at a commit, as the validator loads them but without their prose
/// sections, kept in the cache of derived state under the commit's tree id (a file per tree). Parsing
/// fifty commitments (YAML front matter and Markdown) takes tens of milliseconds; `nap inbox` needs
/// main's (who leads what, which area) and the published version's (titles, milestones) on every run. A
/// tree id names its files exactly, so an entry never goes stale.
private struct StoredOutlines: Codable {
    let tree: String
    let commitments: [Commitment]
}

extension PlanStore {
    /// The commitments at `commit` (what `contents(at:).commitments` gives) with `sections` emptied: their
    /// ids, titles, leads, areas, periods, milestones and other fields, not their text. From the cache
    /// when they were loaded from this very tree before.
    func commitmentOutlines(at commit: ObjectID) throws -> [Commitment] {
        let tree = try PlanError.wrap { try repository.treeID(ofCommit: commit) }.hex
        let cache = derivedCache
        let name = "commitments-" + tree
        if let stored = cache.load(name, as: StoredOutlines.self), stored.tree == tree { return stored.commitments }
        let outlines = try contents(at: commit).commitments.map { commitment -> Commitment in
            var outline = commitment
            outline.sections = []
            return outline
        }
        cache.removeFiles(prefix: "commitments-", keepingAtMost: 3)
        cache.store(StoredOutlines(tree: tree, commitments: outlines), as: name)
        return outlines
    }
}
