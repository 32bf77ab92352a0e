import Foundation
import Localization
import PlanKit

/// Turns a proposal's detail into `nap show`'s text and JSON.
enum ProposalRendering {
    static func json(_ detail: ProposalDetail) -> ProposalJSON {
        let state = detail.state
        let head = detail.summary.head
        var mergeCommit: String?
        var withdrawReason: String?
        switch state.status {
        case .merged(let commit): mergeCommit = commit.hex
        case .withdrawn(let reason): withdrawReason = reason
        case .open: break
        }
        var json = ProposalJSON(
            id: state.id, slug: state.slug, title: state.title, description: state.description, author: state.author,
            state: state.status.name, withdrawReason: withdrawReason, mergeCommit: mergeCommit, opened: state.opened,
            base: state.base.hex, head: head?.hex,
            changedCommitments: detail.summary.changedCommitments, changedFiles: detail.summary.changedFiles,
            revisions: state.revisions.map { RevisionJSON(head: $0.head.hex, time: $0.time, recordedBy: $0.recordedBy, rewritten: $0.rewritten) },
            comments: state.comments.map { comment(comment: $0, position: detail.anchors[$0.id], signatures: detail.signatures) },
            responses: state.responses.map { response($0, signatures: detail.signatures) },
            reviews: state.reviews.map { ReviewJSON(id: $0.id, author: $0.author, verdict: $0.verdict.rawValue, head: $0.head.hex, current: $0.head == head,
                                                    body: $0.body, time: $0.time, signature: detail.signatures[$0.id].map(SignatureJSON.init),
                                                    viaHost: $0.author.host) },
            blockers: detail.blockers.map(\.description),
            problems: detail.problems.map(\.description), signaturesRequired: detail.signaturesRequired)
        json.owedResponses = detail.owed.map { OwedResponseJSON($0.input, deadline: $0.deadline) }
        json.hidden = state.hidden.map(HiddenJSON.init)
        return json
    }

    private static func response(_ response: ReasonedResponse, signatures: [EventID: SignatureCheck]) -> ResponseJSON {
        var json = ResponseJSON(response)
        json.signature = signatures[response.id].map(SignatureJSON.init)
        return json
    }

    /// A short mark for a signature in text output: nothing for unsigned events.
    static func signatureMark(_ check: SignatureCheck?) -> String {
        switch check?.verdict {
        case .good: L("  signed (\(check?.fingerprint ?? ""))").localized
        case .wrongKey: "  ✘ " + (check?.explanation.localized ?? "")
        case .invalid: L("  ✘ INVALID SIGNATURE").localized
        case .unsigned, nil: ""
        }
    }

    private static func comment(comment: CommentState, position: AnchorPosition?, signatures: [EventID: SignatureCheck]) -> CommentJSON {
        var anchor: AnchorJSON?
        if let a = comment.anchor {
            var start: Int?, end: Int?
            if case .current(let s, let e) = position { start = s; end = e }
            anchor = AnchorJSON(path: a.path, head: a.head.hex, startLine: a.startLine, endLine: a.endLine, quote: a.quote,
                                currentStartLine: start, currentEndLine: end, outdated: start == nil)
        }
        return CommentJSON(id: comment.id, author: comment.author, time: comment.time, body: comment.body, replyTo: comment.replyTo,
                           anchor: anchor, resolved: comment.resolved, publicInput: comment.author.isPublic, source: comment.source, recordedBy: comment.recordedBy,
                           response: comment.response.map { response($0, signatures: signatures) },
                           responses: comment.responses.map { response($0, signatures: signatures) },
                           signature: signatures[comment.id].map(SignatureJSON.init), viaHost: comment.author.host,
                           hidden: comment.hidden.map(HiddenJSON.init))
    }

