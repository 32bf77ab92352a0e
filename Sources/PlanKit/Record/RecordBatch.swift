import Foundation
import GitKit

/// Events appended by several actions and written in one commit of the record (`PlanStore.appendingTogether`):
/// a server that receives twenty comments at once writes them as one commit instead of twenty, each of
/// which would have moved the record's tree and made the next one read the index of proposals again.
/// Every event is the same file, signed the same way, as when appended alone. The actions gathered read
/// the plan as it was when the gathering began: a comment cannot answer another in the same commit.
final class RecordBatch {
    /// The files to add, by path in the record tree.
    var changes: [String: TreeChange] = [:]
    /// The first line of each append's message, in order.
    var subjects: [String] = []
    /// The proposals a name resolves to, read once for the whole gathering (`proposalCandidates()`).
    var candidates: [ProposalCandidate]?
    /// Cleared when the batch is committed or given up: a store that still holds it (one `onBehalf(of:)`
    /// made inside) then commits its appends itself instead of gathering them where no one will write them.
    var isOpen = true

    /// One commit message for everything gathered: an append's own message when there was one, else a
    /// count and each append's first line.
    var message: String {
        if subjects.count == 1 { return subjects[0] + "\n" }
        return "Record \(subjects.count) appends\n\n" + subjects.map { "- " + $0 + "\n" }.joined()
    }
}

extension Record {
    /// Gathers an append's files in `batch` instead of committing them.
    func gather(_ changes: [String: TreeChange], message: String, into batch: RecordBatch) {
        batch.changes.merge(changes) { _, new in new }
        batch.subjects.append(String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? "Append"))
    }
}

extension PlanStore {
    /// Runs `body`, in which the events this store appends — and those of the stores `onBehalf(of:)` makes
    /// from it meanwhile — are gathered instead of committed one by one; then writes them all in one commit
    /// of the record, by this store's identity, moved by compare-and-swap as any append. An action in
    /// `body` that fails before its append adds nothing, so `body` may catch one action's error and go on
    /// with the next. When `body` throws, or the commit fails, none of the gathered events is recorded
    /// (and the error is thrown). Nothing is committed when nothing was appended.
    public func appendingTogether<T>(_ body: () throws -> T) throws -> T {
        guard record.batch == nil else { return try body() }
        let batch = RecordBatch()
        record.batch = batch
        defer {
            batch.isOpen = false
            record.batch = nil
        }
        let result = try body()
        batch.isOpen = false
        if !batch.changes.isEmpty {
            try record.commit(changes: batch.changes, signature: try identity(), message: batch.message)
        }
        return result
    }
}
