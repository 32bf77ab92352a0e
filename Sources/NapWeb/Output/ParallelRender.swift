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
        // Each worker takes the next file when it is done with one: pages differ in cost by a thousand
        // times (a proposal with a thousand comments beside one with none), so fixed shares leave a core idle.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let offset = results.take() {
                let outcome = Result { try shared.site.render(at: indices[offset]) }
                results.set(offset, outcome)
            }
        }
        return try results.files()
    }

    /// The site, read by every worker and changed by none.
    private struct Shared: @unchecked Sendable {
        let site: SiteRenderer
    }

    /// Hands out the slots, one at a time, and keeps what each worker made of its own; the lock orders the
    /// writes with the final read.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<SiteFile, any Error>?]
        private var next = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// The next slot no worker has taken; nil when every one is taken.
        func take() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

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