    static func text(_ detail: ProposalDetail) -> String {
        let state = detail.state
        let head = detail.summary.head
        var out: [String] = []
        out.append("\(SafeText.line(state.title))")
        out.append(L("proposal \(SafeText.line(state.slug))  id \(Labels.shortID(state.id))  \(Words.state(state.status.name).localized.uppercased())").localized)
        out.append(L("opened by \(Labels.author(state.author))\(Labels.via(state.source, recordedBy: state.recordedBy)) on \(Labels.time(state.opened))").localized)
        switch state.status {
        case .merged(let commit): out.append((state.closedBy.map { L("merged as \(commit.short()) by \(Labels.author($0))") } ?? L("merged as \(commit.short())")).localized)
        case .withdrawn(let reason): out.append((state.closedBy.map { L("withdrawn by \(Labels.author($0)): \(SafeText.line(reason))") } ?? L("withdrawn: \(SafeText.line(reason))")).localized)
        case .open: break
        }
        out.append(L("base \(state.base.short())  head \(head?.short() ?? L("(branch missing)").localized)").localized)
        let changes = detail.summary.changedCommitments.map { L("commitment \($0)").localized } + detail.summary.changedFiles
        out.append(L("changes: \(changes.isEmpty ? L("none yet").localized : changes.map(SafeText.line).joined(separator: ", "))").localized)
        if let hidden = state.hidden {
            out.append("")
            out.append("  " + hiddenMark(hidden))
        } else if !state.description.isEmpty {
            out.append("")
            out.append(indent(SafeText.display(state.description), by: "  "))
        }
        out.append("")
        out.append(L("Revisions").localized)
        for revision in state.revisions {
            out.append("  \(revision.head.short())  \(Labels.time(revision.time))  \(Labels.author(revision.recordedBy))\(revision.rewritten ? L("  REWRITTEN (old head kept under refs/nap/kept/)").localized : "")")
        }
        if !state.responses.isEmpty {
            out.append("")
            out.append(L("Responses to the proposal").localized)
            for response in state.responses { out.append(contentsOf: responseLines(response, current: response == state.responses.last, indent: "  ")) }
        }
        out.append("")
        out.append(Message.plural(state.comments.count, one: L("Discussion (1 comment)"), other: L("Discussion (\(state.comments.count) comments)")).localized)
        // Threads are built from a map of replies (one pass), not by searching every comment for each one.
        let ids = Set(state.comments.map(\.id))
        var replies: [EventID: [CommentState]] = [:]
        for comment in state.comments { if let parent = comment.replyTo { replies[parent, default: []].append(comment) } }
        let roots = state.comments.filter { $0.replyTo.map { !ids.contains($0) } ?? true }
        if roots.isEmpty { out.append("  " + L("none yet").localized) }
        for root in roots { out.append(contentsOf: thread(root, replies: replies, detail: detail, depth: 1)) }
        out.append("")
        out.append(L("Reviews").localized)
        let latest = state.latestReviews
        if latest.isEmpty { out.append("  " + L("none yet").localized) }
        for review in latest {
            let freshness = review.head == head ? L("current").localized : L("STALE (on \(review.head.short()))").localized
            out.append("  \(review.verdict == .approve ? L("✔ approved").localized : L("✘ requested changes").localized)  \(Labels.author(review.author))  \(freshness)  \(Labels.time(review.time))"
                + SafeText.line(signatureMark(detail.signatures[review.id])))
            if !review.body.isEmpty { out.append(indent(SafeText.display(review.body), by: "      ")) }
        }
        if !detail.owed.isEmpty {
            out.append("")
            out.append(L("Owed a reasoned response (\(detail.owed.count))").localized)
            for owed in detail.owed {
                let what = owed.input.kind == .proposal ? L("the proposal").localized : L("comment \(Labels.shortID(owed.input.id))").localized
                out.append("  \(what)  \(Labels.author(owed.input.author))  \(owed.deadline.map { $0.words.uppercased() } ?? Labels.age(owed.input.time))")
            }
        }
        if case .open = state.status {
            out.append("")
            if detail.blockers.isEmpty {
                out.append(L("Ready to merge: a co-chair can run `nap merge \(SafeText.line(state.slug))`.").localized)
            } else {
                out.append(L("Blocking the merge").localized)
                out += BlockerList.lines(detail.blockers, in: .current, line: SafeText.line)
            }
        }
        if !detail.problems.isEmpty {
            out.append("")
            out.append(L("Record problems (ignored)").localized)
            for problem in detail.problems { out.append("  ! " + SafeText.line(problem.message.localized)) }
        }
        return out.joined(separator: "\n")
    }

    private static func thread(_ comment: CommentState, replies: [EventID: [CommentState]], detail: ProposalDetail, depth: Int) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        var lines: [String] = []
        var header = "\(pad)● \(Labels.shortID(comment.id))  \(Labels.author(comment.author))\(Labels.via(comment.source, recordedBy: comment.recordedBy))  \(Labels.time(comment.time))"
        if comment.resolved { header += L("  [resolved]").localized }
        header += SafeText.line(signatureMark(detail.signatures[comment.id]))
        lines.append(header)
        if let anchor = comment.anchor {
            var where_ = "\(SafeText.line(anchor.path)):\(anchor.startLine)-\(anchor.endLine)"
            switch detail.anchors[comment.id] {
            case .current(let start, let end) where start != anchor.startLine: where_ += L(" (now \(start)-\(end))").localized
            case .outdated: where_ += L(" (outdated: the quoted text changed)").localized
            default: break
            }
            lines.append(pad + "  " + L("on \(where_)").localized)
            for quoted in anchor.quote.split(separator: "\n", omittingEmptySubsequences: false).prefix(3) {
                lines.append("\(pad)  > " + SafeText.line(String(quoted)))
            }
        }
        if let hidden = comment.hidden {
            lines.append(pad + "  " + hiddenMark(hidden))
        } else {
            lines.append(indent(SafeText.display(comment.body), by: pad + "  "))
        }
        for response in comment.responses {
            lines.append(contentsOf: responseLines(response, current: response == comment.responses.last, indent: pad + "  "))
        }
        for reply in replies[comment.id] ?? [] {
            lines.append(contentsOf: thread(reply, replies: replies, detail: detail, depth: depth + 1))
        }
        return lines
    }

    private static func responseLines(_ response: ReasonedResponse, current: Bool, indent pad: String) -> [String] {
        let label = current ? L("↳ response") : L("↳ earlier response (revised)")
        let meeting = response.meeting.map { L(" (decided at meeting \(SafeText.line($0)))").localized } ?? ""
        return [pad + L("\(label): \(Words.disposition(response.disposition.rawValue)) by \(Labels.author(response.author)) \(Labels.time(response.time))\(meeting)").localized,
                indent(SafeText.display(response.reason), by: pad + "  ")]
    }

    /// What stands in place of a hidden input: `[hidden by the moderators: <reason>] (<who>, <when>)`. The
    /// text stays in the record and in `--json`.
    static func hiddenMark(_ hidden: Moderation) -> String {
        L("[hidden by the moderators: \(SafeText.line(hidden.reason))] (\(Labels.author(hidden.author)), \(Labels.time(hidden.time)))").localized
    }

    static func indent(_ text: String, by pad: String) -> String {
        // Without a carriage return, lines split on the byte 0x0A exactly as on the character "\n" (only
        // "\r\n" is a single character that contains it), and much faster on long comments.
        if !text.utf8.contains(0x0D) {
            return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { pad + String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}
