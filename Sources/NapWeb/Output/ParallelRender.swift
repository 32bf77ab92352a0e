import Foundation
import Localization

/// Renders a range of a site's files on every core. Rendering reads the site's content, which no page
/// changes (the only shared mutable state, `RenderMemo`, holds a lock), so pages can be made at once.
enum ParallelRender {
    /// The files at `indices` of `site`, in that order; the first error thrown, if any.
    static func files(of site: SiteRenderer, _ indices: [Int]) throws -> [SiteFile] {
        guard !indices.isEmpty else { return [] }
        let results = Results(count: indices.count)
        let shared = Shared(site: site)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, indices.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var offset = worker
            while offset < indices.count {
                let outcome = Result { try shared.site.render(at: indices[offset]) }
                results.set(offset, outcome)
                offset += workers
            }
        }
        return try results.files()
    }

    /// The site, read by every worker and changed by none.
    private struct Shared: @unchecked Sendable {
        let site: SiteRenderer
    }

    /// Each worker writes only its own slots; the lock orders the writes with the final read.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<SiteFile, any Error>?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ outcome: Result<SiteFile, any Error>) {
            lock.withLock { slots[index] = outcome }
        }

        func files() throws -> [SiteFile] {
            try lock.withLock { slots }.map { slot in
                guard let slot else { throw SiteError.output(path: "", problem: L("a page was not rendered")) }
                return try slot.get()
            }
        }
    }
}
