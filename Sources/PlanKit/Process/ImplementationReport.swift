import Foundation
import Localization

/// Where implementation stands on a day (`nap progress report`): every milestone of every commitment of
/// the published plan with its due date, its status on OGP's completion scale (or no evidence), the
/// evidence recorded and the reason for any delay.
public struct ImplementationReport: Sendable {
    /// One milestone's state on the report's day.
    public struct MilestoneRow: Sendable {
        /// Counted from 1, as `nap progress --milestone` takes it.
        public let index: Int
        public let activity: LocalizedText
        public let due: PlanDate?
        /// Nil: no progress was recorded ("no evidence available").
        public let status: CompletionLevel?
        /// Every evidence address recorded for the milestone up to the day, oldest first.
        public let evidence: [String]
        /// The latest reason for a delay given, when the milestone is overdue.
        public let delay: String?
        /// The latest report on it, if any.
        public let latest: CommitmentProgress.Entry?
        /// Due before the day and not complete.
        public let overdue: Bool
    }

    /// One commitment's implementation.
    public struct CommitmentRow: Sendable {
        public let id: String
        public let title: LocalizedText
        public let area: String?
        public let lead: LeadAgency
        /// The latest report on the commitment as a whole, if any.
        public let overall: CommitmentProgress.Entry?
        public let milestones: [MilestoneRow]
        /// Comments on its progress still owed a reasoned response.
        public let owed: Int
    }

    /// The published version the commitments come from.
    public let version: String
    public let asOf: PlanDate
    public let commitments: [CommitmentRow]

    /// Every overdue milestone, with its commitment.
    public var overdue: [(commitment: CommitmentRow, milestone: MilestoneRow)] {
        commitments.flatMap { commitment in commitment.milestones.filter(\.overdue).map { (commitment, $0) } }
    }
}

extension PlanStore {
    /// The implementation report on `asOf` (default: today), for the commitments of the published plan.
    public func implementationReport(asOf: PlanDate? = nil, now: Date? = nil) throws -> ImplementationReport {
        let now = now ?? self.now
        guard let (version, contents) = try publishedPlan() else {
            throw PlanError.refused(reason: L("the plan has not been published yet; implementation is reported on a published version"),
                                    hint: L("a co-chair publishes the agreed plan with `nap publish v1 -m \"...\"`"))
        }
        guard let day = asOf ?? PlanDate.day(of: now) else { throw PlanError.invalidInput(L("the computer's clock is outside the years nap can count")) }
        let members = try currentMembers()
        let progress = try allProgress()
        let rows = contents.commitments.map { commitment in
            Self.row(commitment, progress: progress[commitment.id] ?? CommitmentProgress(commitment: commitment.id), members: members, asOf: day)
        }
        return ImplementationReport(version: version.name, asOf: day, commitments: rows)
    }

    static func row(_ commitment: Commitment, progress: CommitmentProgress, members: Members, asOf day: PlanDate) -> ImplementationReport.CommitmentRow {
        var milestones: [ImplementationReport.MilestoneRow] = []
        for (offset, milestone) in commitment.milestones.enumerated() {
            let index = offset + 1
            let reports = progress.reports.filter { $0.report.milestone == index && $0.report.asOf.firstDayNumber <= day.lastDayNumber }
            let latest = reports.last
            var evidence: [String] = []
            for report in reports { for address in report.report.evidence where !evidence.contains(address) { evidence.append(address) } }
            let overdue = (milestone.end.map { $0.lastDayNumber < day.firstDayNumber } ?? false) && latest?.report.status != .complete
            milestones.append(.init(index: index, activity: milestone.activity, due: milestone.end, status: latest?.report.status,
                                    evidence: evidence, delay: overdue ? reports.last(where: { $0.report.delay != nil })?.report.delay : nil,
                                    latest: latest, overdue: overdue))
        }
        return .init(id: commitment.id, title: commitment.title, area: commitment.area, lead: LeadAgency(of: commitment, in: members),
                     overall: progress.latest(milestone: nil, asOf: day), milestones: milestones, owed: progress.owed.count)
    }
}
