import Foundation
import GitKit

/// The id of an event: the SHA-256 of its file's bytes, as 64 hex digits. The id of a proposal is the id
/// of the event that opened it.
public typealias EventID = String

/// Who wrote an event, as they were at that moment: their git identity, and the member id, sector and
/// role members.yml on main gave them then (`public` for someone who is not a member).
public struct EventAuthor: Codable, Sendable, Hashable {
    public var name: String
    public var email: String
    /// The member id, or nil for the public.
    public var member: String?
    /// A sector from members.yml (`government`, `civil-society`, ...) or `public`.
    public var sector: String
    /// The member's role (`co-chair`, `member`, `reviewer`, `observer`), or nil for the public.
    public var role: String?
    /// Who vouches for the event: the author themselves, or a host that wrote it on their behalf. Derived
    /// when the event is admitted (never stored in the author's fields; the event's `on-behalf-of` is).
    public var attestation: Attestation = .author

    enum CodingKeys: String, CodingKey { case name, email, member, sector, role }

    public init(name: String, email: String, member: String?, sector: String, role: String?) {
        self.name = name
        self.email = email
        self.member = member
        self.sector = sector
        self.role = role
    }

    public var isPublic: Bool { member == nil }

    /// The member's sector as a value; nil for the public (and for a value nap does not know).
    public var memberSector: Sector? { member == nil ? nil : Sector(rawValue: sector) }
    /// The member's role as a value; nil for the public (and for a value nap does not know).
    public var memberRole: Role? { member == nil ? nil : role.flatMap(Role.init(rawValue:)) }
    /// A co-chair of the forum.
    public var isCoChair: Bool { memberRole == .coChair }
    /// A member for the government.
    public var isGovernment: Bool { memberSector == .government }
    /// The sector as people read it: the member's sector, or `public`.
    public var sectorLabel: String { isPublic ? "public" : sector }
    /// The host that wrote the event on the author's behalf; nil when the author wrote it.
    public var host: String? { attestation.host }
}

/// One immutable fact in the collaboration record (DESIGN.md section 3).
public struct Event: Sendable, Hashable {
    /// The format version this build of nap writes and reads.
    public static let formatVersion = 1

    /// Set from the stored bytes; not part of them.
    public var id: EventID
    public var version: Int
    /// The proposal this event is about; nil for the event that opens a proposal (its id is the proposal's).
    public var proposal: EventID?
    public var author: EventAuthor
    public var time: Date
    /// The Lamport clock: 1 + the highest clock the author had seen on this proposal.
    public var clock: Int
    public var body: EventBody
    /// The armored SSHSIG from the `<id>.sig` file beside the event in the record, if any. Set when read;
    /// not part of the event's bytes. Check it with `Record.signatureState(of:)`.
    public var signature: String?
    /// Set when a host wrote the event on someone's behalf (`on-behalf-of` in the file; Hosting/).
    public var onBehalfOf: OnBehalfOf?

    public init(id: EventID = "", proposal: EventID?, author: EventAuthor, time: Date, clock: Int, body: EventBody) {
        self.id = id
        self.version = Event.formatVersion
        self.proposal = proposal
        self.author = author
        self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        self.clock = clock
        self.body = body
    }

    /// The proposal this event belongs to (its own id for an opening event).
    public var proposalID: EventID { proposal ?? id }
}

/// Where a comment points: a file of the proposal at one head, a line range, and the text quoted then.
public struct Anchor: Codable, Sendable, Hashable {
    public var head: ObjectID
    public var path: String
    public var startLine: Int
    public var endLine: Int
    /// The lines as they were when the comment was written; used to re-anchor when the text moves.
    public var quote: String

    public init(head: ObjectID, path: String, startLine: Int, endLine: Int, quote: String) {
        self.head = head
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
        self.quote = quote
    }
}

/// What the government (or the proposal's lead) decided about an input (OGP Standard 4).
public enum Disposition: String, Codable, Sendable, CaseIterable {
    case adopted
    case adoptedInPart = "adopted-in-part"
    case deferred
    case notAdopted = "not-adopted"
    case outOfScope = "out-of-scope"
}

/// A review's verdict.
public enum Verdict: String, Codable, Sendable {
    case approve
    case requestChanges = "request-changes"
}

/// What an event says. Each case is one event type of the record's format.
public enum EventBody: Sendable, Hashable {
    /// A proposal is opened on branch `proposal/<slug>`, from `base` on main.
    case opened(slug: String, title: String, description: String, base: ObjectID, head: ObjectID)
    /// The proposal branch moved to `head` (`rewritten`: the old head is not in the new history).
    case revised(head: ObjectID, previous: ObjectID?, rewritten: Bool)
    /// The proposal is withdrawn, with the reason.
    case withdrawn(reason: String)
    /// A comment, optionally anchored, optionally a reply to another comment.
    case comment(body: String, anchor: Anchor?, replyTo: EventID?)
    /// A comment thread is marked resolved / reopened.
    case resolved(comment: EventID)
    case reopened(comment: EventID)
    /// The reasoned response to a comment or to the proposal itself; a later one revises an earlier one.
    /// `meeting` names the meeting of the forum that decided it, when one did (`nap respond --meeting`).
    case response(target: EventID, disposition: Disposition, reason: String, meeting: String? = nil)
    /// A review, bound to the proposal head it saw.
    case review(verdict: Verdict, head: ObjectID, body: String)
    /// The proposal was merged into main by the merge commit `commit`, at proposal head `head`.
    case merged(commit: ObjectID, head: ObjectID)
    /// A co-chair hides an input (a comment, or the proposal itself when `target` is the proposal's id)
    /// from the views, with the reason shown in its place. The input stays in the record and is still owed
    /// a reasoned response; a later hide of the same input replaces the reason.
    case hidden(target: EventID, reason: String)

    /// The type name stored in the file.
    public var typeName: String {
        switch self {
        case .opened: "opened"
        case .revised: "revised"
        case .withdrawn: "withdrawn"
        case .comment: "comment"
        case .resolved: "resolved"
        case .reopened: "reopened"
        case .response: "response"
        case .review: "review"
        case .merged: "merged"
        case .hidden: "hidden"
        }
    }
}
