import Foundation
import Localization

/// Makes a site's files on every core. Rendering reads the site's content, which no page changes (the
/// shared mutable state, `RenderMemo` and the proposal reader, holds locks), so pages can be made at once.
enum ParallelRender {
    /// The files at `indices` of `site`, in that order; the first error thrown, if any.
    static func files(of site: SiteRenderer, _ indices: [Int]) throws -> [SiteFile] {
        let shared = Unchecked(site)
        return try map(indices.count) { offset in try shared.value.render(at: indices[offset]) }
    }

    /// `make(0)`, `make(1)` … `make(count - 1)` made on every core, in that order; the first error thrown,
    /// if any. Each worker takes the next index when it is done with one: the pieces of a site differ in
    /// cost by a thousand times (a proposal with a thousand comments beside one with none), so fixed
    /// shares would leave a core idle. `make` must be safe to call from several threads at once.
    static func map<Value>(_ count: Int, _ make: (Int) throws -> Value) throws -> [Value] {
        guard count > 0 else { return [] }
        let results = Results<Value>(count: count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        withoutActuallyEscaping(make) { make in
            let shared = Unchecked(make)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = results.take() {
                    results.set(index, Result { try shared.value(index) })
                }
            }
        }
        return try results.values()
    }

    /// A value the workers share, which none of them changes.
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Hands out the slots, one at a time, and keeps what each worker made of its own; the lock orders
    /// the writes with the final read.
    private final class Results<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<Value, any Error>?]
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

        func set(_ index: Int, _ outcome: Result<Value, any Error>) {
            lock.withLock { slots[index] = outcome }
        }

        func values() throws -> [Value] {
            try lock.withLock { slots }.map { slot in
                guard let slot else { throw SiteError.output(path: "", problem: L("a page was not rendered")) }
                return try slot.get()
            }
        }
    }
}
