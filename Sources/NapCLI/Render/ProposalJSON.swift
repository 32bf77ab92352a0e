import Foundation
import PlanKit

/// The `--json` shapes of proposals (documented in docs/CLI.md; a public interface: add fields, never
/// rename or remove them).
struct ProposalListItemJSON: Encodable {
    let id: String?
    let slug: String
    let title: String
    let author: EventAuthor?
    let state: String
    let head: String?
    let opened: Date?
    let changedCommitments: [String]
    let changedFiles: [String]
    let comments: Int
    let unanswered: Int
    let approvals: Int
    let hasRecord: Bool

    init(_ summary: ProposalSummary) {
        id = summary.id
        slug = summary.slug
        title = summary.title
        author = summary.state?.author
        state = summary.statusName
        head = summary.head?.hex
        opened = summary.state?.opened
        changedCommitments = summary.changedCommitments
        changedFiles = summary.changedFiles
        comments = summary.state?.comments.count ?? 0
        unanswered = summary.state.map { PlanStore.unansweredInputs(in: $0).count } ?? 0
        approvals = summary.currentApprovals.count
        hasRecord = summary.state != nil
    }

    /// The same item from a listing (the cached digests that `nap proposals` and `nap inbox` read).
    init(_ listing: ProposalListing) {
        id = listing.id
        slug = listing.slug
        title = listing.title
        author = listing.author
        state = listing.statusName
        head = listing.head?.hex
        opened = listing.opened
        changedCommitments = listing.changedCommitments
        changedFiles = listing.changedFiles
        comments = listing.commentCount
        unanswered = listing.unansweredCount
        approvals = listing.currentApprovals.count
        hasRecord = listing.hasRecord
    }

    enum CodingKeys: String, CodingKey {
        case id, slug, title, author, state, head, opened, comments, unanswered, approvals
        case changedCommitments = "changed_commitments", changedFiles = "changed_files", hasRecord = "has_record"
    }
}

/// An event's signature judged against its author's key (docs/SIGNING.md).
struct SignatureJSON: Encodable {
    /// `good`, `unsigned`, `wrong-key` or `invalid`.
    let status: String
    let fingerprint: String?
    let expectedFingerprint: String?
    let explanation: String

    init(_ check: SignatureCheck) {
        status = check.verdict.rawValue
        fingerprint = check.fingerprint
        expectedFingerprint = check.expectedFingerprint
        explanation = check.explanation.description
    }

    enum CodingKeys: String, CodingKey {
        case status, fingerprint, explanation
        case expectedFingerprint = "expected_fingerprint"
    }
}

struct ResponseJSON: Encodable {
    let id: String
    let disposition: String
    let reason: String
    let author: EventAuthor
    let time: Date
    /// Set by `nap show`; absent elsewhere.
    var signature: SignatureJSON?
    /// The meeting that decided it, when the response names one (`nap respond --meeting`).
    var meeting: String?
    /// The host that wrote it on the author's behalf (`nap serve`); absent when the author wrote it.
    var viaHost: String?

    init(_ response: ReasonedResponse) {
        id = response.id
        disposition = response.disposition.rawValue
        reason = response.reason
        author = response.author
        time = response.time
        meeting = response.meeting
        viaHost = response.author.host
    }

    enum CodingKeys: String, CodingKey { case id, disposition, reason, author, time, signature, meeting, viaHost = "via_host" }
}

/// A co-chair's hiding of an input: shown instead of its text.
struct HiddenJSON: Encodable {
    let reason: String
    let time: Date
    let by: EventAuthor
    let viaHost: String?
    /// The `hidden` event's id.
    let event: String

    init(_ moderation: Moderation) {
        (reason, time, by) = (moderation.reason, moderation.time, moderation.author)
        (viaHost, event) = (moderation.author.host, moderation.id)
    }

    enum CodingKeys: String, CodingKey { case reason, by, time, event, viaHost = "via_host" }
}

struct AnchorJSON: Encodable {
    let path: String
    let head: String
    let startLine: Int
    let endLine: Int
    let quote: String
    /// Where the quote is in the current head; nil when outdated.
    let currentStartLine: Int?
    let currentEndLine: Int?
    let outdated: Bool

