import Foundation
import GitKit

/// Every proposal's folded state from one reading of the record, carried to the next reading by a front
/// that reads the whole record again and again (`nap serve` after each change): a proposal whose folder
/// in the record (at its own place, where its events are read) is the same, under the same judge and the
/// same references, takes its fold from here instead of decoding and folding its events again, and
/// shares its memory with the reading still shown. After one comment, a reading folds that proposal
/// alone, and the server holds one copy of the rest, not two.
///
/// Keyed by what a fold is made of: the folder's tree id, the authority's key, and every reference of the
/// plan but the record (main, proposal branches, tags: an object an event names arrives with one of
/// them, and the fold looks at whether it is there). An object that arrives with no reference moving is
/// seen at the next change of those. Shared between threads: every access holds its lock.
public final class CarriedFolds: @unchecked Sendable {
    private let lock = NSLock()
    private var key = ""
    private var folds: [EventID: (folder: ObjectID, state: ProposalState)] = [:]
    private var reused = 0

    public init() {}

    /// How many proposals the last reading took from here.
    public var lastReused: Int { lock.withLock { reused } }

    /// The folds kept under `key` (none under another).
    func folds(key: String) -> [EventID: (folder: ObjectID, state: ProposalState)] {
        lock.withLock { self.key == key ? folds : [:] }
    }

    /// Keeps a reading's folds under `key`, noting how many of them it took from here.
    func keep(_ folds: [EventID: (folder: ObjectID, state: ProposalState)], key: String, reused: Int) {
        lock.withLock {
            self.key = key
            self.folds = folds
            self.reused = reused
        }
    }
}

extension PlanStore {
    /// Takes unchanged proposals' folds from `folds` when this store reads every proposal's state, and
    /// leaves its own there for the next store.
    public func carry(_ folds: CarriedFolds) {
        memos.carried = folds
    }
}
