import Foundation
import GitKit

/// Where a proposal stands in its life.
public enum ProposalStatus: Sendable, Equatable {
    case open
    case merged(commit: ObjectID)
    case withdrawn(reason: String)

    /// `open`, `merged` or `withdrawn`.
    public var name: String {
        switch self {
        case .open: "open"
        case .merged: "merged"
        case .withdrawn: "withdrawn"
        }
    }
}

/// One recorded head of a proposal branch: its revision history.
public struct Revision: Sendable, Equatable {
    public let head: ObjectID
    public let time: Date
    public let recordedBy: EventAuthor
    /// The branch was rewritten: this head does not descend from the previous one.
    public let rewritten: Bool
    public let event: EventID
}

/// A reasoned response (OGP Standard 4): a disposition with its reason, by whom and when.
public struct ReasonedResponse: Sendable, Equatable {
    public let id: EventID
    public let target: EventID
    public let disposition: Disposition
    public let reason: String
    public let author: EventAuthor
    public let time: Date
    /// The armored signature beside the event in the record, if any (checked in Signing/).
    public var signature: String?
    /// The meeting of the forum that decided it, when the response names one.
    public var meeting: String? = nil
}

/// A comment with what happened to it: its thread state and its responses, oldest first.
public struct CommentState: Sendable, Equatable {
    public let id: EventID
    public let author: EventAuthor
    public let time: Date
    public let body: String
    public let anchor: Anchor?
    public let replyTo: EventID?
    public internal(set) var resolved: Bool
    /// Every response given, oldest first; the last one is in force.
    public internal(set) var responses: [ReasonedResponse]
    /// The armored signature beside the event in the record, if any (checked in Signing/).
    public var signature: String?
    /// Set when a co-chair hid the comment (the latest hide's reason is in force).
    public internal(set) var hidden: Moderation? = nil

    /// The response in force, if any.
    public var response: ReasonedResponse? { responses.last }
}

/// A member's review, bound to the head it saw.
public struct Review: Sendable, Equatable {
    public let id: EventID
    public let author: EventAuthor
    public let verdict: Verdict
    public let head: ObjectID
    public let body: String
    public let time: Date
    /// The armored signature beside the event in the record, if any (checked in Signing/).
    public var signature: String?
}

/// The state of one proposal: a deterministic fold of its events in (clock, id) order. Never derived
/// from history; the same events give the same state in every copy of the record.
public struct ProposalState: Sendable, Equatable {
    public let id: EventID
    public let slug: String
    public let title: String
    public let description: String
    public let author: EventAuthor
    public let opened: Date
    public let base: ObjectID
    public internal(set) var status: ProposalStatus = .open
    public internal(set) var revisions: [Revision] = []
    /// Comments in fold order (replies included; `replyTo` links a thread).
    public internal(set) var comments: [CommentState] = []
    /// Responses to the proposal as a whole, oldest first.
    public internal(set) var responses: [ReasonedResponse] = []
    /// Every review in fold order.
    public internal(set) var reviews: [Review] = []
    /// Set when a co-chair hid the proposal's own text (its description) from the views.
    public internal(set) var hidden: Moderation?
    /// Withdrawal and merge events, for attribution.
    public internal(set) var closedBy: EventAuthor?
    public internal(set) var closedAt: Date?
    /// The highest Lamport clock among the events: the next event gets one more.
    public internal(set) var clock: Int = 0
    /// How many events were folded.
    public internal(set) var eventCount: Int = 0

    /// The last recorded head.
    public var recordedHead: ObjectID? { revisions.last?.head }

    /// Each reviewer's latest review (by email, case-insensitive), in fold order of those reviews.
    public var latestReviews: [Review] {
        var latest: [String: Review] = [:]
        var order: [String] = []
        for review in reviews {
            let key = review.author.email.lowercased()
            if latest[key] == nil { order.append(key) }
            latest[key] = review
        }
        return order.compactMap { latest[$0] }
    }

    /// The comment with this id.
    public func comment(_ id: EventID) -> CommentState? { comments.first { $0.id == id } }

    /// Events of this proposal the fold did not use (they broke a rule of the record), in fold order.
    public internal(set) var quarantined: [QuarantinedEvent] = []

