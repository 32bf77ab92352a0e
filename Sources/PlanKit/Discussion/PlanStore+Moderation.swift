import Foundation
import Localization

extension PlanStore {
    /// Hides an input (comment or proposal opening) with a reason; co-chairs only (directly or through a host).
    ///
    /// `target` is a comment id prefix, or the proposal's own name or id (then its description is hidden).
    /// The input stays in the record and is still owed a reasoned response (an `out-of-scope` response
    /// answers it); views show "hidden by the moderators: <reason>" in its place. Works on proposals in
    /// any state. Returns the `hidden` event's id.
    public func hide(_ target: String, on proposal: String, reason: String) throws -> EventID {
        let reason = try checkedText(reason, what: L("reason for hiding"))
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        guard author.isCoChair else {
            throw PlanError.refused(reason: L("only the co-chairs hide inputs; \(author.name) is \(author.standing)"), hint: nil)
        }
        try requireCountingSignature(for: L("hide an input"), author: author)
        let state = try currentState(of: try recordedProposal(named: proposal).state.id)
        let lowered = target.lowercased()
        let targetID: EventID
        if target == proposal || target == state.slug || (lowered.count >= 8 && state.id.hasPrefix(lowered)) {
            targetID = state.id
        } else {
            targetID = try findComment(target, in: state).id
        }
        let event = Event(proposal: state.id, author: author, time: signature.time, clock: state.clock + 1,
                          body: .hidden(target: targetID, reason: reason))
        return try record.append([event], by: signature, message: "Hide \(targetID == state.id ? "the text" : "a comment") of proposal \(state.slug)\n")[0]
    }
}
