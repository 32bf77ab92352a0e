import Foundation
import GitKit
import Localization

/// The rule that guards main (DESIGN.md section 4): a proposal is merged only with the current approval
/// of the approvers the policy names (by default both co-chairs), no open request for changes from them,
/// and a reasoned response to every input from outside government. The gate is computed from the
/// record and members.yml on main, never stored.
public enum MergeGate {
    /// Everything that blocks the merge, one line each; empty when the gate holds.
    ///
    /// `signatures` holds the signature state of review events (at least the co-chairs' latest); it is
    /// consulted only when the policy requires signatures, and a review missing from it counts as unsigned.
    /// `leads` are the lead agencies of the commitments the proposal changes (asked for by the approver
    /// `lead-agency`); `now` is when the merge would happen (for `min-discussion-days`).
    public static func blockers(state: ProposalState, head: ObjectID?, members: Members, policy: Policy,
                                signatures: [EventID: EventSignatureState] = [:], leads: [LeadAgency] = [],
                                now: Date = Date()) -> [Message] {
        var blockers: [Message] = []
        switch state.status {
        case .open: break
        case .merged(let commit): return [L("the proposal is already merged (\(commit.short()))")]
        case .withdrawn: return [L("the proposal was withdrawn")]
        }
        guard let head else { return [L("the proposal's branch proposal/\(state.slug) is missing")] }
        let latest = state.latestReviews
        var approverEmails: [String: Policy.Approver] = [:]
        for approver in policy.approvals {
            guard let sector = approver.coChairSector else {
                blockers += leadAgencyBlockers(leads, latest: latest, head: head, policy: policy, signatures: signatures)
                continue
            }
            let label = MessageWords.approver(approver)
            guard let chair = members.coChair(of: sector) else {
                blockers.append(L("members.yml on main names no \(label)"))
                continue
            }
            let email = chair.email.lowercased()
            if let other = approverEmails[email] {
                blockers.append(L("\(chair.name) <\(chair.email)> is listed as both \(other.rawValue) and \(approver.rawValue); one person cannot approve in both roles"))
                continue
            }
            approverEmails[email] = approver
            guard let review = latest.first(where: { $0.author.email.lowercased() == email }) else {
                blockers.append(L("waiting for the approval of \(chair.name) (\(label))"))
                continue
            }
            switch review.verdict {
            case .requestChanges where policy.requestChangesBlocks:
                blockers.append((review.head == head ? L("\(chair.name) (\(label)) requested changes and has not approved since")
                                  : L("\(chair.name) (\(label)) requested changes on an earlier revision and has not approved since")))
            case .requestChanges:
                blockers.append(L("waiting for the approval of \(chair.name) (\(label))"))
            case .approve where review.head != head:
                blockers.append(L("the approval of \(chair.name) (\(label)) is stale: given on \(review.head.short()), the proposal is now at \(head.short())"))
            case .approve:
                if let host = review.author.host {
                    if let problem = hostAttestedProblem(host: host, who: L("\(chair.name) (\(label))"), policy: policy) { blockers.append(problem) }
                } else if policy.requireSignatures,
                   let problem = signatureProblem(signatures[review.id] ?? .unsigned, chair: chair, label: label) {
                    blockers.append(problem)
                }
            }
        }
        if let wait = discussionWait(opened: state.opened, now: now, policy: policy) {
            blockers.append(wait)
        }
        if policy.requireResponses {
            for input in PlanStore.unansweredInputs(in: state) {
                let what = input.kind == .proposal ? L("the proposal itself") : L("comment \(input.id.prefix(8))")
                blockers.append(L("\(what) from \(input.author.name) (\(MessageWords.sector(input.author.sectorLabel))) has no reasoned response"))
            }
        }
        return blockers
    }

