import GitKit

/// What `nap verify` found in each proposal folder of the record that it found nothing wrong with: how
/// many events it holds, how many of them a host attested and how many carry a good signature by the
/// author's key. A pure function of the folder's tree (its id covers every event file and signature),
/// the authority the events are admitted under and the verified head (whose line gives each member's key
/// at each time), so the stored file is keyed by the last two and its entries by the folder: verifying
/// again after one new comment reads and checks that one proposal's events, not a hundred thousand.
/// A folder with any finding is never stored; it is checked again on every run.
final class VerifiedFolders {
    struct Counts: Equatable {
        let events: Int
        let hostAttested: Int
        let goodSignatures: Int
    }

    private let cache: DerivedStateCache
    private let key: String
    private var stored: [ObjectID: Counts] = [:]
    private var kept: [ObjectID: Counts] = [:]
    static let name = "verified-folders"

    init(cache: DerivedStateCache, key: String) {
        self.cache = cache
        self.key = key
        guard let file = cache.loadLines(Self.name), file.key == key else { return }
        for record in file.records {
            guard record.count == 4, let folder = ObjectID(hex: record[0]), let events = Int(record[1]),
                  let attested = Int(record[2]), let good = Int(record[3]) else { stored = [:]; return }
            stored[folder] = Counts(events: events, hostAttested: attested, goodSignatures: good)
        }
    }

    /// The counts of a folder verified clean before under the same key.
    func counts(of folder: ObjectID) -> Counts? {
        guard let counts = stored[folder] else { return nil }
        kept[folder] = counts
        return counts
    }

    /// Remembers a folder just verified without a finding.
    func keep(_ folder: ObjectID, _ counts: Counts) {
        kept[folder] = counts
    }

    /// Writes the folders of this run (the record's folders now, so the file never grows past them),
    /// when they differ from what was read.
    func save() {
        guard kept != stored else { return }
        let records = kept.sorted { $0.key.hex < $1.key.hex }.map { folder, counts in
            [folder.hex, String(counts.events), String(counts.hostAttested), String(counts.goodSignatures)]
        }
        cache.storeLines(records, key: key, as: Self.name)
    }
}
