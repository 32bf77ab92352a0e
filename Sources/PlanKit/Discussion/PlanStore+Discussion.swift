import Foundation
import GitKit
import Localization

extension PlanStore {
    /// The largest comment or reason nap accepts, in bytes of UTF-8.
    public static let maximumTextBytes = 128 * 1024

    /// Checks user text: not empty, not too long. Stored verbatim (Markdown), shown safely.
    func checkedText(_ text: String, what: Message) throws -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw PlanError.invalidInput(L("the \(what) is empty")) }
        let bytes = text.utf8.count
        guard bytes <= PlanStore.maximumTextBytes else {
            throw PlanError.invalidInput(L("the \(what) is \(bytes / 1024) KiB; at most \(PlanStore.maximumTextBytes / 1024) KiB are accepted (link to a longer document instead)"))
        }
        return text
    }

    /// An open proposal, with its branch head recorded as a revision if it moved.
    func openProposal(_ name: String, for action: Message) throws -> (summary: ProposalSummary, state: ProposalState) {
        let (summary, state) = try recordedProposal(named: name)
        guard case .open = state.status else {
            throw PlanError.refused(reason: L("proposal \(state.slug) is \(MessageWords.status(state.status.name)); it cannot be \(action)"), hint: nil)
        }
        return (summary, try recordRevision(of: state, branchHead: summary.branchHead))
    }

    /// Comments on a proposal (anyone, members and the public), optionally anchored to lines of a file the
    /// proposal changes, or in reply to another comment on it. Returns the comment's id.
    public func comment(on name: String, body: String, anchor request: AnchorRequest? = nil, replyTo: String? = nil) throws -> EventID {
        let body = try checkedText(body, what: L("comment"))
        let signature = try identity()
        if replyTo == nil, let open = try openProposalDigest(name, for: L("commented on")) {
            // The cached digest has all a plain comment needs (id, slug, base, clock, head): no fold.
            let anchor = try request.map { try makeAnchor($0, head: open.head, base: open.digest.base, slug: open.digest.slug) }
            let event = Event(proposal: open.digest.id, author: try eventAuthor(for: signature), time: signature.time, clock: open.digest.clock + 1,
                              body: .comment(body: body, anchor: anchor, replyTo: nil))
            return try record.append([event], by: signature, message: "Comment on proposal \(open.digest.slug)\n")[0]
        }
        let (summary, state) = try openProposal(name, for: L("commented on"))
        var parent: EventID?
        if let replyTo {
            parent = try findComment(replyTo, in: state).id
        }
        var anchor: Anchor?
        if let request {
            anchor = try makeAnchor(request, head: summary.head, base: state.base, slug: state.slug)
        }
        let event = Event(proposal: state.id, author: try eventAuthor(for: signature), time: signature.time, clock: state.clock + 1,
                          body: .comment(body: body, anchor: anchor, replyTo: parent))
        return try record.append([event], by: signature, message: "Comment on proposal \(state.slug)\n")[0]
    }

    /// An open proposal by its cached digest, when that is all an action needs: nil when the proposal has
    /// no record or its branch moved since the last recorded revision (then the full path records it).
    /// Refuses a proposal that is not open, as `openProposal` does.
    func openProposalDigest(_ name: String, for action: Message) throws -> (digest: ProposalDigest, head: ObjectID?)? {
        let candidate = try resolveProposal(name)
        guard let digest = try candidate.digest() else { return nil }
        guard digest.status == "open" else {
            throw PlanError.refused(reason: L("proposal \(digest.slug) is \(MessageWords.status(digest.status)); it cannot be \(action)"), hint: nil)
        }
        if let branchHead = candidate.branchHead, let recorded = digest.recordedHead, branchHead != recorded { return nil }
        return (digest, candidate.branchHead ?? digest.recordedHead)
    }

    private func makeAnchor(_ request: AnchorRequest, head: ObjectID?, base: ObjectID, slug: String) throws -> Anchor {
        guard let head else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(slug)") }
        let changed = try changedPaths(head: head, base: base, main: try mainHead())
        guard changed.contains(request.path) else {
            throw PlanError.invalidInput(L("proposal \(slug) does not change \(request.path); it changes: \(changed.isEmpty ? "nothing yet" : changed.joined(separator: ", "))"))
        }
        guard let data = try files(at: head).read(request.path) else {
            throw PlanError.invalidInput(L("\(request.path) is deleted by proposal \(slug); comment on the proposal as a whole"))
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let count = lines.last == "" ? lines.count - 1 : lines.count
        let start = request.startLine ?? 1
        let end = request.endLine ?? count
        guard start <= count, end <= count else {
            throw PlanError.invalidInput(L("\(request.path) has \(count) lines at \(head.short()); line \(max(start, end)) is beyond its end"))
        }
        return Anchor(head: head, path: request.path, startLine: start, endLine: end, quote: lines[(start - 1)..<end].joined(separator: "\n"))
    }

    /// A comment of this proposal by unique id prefix.
    func findComment(_ prefix: String, in state: ProposalState) throws -> CommentState {
        let lowered = prefix.lowercased()
        guard lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) else {
            throw PlanError.invalidInput(L("'\(prefix)' is not a comment id (at least 4 hex digits, as `nap show` prints them)"))
        }
        let matches = state.comments.filter { $0.id.hasPrefix(lowered) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw PlanError.ambiguous(kind: L("comment"), prefix: prefix, candidates: matches.map { String($0.id.prefix(12)) }) }
        if let other = try locateComment(lowered), other.state.id != state.id {
            throw PlanError.invalidInput(L("comment \(prefix) belongs to another proposal (\(other.state.slug))"))
        }
        throw PlanError.notFound(kind: L("comment"), name: prefix)
    }

    /// Searches every proposal for a comment id prefix. An event's file is named by its id, so only the
    /// proposals with a file of that prefix are folded.
    func locateComment(_ prefix: String) throws -> (state: ProposalState, comment: CommentState)? {
        var found: [(ProposalState, CommentState)] = []
        let tree = try record.tree()
        for (id, subtree) in try record.proposals(in: tree) {
            let names = try PlanError.wrap { try repository.treeEntry(subtree, path: "events").map { try repository.treeEntries($0.id).map(\.name) } ?? [] }
            guard names.contains(where: { $0.hasPrefix(prefix) }) else { continue }
            guard let state = try fold(try record.events(of: id, in: tree).events) else { continue }
            for comment in state.comments where comment.id.hasPrefix(prefix) { found.append((state, comment)) }
        }
        if found.count > 1 { throw PlanError.ambiguous(kind: L("comment"), prefix: prefix, candidates: found.map { String($0.1.id.prefix(12)) }) }
        return found.first
    }

    /// Gives the reasoned response to a comment (by id prefix) or to a proposal as a whole. A later response
    /// to the same input revises the earlier one; both are kept. Members of government, co-chairs and the
    /// proposal's author may respond. `meeting` names the meeting of the forum that decided the response
    /// (it must be in the record). A comment on a progress report is answered the same way
    /// (`respondToProgressComment`).
    public func respond(to target: String, disposition: Disposition, reason: String, meeting: String? = nil) throws -> EventID {
        let reason = try checkedText(reason, what: L("reason"))
        guard reason.trimmingCharacters(in: .whitespacesAndNewlines).count >= 8 else {
            throw PlanError.invalidInput(L("a reasoned response needs a reason a reader can follow (at least 8 characters); say why"))
        }
        if let meeting {
            guard let state = try? self.meeting(meeting), state.current != nil else {
                throw PlanError.notFound(kind: L("meeting"), name: meeting)
            }
        }
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        let lowered = target.lowercased()
        var state: ProposalState
        let targetID: EventID
        let hex = lowered.count >= 4 && lowered.allSatisfy(\.isHexDigit)
        if hex, try locateComment(lowered) == nil, let comment = try locateProgressComment(lowered) {
            return try respondToProgressComment(comment, disposition: disposition, reason: reason)
        }
        if hex, let found = try locateComment(lowered) {
            state = found.state
            targetID = found.comment.id
        } else {
            state = try recordedProposal(named: target).state
            targetID = state.id
        }
        guard author.member != nil, author.isGovernment || author.isCoChair || author.email.lowercased() == state.author.email.lowercased() else {
            throw PlanError.refused(reason: L("reasoned responses are given by government members, the co-chairs, or the proposal's author; \(author.name) is \(author.standing)"), hint: nil)
        }
        try requireCountingSignature(for: L("give a reasoned response"), author: author)
        state = try currentState(of: state.id)
        let event = Event(proposal: state.id, author: author, time: signature.time, clock: state.clock + 1,
                          body: .response(target: targetID, disposition: disposition, reason: reason, meeting: meeting))
        return try record.append([event], by: signature, message: "Respond (\(disposition.rawValue)) on proposal \(state.slug)\n")[0]
    }

    /// Marks a comment's thread resolved (or reopens it). The comment's author, the proposal's author and
    /// the co-chairs may.
    public func setResolved(_ commentID: String, resolved: Bool) throws {
        let lowered = commentID.lowercased()
        guard lowered.count >= 4, lowered.allSatisfy(\.isHexDigit), let found = try locateComment(lowered) else {
            throw PlanError.notFound(kind: L("comment"), name: commentID)
        }
        let (state, comment) = found
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        let email = author.email.lowercased()
        guard email == comment.author.email.lowercased() || email == state.author.email.lowercased() || author.isCoChair else {
            throw PlanError.refused(reason: (resolved ? L("only the comment's author, the proposal's author or a co-chair may resolve it") : L("only the comment's author, the proposal's author or a co-chair may reopen it")), hint: nil)
        }
        try requireCountingSignature(for: resolved ? L("resolve a comment") : L("reopen a comment"), author: author)
        guard comment.resolved != resolved else {
            throw PlanError.refused(reason: (resolved ? L("comment \(comment.id.prefix(8)) is already resolved") : L("comment \(comment.id.prefix(8)) is already open")), hint: nil)
        }
        let event = Event(proposal: state.id, author: author, time: signature.time, clock: state.clock + 1,
                          body: resolved ? .resolved(comment: comment.id) : .reopened(comment: comment.id))
        try record.append([event], by: signature, message: "\(resolved ? "Resolve" : "Reopen") a comment on proposal \(state.slug)\n")
    }

    /// Reviews the proposal's current head: approve, or request changes. Only members may; observers may
    /// not review, and independent reviewers may comment and request changes but never approve.
    public func review(_ name: String, verdict: Verdict, body: String) throws -> EventID {
        if !body.isEmpty { _ = try checkedText(body, what: L("review text")) }
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        guard author.member != nil else {
            throw PlanError.refused(reason: L("only members of the forum review proposals; \(signature.email) is not in members.yml on main"),
                                    hint: L("comment instead: nap comment \(name) -m \"...\""))
        }
        if author.memberRole == .observer { throw PlanError.refused(reason: L("observers do not review; comment instead"), hint: nil) }
        if author.memberRole == .reviewer && verdict == .approve {
            throw PlanError.refused(reason: L("independent reviewers comment and may request changes, but never approve"), hint: nil)
        }
        try requireCountingSignature(for: L("review"), author: author)
        let (summary, state) = try openProposal(name, for: L("reviewed"))
        guard let head = summary.branchHead else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(state.slug)") }
        let event = Event(proposal: state.id, author: author, time: signature.time, clock: state.clock + 1,
                          body: .review(verdict: verdict, head: head, body: body))
        return try record.append([event], by: signature, message: "Review (\(verdict.rawValue)) of proposal \(state.slug) at \(head.short())\n")[0]
    }
}
