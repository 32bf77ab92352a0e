import Foundation
import GitKit
import Localization

/// The rules an event must keep before the fold uses it (docs/SECURITY.md, "The record"). Each event's
/// author is re-derived from members.yml on main at the event's time; what the event says about its own
/// sector, role or membership is never believed. Under `require-signatures`, a member's identity holds
/// only with a valid signature by that member's key then in force: an event that changes the gate without
/// it is quarantined, a proposal or comment without it is read as the public's.
struct EventAdmission {
    let authority: EventAuthority
    /// How many event files the proposal has: no honest Lamport clock exceeds it (each clock is one more
    /// than another event's), so a higher one is a forgery meant to block later events.
    let total: Int
    /// The opening event's (derived) author and time, once seen.
    private(set) var proposalAuthor: EventAuthor?
    private var opened: Date?
    private var commentAuthors: [EventID: EventAuthor] = [:]
    private var proposal: EventID = ""
    /// How long before a proposal's opening an event may be dated (clocks of honest machines differ).
    static let clockSkew: TimeInterval = 86_400

    init(authority: EventAuthority, total: Int) {
        self.authority = authority
        self.total = total
    }

    /// The event with its author derived, or the reason it is quarantined.
    mutating func admit(_ event: Event) throws -> Result<Event, QuarantineReason> {
        var event = event
        guard event.clock <= total else {
            return .failure(.init(L("its clock \(event.clock) is higher than this proposal's \(total) events allow")))
        }
        let anyone = EventAuthor(name: event.author.name, email: event.author.email, member: nil, sector: "public", role: nil)
        if let proxy = event.onBehalfOf {
            switch try HostAttestation.author(of: event, through: proxy, authority: authority) {
            case .success(let principal): event.author = principal
            case .failure(let reason): return .failure(reason)
            }
        } else if event.source != nil {
            if let reason = try importedAuthor(&event) { return .failure(reason) }
        } else if let member = try authority.member(email: event.author.email, at: event.time) {
            if member.role == .host {
                return .failure(.init(L("it is written as host '\(member.id)' itself; a host writes only on behalf of a member or the public (on-behalf-of) and has no voice of its own")))
            }
            if authority.requiresSignatures, needsSignature(event), try !authority.isSigned(event, by: member) {
                // A member's address without that member's signature: whoever wrote it, it is not the member.
                event.author = anyone
                if event.body.changesTheGate {
                    return .failure(.init(L("it names \(member.email) but is not signed with that member's key, and the policy requires signatures")))
                }
            } else {
                event.author = EventAuthor(name: member.name, email: event.author.email, member: member.id,
                                           sector: member.sector.rawValue, role: member.role.rawValue)
            }
        } else {
            event.author = anyone
            if authority.requiresSignatures, event.body.changesTheGate || event.body.isModeration {
                return .failure(.init(L("\(event.author.email) was not a member at \(Timestamp.format(event.time)), so the event cannot be signed, and the policy requires signatures")))
            }
        }
        if event.source == nil { event.recordedBy = nil }
        if let reason = try violation(event) { return .failure(reason) }
        switch event.body {
        case .opened:
            if proposalAuthor == nil { proposalAuthor = event.author; opened = event.time; proposal = event.id }
        case .comment:
            commentAuthors[event.id] = event.author
        default:
            break
        }
        return .success(event)
    }

    /// An imported input (one with a source): its author is the person the platform names, with no
    /// address, read as the public whatever the event says; who imported it is derived like any author, and
    /// must have been a member then (and, under `require-signatures`, have signed it). The member's own
    /// authority never passes to the input: it is owed a response and decides nothing.
    private func importedAuthor(_ event: inout Event) throws -> QuarantineReason? {
        switch event.body {
        case .opened, .comment: break
        default: return .init(L("only a proposal or a comment can be imported; a \(event.body.typeName) event cannot carry a source"))
        }
        guard event.author.email.isEmpty else {
            return .init(L("an imported input names its author without an address, and this one gives \(event.author.email)"))
        }
        guard let claimed = event.recordedBy, let member = try authority.member(email: claimed.email, at: event.time) else {
            return .init(L("imported inputs are recorded by a member; \(event.recordedBy.map { Message(verbatim: $0.email) } ?? L("no one")) was not a member at \(Timestamp.format(event.time))"))
        }
        if authority.requiresSignatures, try !authority.isSigned(event, by: member) {
            return .init(L("it says \(member.email) imported it but is not signed with that member's key, and the policy requires signatures"))
        }
        event.recordedBy = EventAuthor(name: member.name, email: claimed.email, member: member.id, sector: member.sector.rawValue, role: member.role.rawValue)
        event.author = EventAuthor(name: event.author.name, email: "", member: nil, sector: "public", role: nil)
        return nil
    }

    /// Whether the policy's signature requirement applies to this event: every event that can change
    /// what the gate decides, and a member's proposal or comment (unsigned, it is read as the public's,
    /// and so is owed a reasoned response).
    private func needsSignature(_ event: Event) -> Bool {
        switch event.body {
        case .revised: false
        default: true
        }
    }

