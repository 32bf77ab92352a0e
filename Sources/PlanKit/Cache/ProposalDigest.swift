import Foundation
import GitKit

/// A review as listings need it: who, which verdict, on which head.
public struct ReviewDigest: Sendable, Equatable, Codable {
    public let id: EventID
    public let author: EventAuthor
    public let verdict: Verdict
    public let head: ObjectID
    public let time: Date
}

/// What listings, the inbox and name lookups need from a proposal's fold, small enough to keep for a
/// thousand proposals and read in milliseconds. It is a pure function of the proposal's events, so it
/// is cached under the id of the proposal's record subtree, which changes exactly when its events do.
struct ProposalDigest: Sendable, Equatable, Codable {
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
    /// The inputs owed a reasoned response (`PlanStore.unansweredInputs(in:)`).
    let unanswered: [StoredInput]

    /// `UnansweredInput`, as stored.
    struct StoredInput: Sendable, Equatable, Codable {
        let kind: String
        let id: EventID
        let author: EventAuthor
        let time: Date
        let text: String
    }

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
        unanswered = PlanStore.unansweredInputs(in: state).map {
            StoredInput(kind: $0.kind.rawValue, id: $0.id, author: $0.author, time: $0.time, text: $0.text)
        }
    }

    var proposalStatus: ProposalStatus {
        if let mergeCommit { return .merged(commit: mergeCommit) }
        if let withdrawReason { return .withdrawn(reason: withdrawReason) }
        return .open
    }

    var unansweredInputs: [UnansweredInput] {
        unanswered.map {
            UnansweredInput(kind: UnansweredInput.Kind(rawValue: $0.kind) ?? .comment, id: $0.id, proposal: id, author: $0.author, time: $0.time, text: $0.text)
        }
    }
}
