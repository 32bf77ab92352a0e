import GitKit

/// The paths each proposal head changes, cached by the ids they depend on: the head, the recorded base
/// and main (the change is taken against the merge base of head and main). Loaded once per use, saved
/// when something new was computed.
final class ChangedPathsMemo {
    private let cache: DerivedStateCache
    private var entries: [String: [String]]
    private var used = Set<String>()
    private var added = false
    /// The most entries kept when saving without pruning.
    static let maximumEntries = 20_000
    /// The cache file: one record per key (`<head> <base or -> <main or ->`), its fields the paths.
    static let name = "changes"

    init(cache: DerivedStateCache) {
        self.cache = cache
        entries = [:]
        for record in cache.loadLines(Self.name)?.records ?? [] where !record.isEmpty {
            entries[record[0]] = Array(record.dropFirst().filter { !$0.isEmpty })
        }
    }

    /// Paths computed since loading; from the `finderAfter`-th on, merge bases come from one `MergeBases`.
    private var computed = 0
    private var finder: MergeBases?
    static let finderAfter = 3

    /// The cached paths for these ids, or `compute()` (then remembered). `compute` is given a finder of
    /// merge bases against main once enough have been computed to pay for listing main's ancestry (a new
    /// copy's first listing computes every proposal's: `nap clone` spent 43% of its time in merge bases);
    /// `changedPaths` uses it only when it was made for the same main.
    func paths(head: ObjectID, base: ObjectID?, main: ObjectID?, repository: Repository,
               compute: (MergeBases?) throws -> [String]) throws -> [String] {
        let key = head.hex + " " + (base?.hex ?? "-") + " " + (main?.hex ?? "-")
        used.insert(key)
        if let known = entries[key] { return known }
        computed += 1
        if let main, computed >= Self.finderAfter, finder?.target != main {
            finder = try PlanError.wrap { try MergeBases(repository: repository, target: main) }
        }
        let paths = try compute(finder)
        entries[key] = paths
        added = true
        return paths
    }

    /// Writes the cache if anything was computed. With `pruning`, keeps only the entries used since
    /// loading (a full listing uses every current one, so the rest are for heads or mains of the past).
    func save(pruning: Bool) {
        guard added else { return }
        if pruning {
            entries = entries.filter { used.contains($0.key) }
        } else if entries.count > Self.maximumEntries {
            entries = entries.filter { used.contains($0.key) }
        }
        cache.storeLines(entries.map { [$0.key] + $0.value }, key: "", as: Self.name)
        added = false
    }
}
