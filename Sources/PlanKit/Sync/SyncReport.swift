import GitKit
import Localization

/// What `nap sync` did: what came in, what went out, which references moved where, and what it could not
/// do. Encoded as `nap sync --json` (schema in docs/STORAGE.md, section "Sync").
public struct SyncReport: Sendable, Encodable {
    /// The remote as named (`origin`) or its URL for an anonymous remote.
    public var remote: String
    /// The URL or path synced with.
    public var url: String
    /// How many fetch-merge-push rounds it took (more than 1 when someone pushed meanwhile).
    public var attempts = 0
    /// Events and versions that arrived from the remote.
    public var received = EventCounts()
    /// Events and versions this copy gave to the remote.
    public var sent = EventCounts()
    /// Every reference that moved, here or on the remote.
    public var changes: [ReferenceChange] = []
    /// Proposals renamed because of a name clash (`--rename`).
    public var renamed: [SlugRename] = []
    /// What was left undone and needs someone to act; `nap sync` exits 1 when there is any.
    public var problems: [SyncProblem] = []
    /// What people should know, though nothing is left undone.
    public var warnings: [SyncProblem] = []

    public init(remote: String, url: String) {
        self.remote = remote
        self.url = url
    }

    /// True when everything was brought together: nothing is left undone.
    public var isComplete: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case remote, url, attempts, received, sent, changes, renamed, problems, warnings
        case complete
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(remote, forKey: .remote)
        try container.encode(url, forKey: .url)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(received, forKey: .received)
        try container.encode(sent, forKey: .sent)
        try container.encode(changes, forKey: .changes)
        try container.encode(renamed, forKey: .renamed)
        try container.encode(problems, forKey: .problems)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(isComplete, forKey: .complete)
    }
}

/// Counts of record events by kind, and of version tags.
public struct EventCounts: Sendable, Encodable, Equatable {
    /// Every event file.
    public var events = 0
    /// Proposals opened.
    public var proposals = 0
    public var comments = 0
    /// Reasoned responses.
    public var responses = 0
    /// Reviews that approve.
    public var approvals = 0
    /// Reviews that request changes.
    public var changeRequests = 0
    /// Recorded new heads of proposals (drafts).
    public var revisions = 0
    /// Version tags.
    public var versions = 0
    /// Meetings recorded (minutes), and their corrections.
    public var meetings = 0
    /// Progress reports on commitments, and comments and responses on them.
    public var progress = 0

    public init() {}

    /// True when nothing was counted.
    public var isEmpty: Bool { self == EventCounts() }

    enum CodingKeys: String, CodingKey {
        case events, proposals, comments, responses, approvals, revisions, versions, meetings, progress
        case changeRequests = "change_requests"
    }
}

/// A reference that moved during a sync.
public struct ReferenceChange: Sendable, Encodable, Equatable {
    /// Where it moved.
    public enum Place: String, Sendable, Encodable {
        case local, remote
    }

    /// How it moved.
    public enum Action: String, Sendable, Encodable {
        case created
        case fastForwarded = "fast-forwarded"
        /// The record, joined by a union merge commit.
        case merged
        /// Reset to the remote's copy after its own commits moved to a renamed branch.
        case reset
        case deleted
    }

    public let place: Place
    /// The full reference name (`refs/heads/proposal/x`), the same here and on the remote.
    public let reference: String
    public let action: Action
    public let old: ObjectID?
    public let new: ObjectID?

    enum CodingKeys: String, CodingKey {
        case place, reference, action, old, new
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(place, forKey: .place)
        try container.encode(reference, forKey: .reference)
        try container.encode(action, forKey: .action)
        try container.encode(old?.hex, forKey: .old)
        try container.encode(new?.hex, forKey: .new)
    }
}

/// Something a sync could not do, or wants people to know.
public struct SyncProblem: Sendable, Encodable, Equatable {
    /// The kind, stable for scripts.
    public enum Kind: String, Sendable, Encodable {
        /// A proposal branch has commits here and on the remote that neither has.
        case diverged
        /// Two different proposals picked the same name.
        case slugClash = "slug-clash"
        /// A version tag has another target on the remote.
        case tagConflict = "tag-conflict"
        /// main moved both here and on the remote.
        case mainDiverged = "main-diverged"
        /// The remote refused an update for a reason other than a race.
        case refused
        /// The push could not be completed (the connection broke, the remote kept changing).
        case pushFailed = "push-failed"
        /// The remote's record was rewritten (force-pushed); the union kept every event.
        case recordRewritten = "record-rewritten"
        /// A branch that was on the remote is gone from it; kept here.
        case deletedOnRemote = "deleted-on-remote"
        /// The working tree is in the way of moving the checked-out branch.
        case workTree = "work-tree"
        /// The two copies of the record hold different bytes at one path.
        case corruptRecord = "corrupt-record"
        /// The remote's main has a commit that did not go through the gate; main here did not take it.
        case ungatedMain = "ungated-main"
        /// A tag whose name would shadow a reference or a proposal, or is no version name; not taken or pushed.
        case shadowingTag = "shadowing-tag"
        /// A tag that is not a published version (lightweight, unsigned where signatures are required, not
        /// on main's first-parent line, not by a co-chair): not taken from the remote, or not pushed to it.
        case untrustedTag = "untrusted-tag"
        /// A file of the record that is not a valid event, seen by a new copy (`nap clone`).
        case recordSkipped = "record-skipped"
        /// An event received from the remote that breaks the record's rules; kept and ignored.
        case quarantined = "quarantined-event"
    }

    public let kind: Kind
    /// The reference concerned, or the clashing slug.
    public let reference: String?
    /// What happened, for people (English in JSON).
    public let message: Message
    /// What to do about it.
    public let hint: Message?

    public init(_ kind: Kind, reference: String?, message: Message, hint: Message? = nil) {
        self.kind = kind
        self.reference = reference
        self.message = message
        self.hint = hint
    }
}

/// A proposal renamed to end a name clash: it is withdrawn under its old name (its discussion stays in
/// the record) and opened again under the new one with the same drafts.
public struct SlugRename: Sendable, Encodable, Equatable {
    public let slug: String
    public let newSlug: String
    /// The proposal withdrawn under the old name.
    public let oldProposal: EventID
    /// The proposal opened under the new name.
    public let newProposal: EventID
    public let head: ObjectID

    enum CodingKeys: String, CodingKey {
        case slug
        case newSlug = "new_slug"
        case oldProposal = "old_proposal"
        case newProposal = "new_proposal"
        case head
    }
}
