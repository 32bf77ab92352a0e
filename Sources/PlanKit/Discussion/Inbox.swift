import Foundation
import GitKit
import Localization

/// What waits on one person (`nap inbox`).
public struct Inbox: Sendable {
    /// An input owed a reasoned response, with its deadline under the policy's `response-days`.
    public struct Owed: Sendable {
        public let proposal: ProposalListing
        public let input: UnansweredInput
        /// Nil when the policy counts no deadline.
        public let deadline: ResponseDeadline?
        /// Why it is in this inbox: `author` (the proposal is theirs), `co-chair` (the government co-chair
        /// sees every input), `lead-agency` (the proposal changes a commitment their agency leads) or
        /// `working-group` (it changes a commitment in an area of one of their `groups`).
        public let reason: String
    }

    /// Inputs owed a reasoned response on proposals this person leads, on commitments their agency leads,
    /// and (for the government co-chair) on every open proposal; the most urgent first.
    public let unanswered: [Owed]
    /// Open proposals waiting for this person's review: for a co-chair, every open proposal without their
    /// current approval; for others, proposals that moved since they last reviewed.
    public let awaitingReview: [ProposalListing]
    /// Implementation work that waits on the person's agency: overdue milestones and progress comments
    /// owed a response (empty for someone who leads no commitment).
    public var implementation: ImplementationInbox = ImplementationInbox()
}

extension PlanStore {
    /// What waits on the user, from the listing of proposals (the cached digests: no proposal is folded
    /// unless its events changed since the last run).
    public func inbox(now: Date? = nil) throws -> Inbox {
        let now = now ?? self.now
        let signature = try identity()
        let me = try eventAuthor(for: signature)
        let email = me.email.lowercased()
        let isGovernmentChair = me.isCoChair && me.isGovernment
        let policy = try mainHead().flatMap { try loadPlan(at: $0).plan?.policy } ?? Policy()
        let onMain = me.member == nil ? [:] : try leadAgenciesOnMain()
        let members = try currentMembers()
        var leads = onMain.filter { $0.value.includes(email: email) }
        let inMyGroups = try commitments(inAreas: me.member.flatMap { members.member(id: $0)?.groups } ?? [])
        var unanswered: [Inbox.Owed] = []
        var awaiting: [ProposalListing] = []
        for listing in try proposalListings() {
            guard let author = listing.author, case .open = listing.status else { continue }
            // A commitment the proposal adds: its lead agency is the one the proposal names.
            if me.member != nil, let head = listing.head {
                for id in listing.changedCommitments where onMain[id] == nil && leads[id] == nil {
                    if let lead = try leadAgencies(of: [id], in: [head], members: members).first, lead.includes(email: email) { leads[id] = lead }
                }
            }
            let reason: String? = author.email.lowercased() == email ? "author"
                : listing.changedCommitments.contains(where: { leads[$0] != nil }) ? "lead-agency"
                : listing.changedCommitments.contains(where: inMyGroups.contains) ? "working-group"
                : isGovernmentChair ? "co-chair" : nil
            if let reason {
                for input in listing.unanswered where input.author.email.lowercased() != email {
                    unanswered.append(Inbox.Owed(proposal: listing, input: input,
                                                 deadline: ResponseDeadline(inputTime: input.time, policy: policy, now: now), reason: reason))
                }
            }
            guard me.member != nil, let head = listing.branchHead else { continue }
            let mine = listing.latestReviews.first { $0.author.email.lowercased() == email }
            if me.isCoChair {
                if !(mine?.verdict == .approve && mine?.head == head) { awaiting.append(listing) }
            } else if let mine, mine.head != head {
                awaiting.append(listing)
            } else if mine == nil, policy.approvals.contains(.leadAgency), listing.changedCommitments.contains(where: { leads[$0] != nil }) {
                awaiting.append(listing)
            }
        }
        // The most urgent first: the oldest input is the closest to (or furthest past) its deadline.
        unanswered.sort { ($0.input.time, $0.input.id) < ($1.input.time, $1.input.id) }
        var inbox = Inbox(unanswered: unanswered, awaitingReview: awaiting)
        inbox.implementation = try implementationInbox(leads: Array(leads.values), policy: policy, now: now)
        return inbox
    }
}

extension PlanStore {
    /// What waits on the member with this id in members.yml on main, as `nap inbox` shows it to them (the
    /// same rules, read as that member): for `nap serve`, which shows a signed-in member their inbox.
    public func inbox(ofMember id: String, now: Date? = nil) throws -> Inbox {
        guard let member = try currentMembers().member(id: id) else { throw PlanError.notFound(kind: L("member"), name: id) }
        var environment = self.environment
        environment["GIT_AUTHOR_NAME"] = member.name
        environment["GIT_AUTHOR_EMAIL"] = member.email
        return try PlanStore(repository: repository, environment: environment).inbox(now: now ?? self.now)
    }
}