    /// Each lead agency needs a current approval by one of its members (signed where required).
    static func leadAgencyBlockers(_ leads: [LeadAgency], latest: [Review], head: ObjectID, policy: Policy,
                                   signatures: [EventID: EventSignatureState]) -> [Message] {
        var blockers: [Message] = []
        for lead in leads {
            let label = L("lead agency of commitment \(lead.commitment)")
            guard !lead.members.isEmpty else {
                blockers.append(L("the \(label) (\(lead.label)) has no member in members.yml on main to approve it"))
                continue
            }
            let approvals = latest.filter { review in
                review.verdict == .approve && review.head == head && lead.includes(email: review.author.email)
            }
            let counted = approvals.first { review in
                if let host = review.author.host { return hostAttestedProblem(host: host, who: label, policy: policy) == nil }
                guard policy.requireSignatures else { return true }
                guard let member = lead.members.first(where: { $0.email.lowercased() == review.author.email.lowercased() }) else { return false }
                return signatureProblem(signatures[review.id] ?? .unsigned, chair: member, label: label) == nil
            }
            guard counted == nil else { continue }
            if let approval = approvals.first, let host = approval.author.host,
               let problem = hostAttestedProblem(host: host, who: L("\(approval.author.name) (\(label))"), policy: policy) {
                blockers.append(problem)
            } else if let approval = approvals.first, let member = lead.members.first(where: { $0.email.lowercased() == approval.author.email.lowercased() }),
               let problem = signatureProblem(signatures[approval.id] ?? .unsigned, chair: member, label: label) {
                blockers.append(problem)
            } else {
                blockers.append(L("waiting for the approval of the \(label) (\(lead.label): \(lead.members.map(\.name).joined(separator: ", ")))"))
            }
        }
        return blockers
    }

    /// Why an approval written through a host (admitted, so signed by that host's key) does not count:
    /// the policy counts only approvals the members write themselves unless `host-attested-approvals`.
    static func hostAttestedProblem(host: String, who: Message, policy: Policy) -> Message? {
        guard !policy.hostAttestedApprovals else { return nil }
        return L("the approval of \(who) was given through host \(host), and the policy does not count host-attested approvals (host-attested-approvals: false); approve with nap, signed with your own key")
    }

    /// Why the proposal must still wait under `min-discussion-days`; nil once it was open long enough.
    public static func discussionWait(opened: Date, now: Date, policy: Policy) -> Message? {
        guard policy.minDiscussionDays > 0 else { return nil }
        let required = Double(policy.minDiscussionDays) * 86_400
        let elapsed = now.timeIntervalSince(opened)
        guard elapsed.isFinite, elapsed < required else { return nil }
        let until = opened.addingTimeInterval(required)
        let days = elapsed <= 0 ? 0 : Int(min(elapsed / 86_400, Double(Policy.maximumDays)))
        let asked = policy.minDiscussionDays
        let moment = Timestamp.format(until)
        return Message.plural(days, one: L("the proposal has been open for discussion 1 day; the policy asks for \(asked) (min-discussion-days), until \(moment)"),
                              other: L("the proposal has been open for discussion \(days) days; the policy asks for \(asked) (min-discussion-days), until \(moment)"))
    }

    /// Why a co-chair's approval does not count under `require-signatures`; nil when it is signed by
    /// the key members.yml on main gives them. `keysFrom` names where the keys were read (`nap verify`
    /// reads members.yml before the merge).
    static func signatureProblem(_ state: EventSignatureState, chair: Member, label: Message,
                                 keysFrom: Message = L("members.yml on main")) -> Message? {
        let who = L("\(chair.name) (\(label))")
        let expected = MembersTimeline.key(of: chair)
        switch state {
        case .unsigned:
            return L("the approval of \(who) is unsigned; the policy requires approvals signed with the member's key")
        case .invalid(let reason):
            return L("the approval of \(who) has an invalid signature: \(reason)")
        case .signed(let key) where expected == nil:
            return L("the approval of \(who) is signed by \(key.fingerprint), but \(keysFrom) lists no key for \(chair.name)")
        case .signed(let key) where key != expected:
            return L("the approval of \(who) is signed by a key that is not \(chair.name)'s key (\(key.fingerprint))")
        case .signed:
            return nil
        }
    }
}
