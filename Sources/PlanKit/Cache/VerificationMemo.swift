import GitKit

/// What `nap verify` found nothing wrong with, kept between runs so that verifying again after one new
/// comment checks that proposal's events, not a hundred thousand (docs/PERFORMANCE.md):
///
/// - each proposal's `events` folder in the record: how many events it holds, how many a host attested,
///   how many carry a good signature by the author's key. A pure function of the proposal's id, the
///   folder's tree (its id covers every event file and signature), the authority the events are admitted
///   under, and the verified head (whose line gives each member's key at each time).
/// - each gated merge on main's line: how many of its approvals a host attested and how many carry a
///   good signature. A pure function of the merge commit (its parents, trailers and tree; members.yml
///   and plan.yml before it), the proposal it merged and that proposal's `events` folder, and the same
///   authority.
///
/// Not in the key: which objects this copy holds. An event naming an object that is absent is admitted,
/// and quarantined once the object arrives if it is not a commit; a remembered folder does not show that
/// notice in `nap verify`'s report until the folder, main or the authority changes. (The gate and every
/// fold read events afresh, never this memo.)
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

    // Entries name the proposal as well as its folder: the events' checks depend on the id (each event
    // must name its proposal), and a folder copied under another proposal has the same tree id.
    private static func entry(_ proposal: EventID, folder: ObjectID) -> String { "F " + proposal + " " + folder.hex }
    private static func entry(merge: ObjectID, proposal: EventID, folder: ObjectID) -> String {
        "M " + merge.hex + " " + proposal + " " + folder.hex
    }

    /// The counts of a proposal's `events` folder verified clean before under the same key.
    func counts(of proposal: EventID, folder: ObjectID) -> Counts? { reuse(Self.entry(proposal, folder: folder)) }

    /// The counts of a merge of `proposal`, whose `events` folder is `folder`, verified clean before.
    func counts(ofMerge merge: ObjectID, proposal: EventID, folder: ObjectID) -> Counts? {
        reuse(Self.entry(merge: merge, proposal: proposal, folder: folder))
    }

    /// Remembers a proposal's folder just verified without a finding.
    func keep(_ proposal: EventID, folder: ObjectID, _ counts: Counts) { kept[Self.entry(proposal, folder: folder)] = counts }

    /// Remembers a merge just verified without a finding.
    func keep(merge: ObjectID, proposal: EventID, folder: ObjectID, _ counts: Counts) {
        kept[Self.entry(merge: merge, proposal: proposal, folder: folder)] = counts
    }

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
