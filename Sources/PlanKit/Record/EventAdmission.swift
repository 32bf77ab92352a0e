import Foundation
import GitKit

/// The rules an event must keep before the fold uses it (docs/SECURITY.md, "The record"). Each event's
/// author is re-derived from members.yml on main at the event's time; what the event says about its own
/// sector, role or membership is never believed. Under `require-signatures`, a member's identity holds
/// only with a valid signature by that member's key then in force; an event that cannot show it is read
/// as written by the public.
struct EventAdmission {
    let authority: EventAuthority
    /// The opening event's (derived) author, once seen.
    private(set) var proposalAuthor: EventAuthor?
    private var commentAuthors: [EventID: EventAuthor] = [:]
    private var proposal: EventID = ""

    init(authority: EventAuthority) {
        self.authority = authority
    }

    /// The event with its author derived, or the reason it is quarantined.
    mutating func admit(_ event: Event) throws -> Result<Event, QuarantineReason> {
        var event = event
        let anyone = EventAuthor(name: event.author.name, email: event.author.email, member: nil, sector: "public", role: nil)
        if let member = try authority.member(email: event.author.email, at: event.time) {
            if authority.requiresSignatures, needsSignature(event), try !authority.isSigned(event, by: member) {
                // A member's address without that member's signature: whoever wrote it, it is not the member.
                event.author = anyone
                if event.body.changesTheGate {
                    return .failure(.init("it names \(member.email) but is not signed with that member's key, and the policy requires signatures"))
                }
            } else {
                event.author = EventAuthor(name: member.name, email: event.author.email, member: member.id,
                                           sector: member.sector.rawValue, role: member.role.rawValue)
            }
        } else {
            event.author = anyone
        }
        if let reason = try violation(event) { return .failure(reason) }
        switch event.body {
        case .opened:
            if proposalAuthor == nil { proposalAuthor = event.author; proposal = event.id }
        case .comment:
            commentAuthors[event.id] = event.author
        default:
            break
        }
        return .success(event)
    }

    /// Whether the policy's signature requirement applies to this event: every event that can change
    /// what the gate decides, and a member's comment (unsigned, it is read as the public's). Approvals are
    /// judged by the gate itself, which names an unsigned or wrongly signed approval as such.
    private func needsSignature(_ event: Event) -> Bool {
        switch event.body {
        case .review(let verdict, _, _): verdict == .requestChanges
        case .opened, .revised: false
        default: true
        }
    }

    /// The rule of the event's type it breaks, if any (its author already derived).
    private func violation(_ event: Event) throws -> QuarantineReason? {
        let author = event.author
        let isCoChair = author.isCoChair
        let isProposalAuthor = proposalAuthor.map { $0.email.lowercased() == author.email.lowercased() } ?? false
        switch event.body {
        case .opened, .revised:
            return nil
        case .comment(_, _, let replyTo):
            if let replyTo, commentAuthors[replyTo] == nil { return .init("it replies to \(replyTo.prefix(8)), which is not a comment on this proposal") }
            return nil
        case .withdrawn:
            guard isProposalAuthor || isCoChair else {
                return .init("a withdrawal by \(author.email), who is neither the proposal's author nor a co-chair")
            }
            return nil
        case .resolved(let comment), .reopened(let comment):
            guard let commenter = commentAuthors[comment] else { return .init("it names \(comment.prefix(8)), which is not a comment on this proposal") }
            guard isProposalAuthor || isCoChair || commenter.email.lowercased() == author.email.lowercased() else {
                return .init("only the comment's author, the proposal's author or a co-chair may resolve or reopen it; \(author.email) is none of them")
            }
            return nil
        case .response(let target, _, _, _):
            guard target == proposal || commentAuthors[target] != nil else {
                return .init("it responds to \(target.prefix(8)), which is neither this proposal nor one of its comments")
            }
            guard author.member != nil, author.isGovernment || isCoChair || isProposalAuthor else {
                return .init("reasoned responses are given by government members, the co-chairs or the proposal's author; \(author.email) was \(author.member == nil ? "not a member" : "a member of \(author.sector)") at \(Timestamp.format(event.time))")
            }
            return nil
        case .review(let verdict, _, _):
            guard author.member != nil else { return .init("a review by \(author.email), who was not a member at \(Timestamp.format(event.time))") }
            if author.memberRole == .observer { return .init("a review by an observer; observers do not review") }
            if author.memberRole == .reviewer, verdict == .approve { return .init("an approval by an independent reviewer; reviewers never approve") }
            return nil
        case .merged(let commit, let head):
            guard isCoChair else { return .init("a merge recorded by \(author.email), who was not a co-chair at \(Timestamp.format(event.time))") }
            guard let merge = try authority.mergeOnMain(commit) else {
                return .init("it names commit \(commit.short()), which is not a merge commit on main")
            }
            guard merge.proposal == proposal, merge.head == head else {
                return .init("commit \(commit.short()) on main merges \(merge.head.short()) of proposal \(merge.proposal.prefix(8)), not \(head.short()) of this one")
            }
            return nil
        }
    }
}

/// Why an event was quarantined, in words for people.
struct QuarantineReason: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

extension EventBody {
    /// Whether the event can change what the merge gate decides (responses, change requests,
    /// withdrawals, resolutions, merges).
    var changesTheGate: Bool {
        switch self {
        case .response, .withdrawn, .resolved, .reopened, .merged: true
        case .review(let verdict, _, _): verdict == .requestChanges
        case .opened, .revised, .comment: false
        }
    }
}
