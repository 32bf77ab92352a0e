import Foundation
import Hummingbird
import NapWeb
import PlanKit

extension NapServe {
    /// A member's inbox: what waits on them by their role and sector — `nap inbox`'s rules, read as that
    /// member (PlanKit's `inbox(ofMember:)`): inputs owed a reasoned response on their proposals, on
    /// commitments their agency leads or in their working group's areas (every input for the government
    /// co-chair), the proposals waiting for their review, their agency's overdue milestones and the
    /// comments on its progress reports; then every open proposal, each with its member actions.
    func inboxPage(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        let (_, member) = try await signedInMember(request)
        let read = try await site.read { store in try InboxRead(store: store, member: member) }
        var values: [String: Any] = ["signedInAs": SiteWords.word("signedInAs", language: language, read.name)]
        func page(_ id: String) async throws -> String { try await site.proposalPage(id: id) ?? "proposals/index.html" }
        var owed: [[String: Any]] = []
        for item in read.owed {
            owed.append([
                "href": try await page(item.proposal), "title": item.title, "slug": item.slug, "actHref": "act?proposal=" + item.proposal,
                "what": item.comment.map { SiteWords.word("inboxComment", language: language, String($0.prefix(8))) } ?? SiteWords.word("inboxTheProposal", language: language),
                "author": item.author, "text": item.text, "due": Self.due(item.daysLeft, language: language),
                "why": SiteWords.word(Self.reasonWords[item.reason] ?? "inboxWhyCoChair", language: language),
            ])
        }
        var awaiting: [[String: Any]] = []
        for item in read.awaiting {
            awaiting.append(["href": try await page(item.id), "title": item.title, "slug": item.slug, "actHref": "act?proposal=" + item.id])
        }
        let commitmentLink = { (id: String) in SiteRenderer.link(from: "inbox", to: SiteRenderer.commitmentPage(id), language: language) }
        let overdue: [[String: Any]] = read.overdue.map { item in
            ["href": commitmentLink(item.commitment), "commitment": item.commitment,
             "text": SiteWords.word("inboxMilestone", language: language, String(item.milestone), item.due, String(item.daysLate),
                                    item.status ?? SiteWords.word("inboxNoEvidence", language: language))]
        }
        let progress: [[String: Any]] = read.progress.map { item in
            ["href": commitmentLink(item.commitment), "commitment": item.commitment, "author": item.author, "text": item.text,
             "due": Self.due(item.daysLeft, language: language)]
        }
        var proposals: [[String: Any]] = []
        for item in read.open {
            var entry: [String: Any] = [
                "href": try await page(item.id), "title": item.title, "slug": item.slug,
                "unanswered": SiteWords.word("unansweredCount", language: language, String(item.unanswered)), "actHref": "act?proposal=" + item.id,
            ]
            if item.approvals > 0 { entry["approvals"] = SiteWords.word("approvalsOnCurrent", language: language, String(item.approvals)) }
            proposals.append(entry)
        }
        values["nothingWaits"] = owed.isEmpty && awaiting.isEmpty && overdue.isEmpty && progress.isEmpty
        // Each part shown only when it has something: its heading (with the count) and its items.
        let parts = [("owed", owed, "inboxOwed"), ("awaiting", awaiting, "inboxAwaitingReview"), ("overdue", overdue, "inboxOverdue"),
                     ("progress", progress, "inboxProgressComments")]
        for (key, items, heading) in parts where !items.isEmpty {
            values[key] = ["heading": SiteWords.word(heading, language: language, String(items.count)), "items": items] as [String: Any]
        }
        values["hasProposals"] = !proposals.isEmpty
        values["proposals"] = proposals
        let bytes = try await servedPage(ServedPage(template: "serve-inbox", path: "inbox", titleWord: "inbox", values: values), language: language, request: request)
        return Reply.html(bytes)
    }

    /// The word of each reason PlanKit gives for an input in an inbox.
    static let reasonWords = ["author": "inboxWhyAuthor", "co-chair": "inboxWhyCoChair", "lead-agency": "inboxWhyLeadAgency",
                              "working-group": "inboxWhyWorkingGroup"]

    /// When a response is due, in words.
    static func due(_ daysLeft: Int?, language: String) -> String {
        guard let daysLeft else { return SiteWords.word("inboxNoDeadline", language: language) }
        if daysLeft < 0 { return SiteWords.word("inboxOverdueBy", language: language, String(-daysLeft)) }
        return daysLeft == 0 ? SiteWords.word("inboxDueToday", language: language) : SiteWords.word("inboxDueIn", language: language, String(daysLeft))
    }
}

/// What a member's inbox shows, read from the plan (Sendable: read on the site's actor, shown on the request's task).
struct InboxRead: Sendable {
    struct Owed: Sendable { let proposal, title, slug, author, text, reason: String; let comment: String?; let daysLeft: Int? }
    struct Proposal: Sendable { let id, title, slug: String; let unanswered, approvals: Int }
    struct Overdue: Sendable { let commitment, due: String; let milestone, daysLate: Int; let status: String? }
    struct Progress: Sendable { let commitment, author, text: String; let daysLeft: Int? }

    let name: String
    let owed: [Owed]
    let awaiting: [Proposal]
    let overdue: [Overdue]
    let progress: [Progress]
    let open: [Proposal]

    init(store: PlanStore, member: String) throws {
        name = try store.currentMembers().member(id: member)?.name ?? member
        let inbox = try store.inbox(ofMember: member)
        owed = inbox.unanswered.map { item in
            Owed(proposal: item.input.proposal, title: item.proposal.title, slug: item.proposal.slug, author: item.input.author.name,
                 text: String(item.input.text.prefix(400)), reason: item.reason,
                 comment: item.input.kind == .comment ? item.input.id : nil, daysLeft: item.deadline?.daysLeft)
        }
        awaiting = inbox.awaitingReview.compactMap { listing in
            listing.id.map { Proposal(id: $0, title: listing.title, slug: listing.slug, unanswered: listing.unansweredCount, approvals: listing.currentApprovals.count) }
        }
        overdue = inbox.implementation.overdue.map { item in
            Overdue(commitment: item.commitment, due: item.milestone.due?.description ?? "-", milestone: item.milestone.index,
                    daysLate: item.daysLate, status: item.milestone.status?.rawValue)
        }
        progress = inbox.implementation.owed.map { item in
            Progress(commitment: item.commitment, author: item.comment.author.name, text: String(item.comment.body.prefix(400)),
                     daysLeft: item.deadline?.daysLeft)
        }
        open = try store.proposalListings().filter { $0.hasRecord && $0.statusName == "open" }.compactMap { listing in
            listing.id.map { Proposal(id: $0, title: listing.title, slug: listing.slug, unanswered: listing.unansweredCount, approvals: listing.currentApprovals.count) }
        }
    }
}
