import GitKit

/// What `nap verify` found nothing wrong with, kept between runs so that verifying again after one new
/// comment checks that proposal's events, not a hundred thousand (docs/PERFORMANCE.md):
///
/// - each proposal folder of the record: how many events it holds, how many a host attested, how many
///   carry a good signature by the author's key. A pure function of the folder's tree (its id covers
///   every event file and signature), the authority the events are admitted under, and the verified head
///   (whose line gives each member's key at each time).
/// - each gated merge on main's line: how many of its approvals a host attested and how many carry a
///   good signature. A pure function of the merge commit (its parents, trailers and tree; members.yml
///   and plan.yml before it), the folder of the proposal it merged, and the same authority.
///
/// The file is keyed by the verified head, main and the authority; entries by the commit and folder.
/// Anything with a finding is never kept: it is checked again on every run.
final class VerificationMemo {
    /// The counts one clean folder or merge added to the report.
    struct Counts: Equatable {
        var events = 0
        var hostAttested = 0
        var goodSignatures = 0
    }

    private let cache: DerivedStateCache
    private let key: String
    private var stored: [String: Counts] = [:]
    private var kept: [String: Counts] = [:]
    static let name = "verified"

    init(cache: DerivedStateCache, key: String) {
        self.cache = cache
        self.key = key
        guard let file = cache.loadLines(Self.name), file.key == key else { return }
        for record in file.records {
            guard record.count == 4, let events = Int(record[1]), let attested = Int(record[2]), let good = Int(record[3]) else {
                stored = [:]
                return
            }
            stored[record[0]] = Counts(events: events, hostAttested: attested, goodSignatures: good)
        }
    }

    private static func entry(folder: ObjectID) -> String { "F" + folder.hex }
    private static func entry(merge: ObjectID, folder: ObjectID) -> String { "M" + merge.hex + folder.hex }

    /// The counts of a folder verified clean before under the same key.
    func counts(ofFolder folder: ObjectID) -> Counts? { reuse(Self.entry(folder: folder)) }

    /// The counts of a merge, of the proposal in `folder`, verified clean before under the same key.
    func counts(ofMerge merge: ObjectID, folder: ObjectID) -> Counts? { reuse(Self.entry(merge: merge, folder: folder)) }

    /// Remembers a folder just verified without a finding.
    func keep(folder: ObjectID, _ counts: Counts) { kept[Self.entry(folder: folder)] = counts }

    /// Remembers a merge just verified without a finding.
    func keep(merge: ObjectID, folder: ObjectID, _ counts: Counts) { kept[Self.entry(merge: merge, folder: folder)] = counts }

    private func reuse(_ entry: String) -> Counts? {
        guard let counts = stored[entry] else { return nil }
        kept[entry] = counts
        return counts
    }

    /// Writes the entries of this run (so the file never grows past the record and the line), when they
    /// differ from what was read.
    func save() {
        guard kept != stored else { return }
        let records = kept.sorted { $0.key < $1.key }.map { entry, counts in
            [entry, String(counts.events), String(counts.hostAttested), String(counts.goodSignatures)]
        }
        cache.storeLines(records, key: key, as: Self.name)
    }
}
