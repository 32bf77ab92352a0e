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

    /// The cached paths for these ids, or `compute()` (then remembered). A new copy's first listing
    /// computes every proposal's; their merge bases come from one walk of main (`MainMergeBases`).
    func paths(head: ObjectID, base: ObjectID?, main: ObjectID?, compute: () throws -> [String]) throws -> [String] {
        let key = head.hex + " " + (base?.hex ?? "-") + " " + (main?.hex ?? "-")
        used.insert(key)
        if let known = entries[key] { return known }
        let paths = try compute()
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
