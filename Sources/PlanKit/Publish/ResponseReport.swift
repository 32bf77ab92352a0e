import Foundation
import GitKit

/// The reasoned-response report (OGP Participation and Co-Creation Standard 4): every input the forum
/// received — each proposal and each comment, across every proposal in the record — with who sent it,
/// for which sector, and what was decided about it and why.
public struct ResponseReport: Sendable {
    /// One input: a proposal or a comment, and its reasoned response. Read from the proposal's folded
    /// state, which the inputs of one proposal share: an input is a few words, not a copy of its fields
    /// (a national consultation's report has a hundred thousand of them, and `nap serve` holds two
    /// reports while it reads the plan again).
    public struct Input: Sendable, Equatable {
        public enum Kind: String, Sendable, Codable { case proposal, comment }
        /// The proposal's state, shared by its inputs.
        private let proposalState: SharedState
        /// The comment's place in `proposalState.state.comments`; -1 for the proposal itself.
        private let comment: Int
        /// The responses given by a report's cutoff, when one was given (nil: all of them).
        private let cutResponses: [ReasonedResponse]?
        /// Whether the forum's rules owe this input a reasoned response (inputs from outside government;
        /// not the proposer's own comments on their proposal).
        public let isOwedResponse: Bool

        init(_ shared: SharedState, comment: Int, cutoff: Date?) {
            proposalState = shared
            self.comment = comment
            let state = shared.state
            let all = comment < 0 ? state.responses : state.comments[comment].responses
            cutResponses = cutoff.map { cutoff in all.filter { $0.time <= cutoff } }
            isOwedResponse = comment < 0 ? PlanStore.isOwed(proposal: state) : PlanStore.isOwed(state.comments[comment], on: state)
        }

        private var state: ProposalState { proposalState.state }
        private var commentState: CommentState? { comment < 0 ? nil : proposalState.state.comments[comment] }

        public var kind: Kind { comment < 0 ? .proposal : .comment }
        /// The event id of the input (for a proposal, the proposal id).
        public var id: EventID { commentState?.id ?? state.id }
        public var proposal: EventID { state.id }
        public var proposalSlug: String { state.slug }
        public var proposalTitle: String { state.title }
        /// `open`, `merged` or `withdrawn`.
        public var proposalStatus: String { state.status.name }
        public var author: EventAuthor { commentState?.author ?? state.author }
        public var time: Date { commentState?.time ?? state.opened }
        /// The comment's text, or the proposal's title and description; for an input a co-chair hid,
        /// "hidden by the moderators: <reason>" instead (the text stays in the record).
        public var text: String {
            if let comment = commentState { return comment.hidden.map(Moderation.placeholder) ?? comment.body }
            let description = state.description.trimmed
            return state.hidden.map(Moderation.placeholder) ?? (description.isEmpty ? state.title : state.title + "\n\n" + description)
        }
        /// The comment this one replies to, if any.
        public var replyTo: EventID? { commentState?.replyTo }
        /// The lines of a file the comment was written on, if it was anchored.
        public var anchor: Anchor? { commentState?.anchor }
        /// Every response given, oldest first; the last one is in force.
        public var responses: [ReasonedResponse] { cutResponses ?? commentState?.responses ?? state.responses }
        /// Where an imported input was first given (nil when written here).
        public var source: InputSource? {
            if let comment = commentState { return comment.source }
            return state.source
        }

        /// The response in force, if any.
        public var response: ReasonedResponse? { responses.last }
        /// Responses the one in force revised.
        public var earlierResponses: [ReasonedResponse] { Array(responses.dropLast()) }
        /// `public`, or the member's sector.
        public var sector: String { author.sectorLabel }
        /// The author as readers see them: `王小明 (via JOIN)` for an imported input.
        public var authorLabel: String { author.name + (source.map { " (via \($0.platformLabel))" } ?? "") }

        public static func == (left: Input, right: Input) -> Bool {
            left.kind == right.kind && left.id == right.id && left.proposal == right.proposal && left.proposalSlug == right.proposalSlug
                && left.proposalTitle == right.proposalTitle && left.proposalStatus == right.proposalStatus && left.author == right.author
                && left.time == right.time && left.text == right.text && left.replyTo == right.replyTo && left.anchor == right.anchor
                && left.responses == right.responses && left.isOwedResponse == right.isOwedResponse && left.source == right.source
        }

        /// A proposal's folded state, held once for all its inputs.
        final class SharedState: Sendable {
            let state: ProposalState
            init(_ state: ProposalState) { self.state = state }
        }
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
        var states = try allProposalStates().map(\.state)
        if let cutoff { states.removeAll { $0.opened > cutoff } }
        states.sort { ($0.opened, $0.slug, $0.id) < ($1.opened, $1.slug, $1.id) }
        var inputs: [ResponseReport.Input] = []
        inputs.reserveCapacity(states.reduce(0) { $0 + 1 + $1.comments.count })
        for state in states {
            let shared = ResponseReport.Input.SharedState(state)
            inputs.append(ResponseReport.Input(shared, comment: -1, cutoff: cutoff))
            for (index, comment) in state.comments.enumerated() where cutoff.map({ comment.time <= $0 }) ?? true {
                inputs.append(ResponseReport.Input(shared, comment: index, cutoff: cutoff))
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
