import Foundation

/// An input that is owed a reasoned response (OGP Standard 4): a proposal or a comment from outside
/// government that has no response in force.
public struct UnansweredInput: Sendable, Equatable {
    public enum Kind: String, Sendable { case proposal, comment }
    public let kind: Kind
    public let id: EventID
    public let proposal: EventID
    public let author: EventAuthor
    public let time: Date
    /// The comment's text, or the proposal's title.
    public let text: String
}

extension PlanStore {
    /// Inputs of this proposal that are owed a reasoned response: the proposal itself when it came from
    /// outside government, and every comment from outside government except the proposal author's own.
    public static func unansweredInputs(in state: ProposalState) -> [UnansweredInput] {
        var result: [UnansweredInput] = []
        if !state.author.isGovernment, state.responses.isEmpty {
            result.append(UnansweredInput(kind: .proposal, id: state.id, proposal: state.id, author: state.author, time: state.opened, text: state.title))
        }
        for comment in state.comments where !comment.author.isGovernment && !comment.author.hasSameAddress(as: state.author) && comment.response == nil {
            result.append(UnansweredInput(kind: .comment, id: comment.id, proposal: state.id, author: comment.author, time: comment.time, text: comment.body))
        }
        return result
    }
}
