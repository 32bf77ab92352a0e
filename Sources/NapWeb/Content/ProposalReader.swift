import Foundation
import PlanKit

/// Reads what only a proposal's own page shows — `nap show`'s full picture (anchors, blockers,
/// signatures) and `nap diff`'s text changes — when that page is rendered, not when the site is read:
/// a build then holds the details of a few proposals at a time instead of all of them, and a rebuild
/// whose page cache says a proposal's pages are unchanged never reads them.
///
/// Pages are rendered on several threads while the store is used from one: every read holds the lock.
/// The last few proposals read are kept, so that the pages of one proposal in each language (rendered
/// next to each other, `SiteRenderer.renderOrder`) read it once.
final class ProposalReader: @unchecked Sendable {
    /// A proposal's page's own content.
    struct Loaded {
        let detail: ProposalDetail
        let files: [FileChange]
    }

    private let lock = NSLock()
    private let store: PlanStore
    private var recent: [(id: EventID, loaded: Loaded)] = []
    private static let kept = 4
    /// The moment the merge gate and response deadlines are judged at: the site's day for a static site
    /// (so that the same state gives the same page), nil for the computer's clock (`nap serve`).
    let now: Date?

    init(store: PlanStore, now: Date? = nil) {
        self.store = store
        self.now = now
    }

    /// The detail and the diff of a proposal the site has read (with its summary and state).
    func load(_ summary: ProposalSummary) throws -> Loaded {
        try lock.withLock {
            if let id = summary.id, let known = recent.first(where: { $0.id == id }) { return known.loaded }
            let detail = try store.detail(of: summary, now: now)
            let id = detail.state.id
            let files = detail.summary.head == nil ? [] : try store.diff(of: detail.summary).files
            let loaded = Loaded(detail: detail, files: files)
            recent.append((id, loaded))
            if recent.count > Self.kept { recent.removeFirst() }
            return loaded
        }
    }

    /// The pages an earlier build wrote into `folder`, with their keys (PlanKit's cache of derived state).
    func pageRecords(folder: String) -> [String: SitePageRecord] {
        lock.withLock { store.sitePageRecords(folder: folder) }
    }

    /// Remembers the pages this build wrote into `folder`.
    func storePageRecords(_ records: [String: SitePageRecord], folder: String) {
        lock.withLock { store.storeSitePageRecords(records, folder: folder) }
    }
}
