import Foundation
import GitKit

/// The rules about input: enough time to discuss each proposal, and every input answered by the
/// government with its reasons in time.
extension RequirementsContext {
    /// Every merged proposal was open at least `min-discussion-days` before its merge commit.
    func discussionVerdict() throws -> RequirementVerdict {
        let requirement = "Enough time to give input: every merged proposal open for min-discussion-days (Standard 3)"
        let days = plan?.policy.minDiscussionDays ?? 0
        let repository = store.repository
        var failures: [String] = []
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
                failures.append("\(state.slug) was merged \(open) days after it was opened (\(Self.day(state.opened)) to \(Self.day(mergedAt))); the policy then asked \(asked)")
                evidence.append(EvidenceItem(.event, state.id, "\(state.slug) opened \(Self.day(state.opened))"))
                evidence.append(EvidenceItem(.commit, commit.hex, "\(state.slug) merged \(Self.day(mergedAt))"))
            }
        }
        evidence.append(file(PlanFiles.plan, "policy: min-discussion-days: \(days)"))
        var reasons = failures
        if failures.isEmpty {
            reasons.append(days == 0
                ? "plan.yml sets no minimum (min-discussion-days: 0), so the \(merged) merged proposal\(merged == 1 ? "" : "s") cannot fall short; OGP asks for enough time to give input"
                : "\(merged) merged proposal\(merged == 1 ? "" : "s"), each open at least as long as the policy of its time asked (now \(days) days)")
        }
        return RequirementVerdict(id: "min-discussion-days", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: reasons, evidence: evidence)
    }

    /// Every input owed a reasoned response got one from a government member within `response-days`.
    func responsesVerdict() throws -> RequirementVerdict {
        let requirement = "A reasoned response from government to every input, within response-days (Standard 4)"
        let days = plan?.policy.responseDays
        let report = try store.responseReport()
        let owed = report.inputs.filter { $0.isOwedResponse && $0.time <= at }
        var failures: [String] = []
        var pending: [String] = []
        var evidence: [EvidenceItem] = []
        var answered = 0
        for input in owed {
            let label = input.kind == .proposal ? "the proposal \(input.proposalSlug)" : "a comment by \(input.author.name) on \(input.proposalSlug)"
            let response = input.responses.first { $0.author.isGovernment && $0.time <= at }
            let due = days.map { input.time.addingTimeInterval(Double($0) * 86_400) }
            if let response {
                if let due, response.time > due, let late = PlanDate.days(from: due, to: response.time) {
                    failures.append("\(label) (\(Self.day(input.time))) was answered \(late) day\(late == 1 ? "" : "s") late, on \(Self.day(response.time))")
                    evidence.append(EvidenceItem(.event, input.id, "input of \(Self.day(input.time))"))
                    evidence.append(EvidenceItem(.event, response.id, "response of \(Self.day(response.time))"))
                } else {
                    answered += 1
                }
                continue
            }
            let other = input.responses.contains { $0.time <= at } ? " (only a response by someone outside government)" : ""
            if let due {
                if due < at {
                    failures.append("\(label) (\(Self.day(input.time))) has no government response\(other); it was due on \(Self.day(due))")
                    evidence.append(EvidenceItem(.event, input.id, "unanswered input of \(Self.day(input.time))"))
                } else {
                    pending.append("\(label) awaits its response, due on \(Self.day(due))")
                }
            } else if input.proposalStatus != "open" {
                failures.append("\(label) has no government response\(other), and its proposal is \(input.proposalStatus)")
                evidence.append(EvidenceItem(.event, input.id, "unanswered input of \(Self.day(input.time))"))
            } else {
                pending.append("\(label) awaits its response (plan.yml sets no response-days)")
            }
        }
        evidence.append(file(PlanFiles.plan, days.map { "policy: response-days: \($0)" } ?? "policy: no response-days"))
        var reasons = failures + pending
        if failures.isEmpty && pending.isEmpty {
            reasons.append(owed.isEmpty ? "no input owed a response yet" : "all \(answered) inputs owed a response were answered by government\(days.map { " within \($0) days" } ?? "")")
        }
        return RequirementVerdict(id: "response-days", requirement: requirement,
                                  outcome: owed.isEmpty ? .pending : Self.outcome(failures: failures.count, pending: pending.count),
                                  reasons: reasons, evidence: evidence)
    }
}
