import GitKit

/// What waits on one person (`nap inbox`).
public struct Inbox: Sendable {
    /// Inputs owed a reasoned response on proposals this person leads (for the government co-chair: on
    /// every open proposal).
    public let unanswered: [(proposal: ProposalSummary, input: UnansweredInput)]
    /// Open proposals waiting for this person's review: for a co-chair, every open proposal without their
    /// current approval; for others, proposals that moved since they last reviewed.
    public let awaitingReview: [ProposalSummary]
}

extension PlanStore {
    public func inbox() throws -> Inbox {
        let signature = try identity()
        let me = try eventAuthor(for: signature)
        let email = me.email.lowercased()
        let isGovernmentChair = me.role == "co-chair" && me.sector == "government"
        var unanswered: [(ProposalSummary, UnansweredInput)] = []
        var awaiting: [ProposalSummary] = []
        for summary in try proposals() {
            guard let state = summary.state, case .open = state.status else { continue }
            let leads = state.author.email.lowercased() == email
            if leads || isGovernmentChair {
                for input in PlanStore.unansweredInputs(in: state) where input.author.email.lowercased() != email {
                    unanswered.append((summary, input))
                }
            }
            guard me.member != nil, let head = summary.branchHead else { continue }
            let mine = state.latestReviews.first { $0.author.email.lowercased() == email }
            if me.role == "co-chair" {
                if !(mine?.verdict == .approve && mine?.head == head) { awaiting.append(summary) }
            } else if let mine, mine.head != head {
                awaiting.append(summary)
            }
        }
        return Inbox(unanswered: unanswered, awaitingReview: awaiting)
    }
}