    /// Whether `author` is the proposal's author: the same member when a member opened it, else the same
    /// address (the public is not authenticated).
    private func isProposalAuthor(_ author: EventAuthor) -> Bool {
        guard let opener = proposalAuthor else { return false }
        if let member = opener.member { return author.member == member }
        return author.isPublic && opener.hasSameAddress(as: author)
    }

    /// The commits an event names that exist here but are not commits (a blob, a tree): such an event
    /// would make every later command fail on it.
    private func namesANonCommit(_ body: EventBody) -> Bool {
        let ids: [ObjectID] = switch body {
        case .opened(_, _, _, let base, let head): [base, head]
        case .revised(let head, _, _): [head]
        case .review(_, let head, _): [head]
        case .merged(let commit, let head): [commit, head]
        case .comment(_, let anchor, _): anchor.map { [$0.head] } ?? []
        default: []
        }
        return ids.contains { authority.isPresentButNotACommit($0) }
    }

    /// The rule of the event's type it breaks, if any (its author already derived).
    private func violation(_ event: Event) throws -> QuarantineReason? {
        let author = event.author
        let isCoChair = author.isCoChair
        let isProposalAuthor = isProposalAuthor(author)
        if namesANonCommit(event.body) { return .init(L("it names an object that is not a commit where a commit belongs")) }
        if let opened, event.time < opened.addingTimeInterval(-Self.clockSkew) {
            return .init(L("it is dated \(Timestamp.format(event.time)), before the proposal was opened (\(Timestamp.format(opened)))"))
        }
        switch event.body {
        case .opened, .revised:
            return nil
        case .comment(_, _, let replyTo):
            if let replyTo, commentAuthors[replyTo] == nil { return .init(L("it replies to \(replyTo.prefix(8)), which is not a comment on this proposal")) }
            return nil
        case .withdrawn:
            guard isProposalAuthor || isCoChair else {
                return .init(L("a withdrawal by \(author.email), who is neither the proposal's author nor a co-chair"))
            }
            return nil
        case .resolved(let comment), .reopened(let comment):
            guard let commenter = commentAuthors[comment] else { return .init(L("it names \(comment.prefix(8)), which is not a comment on this proposal")) }
            // A public person who commented through a host is not authenticated, so nobody is them later.
            let isCommenter = commenter.member.map { author.member == $0 }
                ?? (author.isPublic && commenter.host == nil && commenter.hasSameAddress(as: author))
            guard isProposalAuthor || isCoChair || isCommenter else {
                return .init(L("only the comment's author, the proposal's author or a co-chair may resolve or reopen it; \(author.email) is none of them"))
            }
            return nil
        case .response(let target, _, _, _):
            guard target == proposal || commentAuthors[target] != nil else {
                return .init(L("it responds to \(target.prefix(8)), which is neither this proposal nor one of its comments"))
            }
            guard author.member != nil, author.isGovernment || isCoChair || isProposalAuthor else {
                return .init(L("reasoned responses are given by government members, the co-chairs or the proposal's author; \(author.email) was \(author.member == nil ? L("not a member") : L("a member of \(MessageWords.sector(author.sector))")) at \(Timestamp.format(event.time))"))
            }
            return nil
        case .review(let verdict, _, _):
            guard author.member != nil else { return .init(L("a review by \(author.email), who was not a member at \(Timestamp.format(event.time))")) }
            if author.memberRole == .observer { return .init(L("a review by an observer; observers do not review")) }
            if author.memberRole == .reviewer, verdict == .approve { return .init(L("an approval by an independent reviewer; reviewers never approve")) }
            return nil
        case .hidden(let target, let reason):
            guard isCoChair else { return .init(L("inputs are hidden by the co-chairs; \(author.email) was not a co-chair at \(Timestamp.format(event.time))")) }
            guard target == proposal || commentAuthors[target] != nil else {
                return .init(L("it hides \(target.prefix(8)), which is neither this proposal nor one of its comments"))
            }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .init(L("it hides an input without a reason")) }
            return nil
        case .merged(let commit, let head):
            guard isCoChair else { return .init(L("a merge recorded by \(author.email), who was not a co-chair at \(Timestamp.format(event.time))")) }
            guard let merge = try authority.mergeOnMain(commit) else {
                return .init(L("it names commit \(commit.short()), which is not a merge commit on main's first-parent line"))
            }
            guard merge.proposal == proposal, merge.head == head else {
                return .init(L("commit \(commit.short()) on main merges \(merge.head.short()) of proposal \(merge.proposal.prefix(8)), not \(head.short()) of this one"))
            }
            return nil
        }
    }
}

/// Why an event was quarantined, in words for people.
struct QuarantineReason: Error {
    let text: Message
    init(_ text: Message) { self.text = text }
}

extension EventBody {
    /// Whether the event can change what the merge gate decides (reviews, responses, withdrawals,
    /// resolutions, merges).
    var changesTheGate: Bool {
        switch self {
        case .response, .withdrawn, .resolved, .reopened, .merged, .review: true
        case .opened, .revised, .comment, .hidden: false
        }
    }

    /// Whether the event moderates the discussion (hides an input): a co-chair's act, signed where the
    /// policy requires signatures, though it changes nothing the gate decides.
    var isModeration: Bool {
        if case .hidden = self { return true }
        return false
    }
}
