import Foundation
import GitKit

/// The count of what a push of the record sends, made on a thread of its own while the push runs.
///
/// Counting events by kind decodes every file sent: for a whole plan's first push (100,000 events) about
/// three seconds on one core, which used to follow the push. While git's `pack-objects` writes the pack
/// it keeps about one core busy and nap's thread only waits for it, so the count is made then, with a
/// repository handle of its own (a libgit2 handle serves one thread at a time). Splitting the count
/// itself over two threads was slower than one: both unmapped libgit2's pack windows under its one lock.
/// A push of a few files counts them afterwards, as before (`Record.count`).
struct SentEventCount {
    /// The record commit whose files the count is of (what the push will send as `nap/record`).
    let commit: ObjectID
    private let work: BackgroundWork<EventCounts>

    /// How many files make a count worth a thread of its own.
    static let threadFrom = 256

    /// Starts counting `files` of the record in the repository at `gitDirectory`, unless they are few
    /// (nil: count them after the push).
    static func start(_ files: [String: ObjectID], of commit: ObjectID, gitDirectory: String) -> SentEventCount? {
        guard files.count >= threadFrom else { return nil }
        return SentEventCount(commit: commit, work: BackgroundWork {
            try Record(repository: try PlanError.wrap { try Repository.open(at: gitDirectory) }).count(files)
        })
    }

    /// Waits for the count; nil when it failed (then count again on the caller's thread).
    func wait() -> EventCounts? {
        try? work.wait().get()
    }
}