    enum CodingKeys: String, CodingKey {
        case path, head, quote, outdated
        case startLine = "start_line", endLine = "end_line", currentStartLine = "current_start_line", currentEndLine = "current_end_line"
    }
}

struct CommentJSON: Encodable {
    let id: String
    let author: EventAuthor
    let time: Date
    let body: String
    let replyTo: String?
    let anchor: AnchorJSON?
    let resolved: Bool
    let publicInput: Bool
    /// For imported input: where it was first given, and the member who imported it (absent otherwise).
    let source: InputSource?
    let recordedBy: EventAuthor?
    /// The response in force (the last one), and every response given, oldest first.
    let response: ResponseJSON?
    let responses: [ResponseJSON]
    var signature: SignatureJSON?
    /// The host that wrote it on the author's behalf; absent when the author wrote it.
    var viaHost: String?
    /// Set when a co-chair hid the comment; the body stays in the record (and here).
    var hidden: HiddenJSON?

    enum CodingKeys: String, CodingKey {
        case id, author, time, body, anchor, resolved, response, responses, signature, hidden, source
        case replyTo = "reply_to", publicInput = "public_input", viaHost = "via_host", recordedBy = "recorded_by"
    }
}

struct ReviewJSON: Encodable {
    let id: String
    let author: EventAuthor
    let verdict: String
    let head: String
    let current: Bool
    let body: String
    let time: Date
    var signature: SignatureJSON?
    /// The host that wrote it on the reviewer's behalf; absent when the reviewer wrote it.
    var viaHost: String?

    enum CodingKeys: String, CodingKey { case id, author, verdict, head, current, body, time, signature, viaHost = "via_host" }
}

struct RevisionJSON: Encodable {
    let head: String
    let time: Date
    let recordedBy: EventAuthor
    let rewritten: Bool

    enum CodingKeys: String, CodingKey { case head, time, rewritten, recordedBy = "recorded_by" }
}

struct ProposalJSON: Encodable {
    let id: String
    let slug: String
    let title: String
    let description: String
    let author: EventAuthor
    let state: String
    let withdrawReason: String?
    let mergeCommit: String?
    let opened: Date
    let base: String
    let head: String?
    let changedCommitments: [String]
    let changedFiles: [String]
    let revisions: [RevisionJSON]
    let comments: [CommentJSON]
    let responses: [ResponseJSON]
    let reviews: [ReviewJSON]
    let blockers: [String]
    let problems: [String]
    /// Whether plan.yml on main requires signed approvals; false: approvals are not authenticated.
    let signaturesRequired: Bool
    /// The inputs still owed a reasoned response, with their deadlines.
    var owedResponses: [OwedResponseJSON] = []
    /// Set when a co-chair hid the proposal's text.
    var hidden: HiddenJSON?

    enum CodingKeys: String, CodingKey {
        case id, slug, title, description, author, state, opened, base, head, revisions, comments, responses, reviews, blockers, problems, hidden
        case signaturesRequired = "signatures_required", owedResponses = "owed_responses"
        case withdrawReason = "withdraw_reason", mergeCommit = "merge_commit"
        case changedCommitments = "changed_commitments", changedFiles = "changed_files"
    }
}

/// An input owed a reasoned response and its deadline (`nap show`, `nap inbox`).
struct OwedResponseJSON: Encodable {
    let kind: String
    let id: String
    let author: EventAuthor
    let time: Date
    /// When the response is due, and the whole days left (negative: overdue); null without `response-days`.
    let due: Date?
    let daysLeft: Int?

    init(_ input: UnansweredInput, deadline: ResponseDeadline?) {
        kind = input.kind.rawValue
        id = input.id
        author = input.author
        time = input.time
        due = deadline?.due
        daysLeft = deadline?.daysLeft
    }

    enum CodingKeys: String, CodingKey { case kind, id, author, time, due, daysLeft = "days_left" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(author, forKey: .author)
        try container.encode(time, forKey: .time)
        try container.encode(due, forKey: .due)
        try container.encode(daysLeft, forKey: .daysLeft)
    }
}
