import Foundation
import Localization
import GitKit

/// The rules about input: enough time to discuss each proposal, and every input answered by the
/// government with its reasons in time.
extension RequirementsContext {
    /// Every merged proposal was open at least `min-discussion-days` before its merge commit.
    func discussionVerdict() throws -> RequirementVerdict {
        let requirement = L("Enough time to give input: every merged proposal open for min-discussion-days (Standard 3)")
        let days = plan?.policy.minDiscussionDays ?? 0
        let repository = store.repository
        var failures: [Message] = []
        var evidence: [EvidenceItem] = []
        var merged = 0
        for state in proposals {
            guard case .merged(let commit) = state.status, let closed = state.closedAt, closed <= at else { continue }
            merged += 1
            // Judged under the policy main had when the merge was made (its first parent), as `nap verify` does.
            let merge = try? repository.commit(commit)
            let mergedAt = merge?.committer.time ?? closed
            let asked = (try? merge?.parents.first.flatMap { try store.loadPlan(at: $0).plan?.policy.minDiscussionDays }) ?? days
            let open = PlanDate.days(from: state.opened, to: mergedAt) ?? 0
            if mergedAt.timeIntervalSince(state.opened) < Double(asked) * 86_400 {
                failures.append(L("\(state.slug) was merged \(open) days after it was opened (\(Self.day(state.opened)) to \(Self.day(mergedAt))); the policy then asked \(asked)"))
                evidence.append(EvidenceItem(.event, state.id, L("\(state.slug) opened \(Self.day(state.opened))")))
                evidence.append(EvidenceItem(.commit, commit.hex, L("\(state.slug) merged \(Self.day(mergedAt))")))
            }
        }
        evidence.append(file(PlanFiles.plan, L("policy: min-discussion-days: \(days)")))
        var reasons = failures
        if failures.isEmpty {
            reasons.append(days == 0
                ? L("plan.yml sets no minimum (min-discussion-days: 0), so no merged proposal (\(merged) so far) can fall short; OGP asks for enough time to give input")
                : Message.plural(merged, one: L("1 merged proposal, open at least as long as the policy of its time asked (now \(days) days)"),
                                 other: L("\(merged) merged proposals, each open at least as long as the policy of its time asked (now \(days) days)")))
        }
        return RequirementVerdict(id: "min-discussion-days", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: reasons, evidence: evidence)
    }

    /// Every input owed a reasoned response got one from a government member within `response-days`.
    func responsesVerdict() throws -> RequirementVerdict {
        let requirement = L("A reasoned response from government to every input, within response-days (Standard 4)")
        let days = plan?.policy.responseDays
        let report = try store.responseReport()
        let owed = report.inputs.filter { $0.isOwedResponse && $0.time <= at }
        var failures: [Message] = []
        var pending: [Message] = []
        var evidence: [EvidenceItem] = []
        var answered = 0
        for input in owed {
            let label = input.kind == .proposal ? L("the proposal \(input.proposalSlug)") : L("a comment by \(input.author.name) on \(input.proposalSlug)")
            let response = input.responses.first { $0.author.isGovernment && $0.time <= at }
            let due = days.map { input.time.addingTimeInterval(Double($0) * 86_400) }
            if let response {
                if let due, response.time > due, let late = PlanDate.days(from: due, to: response.time) {
                    failures.append(Message.plural(late, one: L("\(label) (\(Self.day(input.time))) was answered 1 day late, on \(Self.day(response.time))"),
                                                   other: L("\(label) (\(Self.day(input.time))) was answered \(late) days late, on \(Self.day(response.time))")))
                    evidence.append(EvidenceItem(.event, input.id, L("input of \(Self.day(input.time))")))
                    evidence.append(EvidenceItem(.event, response.id, L("response of \(Self.day(response.time))")))
                } else {
                    answered += 1
                }
                continue
            }
            let outsider = input.responses.contains { $0.time <= at }
            if let due {
                if due < at {
                    failures.append(outsider
                        ? L("\(label) (\(Self.day(input.time))) has no government response (only a response by someone outside government); it was due on \(Self.day(due))")
                        : L("\(label) (\(Self.day(input.time))) has no government response; it was due on \(Self.day(due))"))
                    evidence.append(EvidenceItem(.event, input.id, L("unanswered input of \(Self.day(input.time))")))
                } else {
                    pending.append(L("\(label) awaits its response, due on \(Self.day(due))"))
                }
            } else if input.proposalStatus != "open" {
                failures.append(outsider
                    ? L("\(label) has no government response (only a response by someone outside government), and its proposal is \(MessageWords.status(input.proposalStatus))")
                    : L("\(label) has no government response, and its proposal is \(MessageWords.status(input.proposalStatus))"))
                evidence.append(EvidenceItem(.event, input.id, L("unanswered input of \(Self.day(input.time))")))
            } else {
                pending.append(L("\(label) awaits its response (plan.yml sets no response-days)"))
            }
        }
        evidence.append(file(PlanFiles.plan, days.map { L("policy: response-days: \($0)") } ?? L("policy: no response-days")))
        var reasons = failures + pending
        if failures.isEmpty && pending.isEmpty {
            reasons.append(owed.isEmpty ? L("no input owed a response yet")
                : days.map { L("all \(answered) inputs owed a response were answered by government within \($0) days") }
                    ?? L("all \(answered) inputs owed a response were answered by government"))
        }
        return RequirementVerdict(id: "response-days", requirement: requirement,
                                  outcome: owed.isEmpty ? .pending : Self.outcome(failures: failures.count, pending: pending.count),
                                  reasons: reasons, evidence: evidence)
    }
}
