import Foundation
import GitKit

/// Reading the events of many proposals on two threads: what a new copy does once for the whole record
/// (`PlanStore.indexEveryProposal`), and what reading every proposal's state does (a site's build). A
/// libgit2 handle serves one thread at a time, so the second thread opens the repository again and reads
/// with its own `Record` or `PlanStore`; the fold stays on the caller's thread.
enum ParallelEventReading {
    typealias Read = (events: [Event], problems: [PlanError])

    /// The events of each proposal in `tree`, in the order given, as `Record.events(of:in:)` reads them.
    static func read(_ proposals: [EventID], in tree: ObjectID, record: Record, gitDirectory: String) throws -> [Read] {
        try halves(proposals, minimum: 2, gitDirectory: gitDirectory, here: { part in
            try part.map { try record.events(of: $0, in: tree) }
        }, there: { repository, part in
            let other = Record(repository: repository)
            return try part.map { try other.events(of: $0, in: tree) }
        })
    }

    /// The events of each proposal in `tree`, in the order given, as `PlanStore.cachedEvents(of:in:)`
    /// reads them (from the cache of decoded events, or decoded and kept there).
    /// Opening a second store costs a few milliseconds: worth it for `minimum` proposals or more.
    static func readCached(_ proposals: [EventID], in tree: ObjectID, store: PlanStore, minimum: Int = 64) throws -> [Read] {
        let environment = store.environment
        return try halves(proposals, minimum: minimum, gitDirectory: store.repository.gitDirectory, here: { part in
            try part.map { try store.cachedEvents(of: $0, in: tree) }
        }, there: { repository, part in
            let other = try PlanStore(repository: repository, environment: environment)
            return try part.map { try other.cachedEvents(of: $0, in: tree) }
        })
    }

    /// `here` on the first half of `proposals` on this thread while `there` reads the second half on
    /// another with a handle of its own; in order. With one core or fewer than `minimum` proposals, all
    /// here; when the other thread cannot open the repository, its half here too.
    private static func halves(_ proposals: [EventID], minimum: Int, gitDirectory: String, here: ([EventID]) throws -> [Read],
                               there: @escaping @Sendable (Repository, [EventID]) throws -> [Read]) throws -> [Read] {
        guard ProcessInfo.processInfo.activeProcessorCount > 1, proposals.count >= minimum else { return try here(proposals) }
        let split = proposals.count / 2
        let theirs = Array(proposals[split...])
        let other = BackgroundWork { try there(try PlanError.wrap { try Repository.open(at: gitDirectory) }, theirs) }
        let mine = Result<[Read], any Error> { try here(Array(proposals[..<split])) }
        guard case .success(let read) = other.wait() else { return try mine.get() + here(theirs) }
        return try mine.get() + read
    }
}
