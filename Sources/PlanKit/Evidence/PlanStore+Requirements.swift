import Foundation
import Localization

extension PlanStore {
    /// `nap check`: a verdict on each of OGP's minimum requirements the repository can evidence, as of
    /// `moment` (default: now) — only what main, the record and the tags held then is judged — and the
    /// requirements nap cannot hold the evidence for, said so (never passed).
    public func checkRequirements(at moment: Date? = nil) throws -> RequirementsReport {
        let context = try RequirementsContext(store: self, at: moment ?? now)
        let verdicts = [
            context.forumVerdict(), context.meetingsVerdict(), try context.repositoryVerdict(), try context.timelineVerdict(),
            try context.discussionVerdict(), try context.responsesVerdict(), context.implementationMeetingsVerdict(),
            context.publicationVerdict(),
        ] + RequirementsContext.notCheckable
        return RequirementsReport(at: context.at, main: context.main, verdicts: verdicts)
    }
}

extension RequirementsContext {
    /// The requirements whose evidence lies outside the repository.
    static let notCheckable: [RequirementVerdict] = [
        RequirementVerdict(
            id: "public-website", requirement: L("A public website with the process's documents, online (Standard 2)"),
            outcome: .notCheckable,
            reasons: [L("not checkable from the repository: nap builds the website (`nap site`), but whether and where it is online, and since when, is not recorded in git")]),
        RequirementVerdict(
            id: "outreach", requirement: L("Outreach and awareness-raising before and during co-creation (Standard 3)"),
            outcome: .notCheckable,
            reasons: [L("not checkable from the repository: announcements, invitations and events outside the forum's meetings are not recorded by nap")]),
        RequirementVerdict(
            id: "forum-selection", requirement: L("The forum's members chosen by a fair and transparent process (Standard 1)"),
            outcome: .notCheckable,
            reasons: [L("not checkable from the repository: members.yml's history shows who joined and left and who approved it, not how they were chosen")]),
    ]

    /// Folds outcomes: any failure fails, else anything pending is pending, else a pass.
    static func outcome(failures: Int, pending: Int) -> RequirementVerdict.Outcome {
        failures > 0 ? .fail : pending > 0 ? .pending : .pass
    }
}
