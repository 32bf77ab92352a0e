import Foundation
import GitKit
import SSHSig

extension PlanStore {
    /// The signature state of each co-chair-relevant review of a proposal (every reviewer's latest), for
    /// the merge gate.
    public func approvalSignatures(of state: ProposalState) throws -> [EventID: EventSignatureState] {
        let tree = try record.tree()
        var states: [EventID: EventSignatureState] = [:]
        for review in state.latestReviews where review.verdict == .approve {
            states[review.id] = try record.signatureState(event: review.id, proposal: state.id, signature: review.signature, in: tree)
        }
        return states
    }

    /// Each event's signature judged against its author's key in members.yml as it was in force at the
    /// event's time: the newest first-parent commit of main whose committer time is at or before it.
    public func signatureChecks(of events: [Event]) throws -> [EventID: SignatureCheck] {
        let tree = try record.tree()
        let timeline = MembersTimeline(repository: repository, head: try mainHead())
        var checks: [EventID: SignatureCheck] = [:]
        for event in events {
            let state = try record.signatureState(of: event, in: tree)
            if let proxy = event.onBehalfOf {
                // A host's event is judged against the host's key: the host vouches for it.
                let host = try timeline.members(at: event.time).member(id: proxy.host)
                let expected = state == .unsigned ? nil : try host.flatMap { try timeline.expectedKey(of: $0.email, at: event.time, state: state) }
                checks[event.id] = SignatureCheck(state: state, author: "host \(proxy.host)", expected: expected)
                continue
            }
            let expected = state == .unsigned ? nil : try timeline.expectedKey(of: event.author.email, at: event.time, state: state)
            checks[event.id] = SignatureCheck(state: state, author: event.author.name, expected: expected)
        }
        return checks
    }
}
