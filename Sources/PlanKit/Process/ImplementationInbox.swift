import Foundation

/// Implementation work waiting on a lead agency (`nap inbox`): milestones of its commitments that are
/// overdue, and comments on its progress reports still owed a reasoned response.
public struct ImplementationInbox: Sendable {
    /// An overdue milestone of a commitment the person's agency leads.
    public struct Overdue: Sendable {
        public let commitment: String
        public let milestone: ImplementationReport.MilestoneRow
        /// Whole days past the due date.
        public let daysLate: Int
    }

    /// A comment on a progress report, owed a reasoned response.
    public struct OwedComment: Sendable {
        public let commitment: String
        public let comment: CommitmentProgress.Comment
        public let deadline: ResponseDeadline?
    }

    public var overdue: [Overdue] = []
    public var owed: [OwedComment] = []

    public init() {}
}

extension PlanStore {
    /// What implementation asks of the lead agencies in `leads` (nothing before the plan is published).
    func implementationInbox(leads: [LeadAgency], policy: Policy, now: Date) throws -> ImplementationInbox {
        var inbox = ImplementationInbox()
        guard !leads.isEmpty, let today = PlanDate.day(of: now), let main = try mainHead(),
              let version = try previousPublication(before: main) else { return inbox }
        let mine = Set(leads.map(\.commitment))
        let members = try currentMembers()
        for commitment in try commitmentOutlines(at: version.commit) where mine.contains(commitment.id) {
            let progress = try self.progress(of: commitment.id)
            let row = Self.row(commitment, progress: progress, members: members, asOf: today)
            for milestone in row.milestones where milestone.overdue {
                let late = milestone.due.map { today.firstDayNumber - $0.lastDayNumber } ?? 0
                inbox.overdue.append(.init(commitment: commitment.id, milestone: milestone, daysLate: late))
            }
            for comment in progress.owed {
                inbox.owed.append(.init(commitment: commitment.id, comment: comment,
                                        deadline: ResponseDeadline(inputTime: comment.time, policy: policy, now: now)))
            }
        }
        return inbox
    }
}
