/// What kind of meeting the forum held.
public enum MeetingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A meeting of the multi-stakeholder forum.
    case forum
    /// A consultation on proposals or on the draft plan.
    case consultation
    /// A meeting during implementation that reviews the commitments' progress (OGP asks for two).
    case implementation
    /// A public meeting (a hearing, a workshop open to all).
    case `public`
}

/// A document about a meeting: where its agenda, minutes, recording or transcript can be read.
public struct MeetingLink: Sendable, Hashable, Codable {
    /// What the link leads to.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case agenda, minutes, recording, transcript, slides, other
    }

    public var kind: Kind
    /// An `https://` (or `http://`) address.
    public var url: String

    public init(kind: Kind, url: String) {
        self.kind = kind
        self.url = url
    }
}

/// What a meeting decided about one proposal, and why.
public struct MeetingDecision: Sendable, Hashable, Codable {
    /// The proposal's id (the id of the event that opened it).
    public var proposal: EventID
    /// The proposal's name when the decision was recorded, for readers.
    public var slug: String
    public var outcome: Disposition
    public var reason: String

    public init(proposal: EventID, slug: String, outcome: Disposition, reason: String) {
        self.proposal = proposal
        self.slug = slug
        self.outcome = outcome
        self.reason = reason
    }
}

/// The record of one meeting of the forum: when and what kind, who attended, where its documents are,
/// its minutes in the plan's languages and what it decided (docs/FORMAT.md, "Meetings"). Kept in the
/// record as a `meeting` event; a later one with the same meeting id revises it.
public struct MeetingRecord: Sendable, Hashable {
    /// The meeting's id (a safe id, e.g. `2024-08-13-consultation`).
    public var id: String
    /// The day it was held.
    public var date: PlanDate
    public var kind: MeetingKind
    /// Its title per language (optional).
    public var title: LocalizedText
    /// When its agenda was published (optional).
    public var agendaPublished: PlanDate?
    /// Member ids of the members who attended.
    public var attendees: [String]
    /// How many people attended from outside the forum, by sector (`public` for anyone not counted in one).
    public var publicAttendance: [String: Int]
    public var links: [MeetingLink]
    /// The minutes, per language (Markdown).
    public var minutes: LocalizedText
    public var decisions: [MeetingDecision]

    public init(id: String, date: PlanDate, kind: MeetingKind, title: LocalizedText = [:], agendaPublished: PlanDate? = nil,
                attendees: [String] = [], publicAttendance: [String: Int] = [:], links: [MeetingLink] = [],
                minutes: LocalizedText = [:], decisions: [MeetingDecision] = []) {
        self.id = id
        self.date = date
        self.kind = kind
        self.title = title
        self.agendaPublished = agendaPublished
        self.attendees = attendees
        self.publicAttendance = publicAttendance
        self.links = links
        self.minutes = minutes
        self.decisions = decisions
    }
}
