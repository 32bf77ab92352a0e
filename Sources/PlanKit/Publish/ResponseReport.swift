import Foundation
import GitKit

/// The reasoned-response report (OGP Participation and Co-Creation Standard 4): every input the forum
/// received — each proposal and each comment, across every proposal in the record — with who sent it,
/// for which sector, and what was decided about it and why.
public struct ResponseReport: Sendable {
    /// One input: a proposal or a comment, and its reasoned response.
    public struct Input: Sendable, Equatable {
        public enum Kind: String, Sendable, Codable { case proposal, comment }
        public let kind: Kind
        /// The event id of the input (for a proposal, the proposal id).
        public let id: EventID
        public let proposal: EventID
        public let proposalSlug: String
        public let proposalTitle: String
        /// `open`, `merged` or `withdrawn`.
        public let proposalStatus: String
        public let author: EventAuthor
        public let time: Date
        /// The comment's text, or the proposal's title and description; for an input a co-chair hid,
        /// "hidden by the moderators: <reason>" instead (the text stays in the record).
        public let text: String
        /// The comment this one replies to, if any.
        public let replyTo: EventID?
        /// The lines of a file the comment was written on, if it was anchored.
        public let anchor: Anchor?
        /// Every response given, oldest first; the last one is in force.
        public let responses: [ReasonedResponse]
        /// Whether the forum's rules owe this input a reasoned response (inputs from outside government;
        /// not the proposer's own comments on their proposal).
        public let isOwedResponse: Bool

        /// The response in force, if any.
        public var response: ReasonedResponse? { responses.last }
        /// Responses the one in force revised.
        public var earlierResponses: [ReasonedResponse] { Array(responses.dropLast()) }
        /// Where an imported input was first given (nil when written here).
        public var source: InputSource? = nil
        /// `public`, or the member's sector.
        public var sector: String { author.sectorLabel }
        /// The author as readers see them: `王小明 (via JOIN)` for an imported input.
        public var authorLabel: String { author.name + (source.map { " (via \($0.platformLabel))" } ?? "") }
    }

    /// The inputs, proposal by proposal (in the order they were opened), each proposal followed by its
    /// comments in the record's order.
    public let inputs: [Input]
    /// The revision the report is limited to, when one was given.
    public let revision: String?
    /// Proposals opened after this time are left out, when a revision was given.
    public let cutoff: Date?

    public init(inputs: [Input], revision: String? = nil, cutoff: Date? = nil) {
        self.inputs = inputs
        self.revision = revision
        self.cutoff = cutoff
    }

    /// How many inputs have no response yet.
    public var unanswered: Int { inputs.filter { $0.response == nil }.count }
    /// How many inputs owed a response have none yet.
    public var unansweredOwed: Int { inputs.filter { $0.response == nil && $0.isOwedResponse }.count }
}

extension PlanStore {
    /// The reasoned-response report over the whole record. With `revision` (e.g. a version), the report as
    /// it stood at that version's time (its tagger's time, or its commit's time): the proposals opened and
    /// the comments given by then, with the responses given by then (a proposal's state is today's).
    public func responseReport(until revision: String? = nil) throws -> ResponseReport {
        let cutoff = try revision.map(time(of:))
        // Up to a revision: the inputs given by its time and the responses given by then, as they stood.
        func upToCutoff(_ responses: [ReasonedResponse]) -> [ReasonedResponse] {
            guard let cutoff else { return responses }
            return responses.filter { $0.time <= cutoff }
        }
        var states = try allProposalStates().map(\.state)
        if let cutoff { states.removeAll { $0.opened > cutoff } }
        states.sort { ($0.opened, $0.slug, $0.id) < ($1.opened, $1.slug, $1.id) }
        var inputs: [ResponseReport.Input] = []
        for state in states {
            let description = state.description.trimmed
            inputs.append(ResponseReport.Input(
                kind: .proposal, id: state.id, proposal: state.id, proposalSlug: state.slug, proposalTitle: state.title,
                proposalStatus: state.status.name, author: state.author, time: state.opened,
                text: state.hidden.map(Moderation.placeholder) ?? (description.isEmpty ? state.title : state.title + "\n\n" + description),
                replyTo: nil, anchor: nil,
                responses: upToCutoff(state.responses), isOwedResponse: Self.isOwed(proposal: state), source: state.source))
            for comment in state.comments {
                if let cutoff, comment.time > cutoff { continue }
                let isOwed = Self.isOwed(comment, on: state)
                inputs.append(ResponseReport.Input(
                    kind: .comment, id: comment.id, proposal: state.id, proposalSlug: state.slug, proposalTitle: state.title,
                    proposalStatus: state.status.name, author: comment.author, time: comment.time, text: comment.hidden.map(Moderation.placeholder) ?? comment.body,
                    replyTo: comment.replyTo, anchor: comment.anchor, responses: upToCutoff(comment.responses), isOwedResponse: isOwed,
                    source: comment.source))
            }
        }
        return ResponseReport(inputs: inputs, revision: revision, cutoff: cutoff)
    }

    /// Whether the forum's rules owe a proposal a reasoned response: when it comes from outside government.
    static func isOwed(proposal state: ProposalState) -> Bool {
        state.author.sector != Sector.government.rawValue
    }

    /// Whether a comment is owed a reasoned response: from outside government, and not the proposer's own.
    static func isOwed(_ comment: CommentState, on state: ProposalState) -> Bool {
        comment.author.sector != Sector.government.rawValue && !comment.author.hasSameAddress(as: state.author)
    }

    /// When a revision was made: a version's tagger time, else its commit's committer time.
    func time(of revision: String) throws -> Date {
        let reference = RefNames.tagPrefix + revision
        if let target = try PlanError.wrap({ try repository.referenceTarget(reference) }), repository.objectKind(target) == .tag,
           let tagger = try PlanError.wrap({ try repository.annotatedTag(target) }).tagger {
            return tagger.time
        }
        let commit = try resolveRevision(revision)
        return try PlanError.wrap { try repository.commit(commit).committer.time }
    }
}