    /// Folds a proposal's events (in any order: they are sorted here) under `authority`: each event's
    /// author is derived from members.yml on main at its time, and an event that breaks its type's rule
    /// is set aside in `quarantined` (EventAdmission). Nil when no admitted event opens the proposal.
    public static func fold(_ events: [Event], authority: EventAuthority) throws -> ProposalState? {
        let (admitted, quarantined) = try admit(events, authority: authority)
        guard let opening = admitted.first(where: { if case .opened = $0.body { true } else { false } }),
              case .opened(let slug, let title, let description, let base, let head) = opening.body else { return nil }
        var state = ProposalState(id: opening.id, slug: slug, title: title, description: description,
                                  author: opening.author, opened: opening.time, base: base)
        state.revisions.append(Revision(head: head, time: opening.time, recordedBy: opening.author, rewritten: false, event: opening.id))
        state.quarantined = quarantined
        for event in admitted {
            state.clock = max(state.clock, event.clock)
            state.eventCount += 1
            state.apply(event)
        }
        return state
    }

    /// The events the fold uses, in fold order, with their authors derived (EventAdmission), and those it
    /// sets aside. `nap verify` checks merges against the admitted events only.
    public static func admit(_ events: [Event], authority: EventAuthority) throws -> (admitted: [Event], quarantined: [QuarantinedEvent]) {
        let ordered = Record.foldOrder(events)
        var admission = EventAdmission(authority: authority, total: events.count)
        var admitted: [Event] = []
        var quarantined: [QuarantinedEvent] = []
        admitted.reserveCapacity(ordered.count)
        for event in ordered {
            switch try admission.admit(event) {
            case .success(let event): admitted.append(event)
            case .failure(let reason):
                quarantined.append(QuarantinedEvent(id: event.id, proposal: event.proposalID, type: event.body.typeName, reason: reason.text))
            }
        }
        return (admitted, quarantined)
    }

    private mutating func apply(_ event: Event) {
        switch event.body {
        case .opened:
            break
        case .revised(let head, _, let rewritten):
            if head != recordedHead {
                revisions.append(Revision(head: head, time: event.time, recordedBy: event.author, rewritten: rewritten, event: event.id))
            }
        case .withdrawn:
            if case .open = status, case .withdrawn(let reason) = event.body {
                status = .withdrawn(reason: reason)
                closedBy = event.author
                closedAt = event.time
            }
        case .merged(let commit, let head):
            if case .merged = status { break }
            status = .merged(commit: commit)
            closedBy = event.author
            closedAt = event.time
            if head != recordedHead {
                revisions.append(Revision(head: head, time: event.time, recordedBy: event.author, rewritten: false, event: event.id))
            }
        case .comment(let body, let anchor, let replyTo):
            comments.append(CommentState(id: event.id, author: event.author, time: event.time, body: body, anchor: anchor,
                                         replyTo: replyTo, resolved: false, responses: [], signature: event.signature))
        case .resolved(let comment):
            if let index = comments.firstIndex(where: { $0.id == comment }) { comments[index].resolved = true }
        case .reopened(let comment):
            if let index = comments.firstIndex(where: { $0.id == comment }) { comments[index].resolved = false }
        case .response(let target, let disposition, let reason, let meeting):
            let response = ReasonedResponse(id: event.id, target: target, disposition: disposition, reason: reason,
                                            author: event.author, time: event.time, signature: event.signature, meeting: meeting)
            if target == id {
                responses.append(response)
            } else if let index = comments.firstIndex(where: { $0.id == target }) {
                comments[index].responses.append(response)
            }
        case .hidden(let target, let reason):
            let moderation = Moderation(id: event.id, reason: reason, author: event.author, time: event.time)
            if target == id {
                hidden = moderation
            } else if let index = comments.firstIndex(where: { $0.id == target }) {
                comments[index].hidden = moderation
            }
        case .review(let verdict, let head, let body):
            reviews.append(Review(id: event.id, author: event.author, verdict: verdict, head: head, body: body, time: event.time,
                                  signature: event.signature))
        }
    }
}
