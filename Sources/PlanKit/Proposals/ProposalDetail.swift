import Foundation
import GitKit
import Localization

/// Everything `nap show` presents about one proposal.
public struct ProposalDetail: Sendable {
    public let summary: ProposalSummary
    public let state: ProposalState
    /// Where each anchored comment's quote stands in the current head.
    public let anchors: [EventID: AnchorPosition]
    /// What still blocks the merge, one line each (empty: it can be merged).
    public let blockers: [Message]
    /// Files in the proposal's record folder that are not valid events: reported, never used.
    public let problems: [PlanError]
    /// The signature check of each comment, response and review, by event id (docs/SIGNING.md).
    public var signatures: [EventID: SignatureCheck] = [:]
    /// Whether plan.yml on main requires signed approvals (`require-signatures`); when false, approvals
    /// are not authenticated.
    public var signaturesRequired = false
    /// The inputs still owed a reasoned response, with their deadlines under `response-days` (nil
    /// deadline: the policy counts none).
    public var owed: [OwedResponse] = []
}

/// An input owed a reasoned response, and when the response is due.
public struct OwedResponse: Sendable {
    public let input: UnansweredInput
    public let deadline: ResponseDeadline?
}

extension PlanStore {
    /// The full picture of a proposal: its state from the record, where its anchored comments stand now,
    /// and what blocks its merge.
    public func detail(of name: String) throws -> ProposalDetail {
        // The proposal's events are read once: its state and its record problems come from the same read.
        let read = try readProposal(named: name)
        guard let state = read.summary.state else { throw Self.noRecord(read.summary.slug) }
        return try detail(summary: read.summary, state: state, events: read.events, problems: read.problems)
    }

    /// The full picture of a proposal already read with its state (`proposals(usingCache:)`: a site build
    /// reads every summary at once): its name is not resolved nor its events folded again; they are read
    /// from the cache of decoded events for their signatures and record problems. `now` is the moment the
    /// merge gate and the response deadlines are judged at (default: the person's clock, `now`); a site
    /// built as of a day passes that day, so that the same state gives the same page.
    public func detail(of summary: ProposalSummary, now: Date? = nil) throws -> ProposalDetail {
        guard let id = summary.id, let state = summary.state else { throw Self.noRecord(summary.slug) }
        let read = try cachedEvents(of: id)
        return try detail(summary: summary, state: state, events: read.events, problems: read.problems + state.quarantined.map(\.problem),
                          now: now)
    }

    private func detail(summary: ProposalSummary, state: ProposalState, events: [Event], problems: [PlanError],
                        now moment: Date? = nil) throws -> ProposalDetail {
        var anchors: [EventID: AnchorPosition] = [:]
        if let head = summary.head {
            // Each file is read and split into lines once, however many comments are anchored to it.
            var texts: [String: [String]?] = [:]
            let source = try files(at: head)
            for comment in state.comments {
                guard let anchor = comment.anchor else { continue }
                if texts[anchor.path] == nil {
                    texts[anchor.path] = try source.read(anchor.path).map { AnchorPosition.lines(of: String(decoding: $0, as: UTF8.self)) }
                }
                guard let lines = texts[anchor.path] ?? nil else {
                    anchors[comment.id] = .outdated
                    continue
                }
                anchors[comment.id] = AnchorPosition.locate(anchor, lines: lines)
            }
        }
        let gate = try mergeGate(summary: summary, state: state, now: moment ?? Date())
        var detail = ProposalDetail(summary: summary, state: state, anchors: anchors, blockers: gate.blockers, problems: problems)
        detail.signatures = try signatureChecks(of: events)
        detail.signaturesRequired = gate.policy.requireSignatures
        if case .open = state.status {
            detail.owed = Self.unansweredInputs(in: state).map { OwedResponse(input: $0, deadline: ResponseDeadline(inputTime: $0.time, policy: gate.policy, now: moment ?? self.now)) }
        }
        return detail
    }

    /// The merge gate's blockers, plus whether the merge would be clean and the merged plan valid.
    public func blockers(summary: ProposalSummary, state: ProposalState) throws -> [Message] {
        try mergeGate(summary: summary, state: state).blockers
    }

    /// The blockers, and the policy of plan.yml on main they were computed under.
    /// `now`: when the merge would happen (`min-discussion-days`; the computer's clock unless a site names its day).
    func mergeGate(summary: ProposalSummary, state: ProposalState, now: Date = Date()) throws -> (blockers: [Message], policy: Policy) {
        let main = try requireMain()
        let loaded = try loadPlan(at: main)
        let policy = loaded.plan?.policy ?? Policy()
        let signatures = policy.requireSignatures ? try approvalSignatures(of: state) : [:]
        let leads = policy.approvals.contains(.leadAgency) ? try leadAgencies(changedBy: summary, main: main, members: loaded.members) : []
        var blockers = MergeGate.blockers(state: state, head: summary.branchHead, members: loaded.members, policy: policy,
                                          signatures: signatures, leads: leads, now: now)
        guard case .open = state.status, let head = summary.branchHead else { return (blockers, policy) }
        let check = try mergeCheck(main: main, head: head)
        if let paths = check.conflicts {
            blockers.append(L("merging into main would conflict in \(paths.joined(separator: ", ")); run `nap update \(state.slug)`"))
        } else if let bases = check.mergeBases, bases > 1 {
            blockers.append(L("main and the proposal have \(bases) merge bases (criss-cross merges), so what was reviewed as its change might not be what merges; run `nap update \(state.slug)` and ask for fresh approvals"))
        } else if let first = check.firstError {
            blockers.append(L("the plan would not validate after the merge (\(check.errorCount) errors, first: \(first))"))
        }
        return (blockers, policy)
    }
}
