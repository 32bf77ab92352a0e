import Foundation
import GitKit

/// A review as listings need it: who, which verdict, on which head.
public struct ReviewDigest: Sendable, Equatable {
    public let id: EventID
    public let author: EventAuthor
    public let verdict: Verdict
    public let head: ObjectID
    public let time: Date
}

/// What listings, the inbox and name lookups need from a proposal's fold, small enough to keep for a
/// thousand proposals and read in milliseconds. It is a pure function of the proposal's events, so it
/// is cached under the id of the proposal's record subtree, which changes exactly when its events do.
struct ProposalDigest: Sendable, Equatable {
    let id: EventID
    let slug: String
    let title: String
    let author: EventAuthor
    let opened: Date
    let base: ObjectID
    /// `open`, `merged` or `withdrawn`.
    let status: String
    let mergeCommit: ObjectID?
    let withdrawReason: String?
    let recordedHead: ObjectID?
    let closedAt: Date?
    let clock: Int
    let eventCount: Int
    let comments: Int
    /// Each reviewer's latest review, in fold order.
    let latestReviews: [ReviewDigest]
    /// How many inputs are owed a reasoned response (`PlanStore.unansweredInputs(in:)`).
    let unansweredCount: Int
    /// Those inputs, for open and merged proposals (the inbox and publishing ask for them); a withdrawn
    /// proposal keeps only the count.
    let unanswered: [UnansweredInput]
    /// How many of its events the fold quarantined (their validity can change when main moves).
    let quarantinedCount: Int

    init(_ state: ProposalState) {
        id = state.id
        slug = state.slug
        title = state.title
        author = state.author
        opened = state.opened
        base = state.base
        status = state.status.name
        switch state.status {
        case .open: mergeCommit = nil; withdrawReason = nil
        case .merged(let commit): mergeCommit = commit; withdrawReason = nil
        case .withdrawn(let reason): mergeCommit = nil; withdrawReason = reason
        }
        recordedHead = state.recordedHead
        closedAt = state.closedAt
        clock = state.clock
        eventCount = state.eventCount
        comments = state.comments.count
        latestReviews = state.latestReviews.map { ReviewDigest(id: $0.id, author: $0.author, verdict: $0.verdict, head: $0.head, time: $0.time) }
        let inputs = PlanStore.unansweredInputs(in: state)
        unansweredCount = inputs.count
        if case .withdrawn = state.status { unanswered = [] } else { unanswered = inputs }
        quarantinedCount = state.quarantined.count
    }

    var proposalStatus: ProposalStatus {
        if let mergeCommit { return .merged(commit: mergeCommit) }
        if let withdrawReason { return .withdrawn(reason: withdrawReason) }
        return .open
    }
}

// MARK: Stored as lines

extension ProposalDigest {
    /// Where the slug, opening time and status are in the `P` record (read without decoding the rest):
    /// `P`, id, slug, title, the author's fields, then the opening time, the base and the status. Derived
    /// from the author's field count, so that a field added to authors cannot silently move them (it did
    /// once: every stored index then looked malformed, and every command folded the whole record again).
    static let slugField = 2
    static let openedField = 4 + CacheFields.authorFieldCount
    static let statusField = openedField + 2

    /// The digest as cache records: `P` and its fields, then an `R` per latest review and a `U` per
    /// unanswered input kept.
    var records: [[String]] {
        var result: [[String]] = [[
            "P", id, slug, title] + CacheFields.author(author) + [
            CacheLines.time(opened), base.hex, status, CacheLines.optional(mergeCommit?.hex), CacheLines.optional(withdrawReason),
            CacheLines.optional(recordedHead?.hex), CacheLines.optional(closedAt.map(CacheLines.time)),
            String(clock), String(eventCount), String(comments), String(unansweredCount), String(quarantinedCount),
        ]]
        for review in latestReviews {
            result.append(["R", review.id] + CacheFields.author(review.author) + [review.verdict.rawValue, review.head.hex, CacheLines.time(review.time)])
        }
        for input in unanswered {
            result.append(["U", input.kind.rawValue, input.id] + CacheFields.author(input.author) + [CacheLines.time(input.time), input.text])
        }
        return result
    }

    /// Reads a digest back from its records (the `P` record first).
    init(records: ArraySlice<[String]>) throws {
        guard let first = records.first, first.first == "P" else { throw CacheFields.Malformed() }
        var fields = CacheFields(first, from: 1)
        id = try fields.text()
        slug = try fields.text()
        title = try fields.text()
        author = try fields.author()
        opened = try fields.time()
        base = try fields.id()
        status = try fields.text()
        mergeCommit = try fields.optionalID()
        withdrawReason = try fields.optionalText()
        recordedHead = try fields.optionalID()
        closedAt = try fields.optionalTime()
        clock = try fields.number()
        eventCount = try fields.number()
        comments = try fields.number()
        unansweredCount = try fields.number()
        quarantinedCount = try fields.number()
        var reviews: [ReviewDigest] = []
        var inputs: [UnansweredInput] = []
        for record in records.dropFirst() {
            var fields = CacheFields(record, from: 1)
            switch record.first {
            case "R":
                let reviewID = try fields.text()
                let reviewer = try fields.author()
                guard let verdict = Verdict(rawValue: try fields.text()) else { throw CacheFields.Malformed() }
                reviews.append(ReviewDigest(id: reviewID, author: reviewer, verdict: verdict, head: try fields.id(), time: try fields.time()))
            case "U":
                guard let kind = UnansweredInput.Kind(rawValue: try fields.text()) else { throw CacheFields.Malformed() }
                inputs.append(UnansweredInput(kind: kind, id: try fields.text(), proposal: id, author: try fields.author(),
                                              time: try fields.time(), text: try fields.text()))
            default:
                throw CacheFields.Malformed()
            }
        }
        latestReviews = reviews
        unanswered = inputs
    }
}
