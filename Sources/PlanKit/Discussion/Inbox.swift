import GitKit

/// What waits on one person (`nap inbox`).
public struct Inbox: Sendable {
    /// Inputs owed a reasoned response on proposals this person leads (for the government co-chair: on
    /// every open proposal).
    public let unanswered: [(proposal: ProposalListing, input: UnansweredInput)]
    /// Open proposals waiting for this person's review: for a co-chair, every open proposal without their
    /// current approval; for others, proposals that moved since they last reviewed.
    public let awaitingReview: [ProposalListing]
}

extension PlanStore {
    /// What waits on the user, from the listing of proposals (the cached digests: no proposal is folded
    /// unless its events changed since the last run).
    public func inbox() throws -> Inbox {
        let signature = try identity()
        let me = try eventAuthor(for: signature)
        let email = me.email.lowercased()
        let isGovernmentChair = me.isCoChair && me.isGovernment
        var unanswered: [(ProposalListing, UnansweredInput)] = []
        var awaiting: [ProposalListing] = []
        for listing in try proposalListings() {
            guard let author = listing.author, case .open = listing.status else { continue }
            let leads = author.email.lowercased() == email
            if leads || isGovernmentChair {
                for input in listing.unanswered where input.author.email.lowercased() != email {
                    unanswered.append((listing, input))
                }
            }
            guard me.member != nil, let head = listing.branchHead else { continue }
            let mine = listing.latestReviews.first { $0.author.email.lowercased() == email }
            if me.isCoChair {
                if !(mine?.verdict == .approve && mine?.head == head) { awaiting.append(listing) }
            } else if let mine, mine.head != head {
                awaiting.append(listing)
            }
        }
        return Inbox(unanswered: unanswered, awaitingReview: awaiting)
    }
}
