import Foundation
import GitKit

/// Reading the events of many proposals on two threads: what a new copy does once for the whole record
/// (`PlanStore.indexEveryProposal`). A libgit2 handle serves one thread at a time, so the second thread
/// opens the repository again and reads with its own `Record`; the fold stays on the caller's thread.
enum ParallelEventReading {
    typealias Read = (events: [Event], problems: [PlanError])

    /// The events of each proposal in `tree`, in the order given, as `Record.events(of:in:)` reads them.
    static func read(_ proposals: [EventID], in tree: ObjectID, record: Record, gitDirectory: String) throws -> [Read] {
        guard ProcessInfo.processInfo.activeProcessorCount > 1, proposals.count > 1 else {
            return try proposals.map { try record.events(of: $0, in: tree) }
        }
        let split = proposals.count / 2
        let theirs = Array(proposals[split...])
        let box = ReadBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result<[Read], any Error> {
                let other = Record(repository: try PlanError.wrap { try Repository.open(at: gitDirectory) })
                return try theirs.map { try other.events(of: $0, in: tree) }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let mine = Result<[Read], any Error> { try proposals[..<split].map { try record.events(of: $0, in: tree) } }
        done.wait()
        guard let other = box.result else { return try proposals.map { try record.events(of: $0, in: tree) } }
        return try mine.get() + other.get()
    }
}

/// What the second thread read, handed over once it signalled.
private final class ReadBox: @unchecked Sendable {
    var result: Result<[ParallelEventReading.Read], any Error>?
}
