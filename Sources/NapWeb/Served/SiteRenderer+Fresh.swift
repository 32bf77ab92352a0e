import PlanKit

/// A proposal's pages read afresh from the plan, in every language of the site: what `nap serve` shows for
/// a proposal it has just written to, and for any proposal before the whole site is read (start-up).
public struct FreshProposalPages: Sendable {
    /// The proposal's id.
    public let id: String
    /// The page's path under a language folder (`proposals/open-data.html`).
    public let path: String
    /// The pages by their path in the site (`en/proposals/open-data.html`).
    public let pages: [String: [UInt8]]
}

extension SiteRenderer {
    /// The pages of the proposal `name` names (an id, a prefix of one, or a slug) read afresh from `store`
    /// — its discussion, reviews, responses, state and diff, what `nap show` and `nap diff` read — and
    /// rendered with this renderer's frame, words and privacy filter (the proposal's own participants'
    /// addresses are hidden too, should it have new ones). The rest of the site is not read again: this is
    /// the cost of one proposal, not of the site. The path is the one this renderer's site gives the
    /// proposal, else `proposals/<slug>.html`. Nil when `name` names no proposal with a record.
    public func freshProposalPages(named name: String, from store: PlanStore, languages only: [String]? = nil) throws -> FreshProposalPages? {
        let summary = try store.proposal(named: name)
        guard let id = summary.id, let state = summary.state else { return nil }
        let path = content.proposal(id: id)?.path ?? Self.proposalPath(slug: state.slug)
        let proposal = SiteContent.Proposal(summary: summary, state: state, path: path, folder: nil)
        let detail = try store.detail(of: summary)
        let files = detail.summary.head == nil ? [] : try store.diff(of: detail.summary).files
        let loaded = ProposalReader.Loaded(detail: detail, files: files)
        let own = Self.privacy(of: proposal, published: content.document.commitments.map(\.contact.email))
        var pages: [String: [UInt8]] = [:]
        for language in content.languages where only?.contains(language) ?? true {
            let page = PageContext(content: content, language: language, path: path, served: served)
            let body = try templates.render(ProposalView(proposal, loaded: loaded, page: page), with: "proposal")
            let crumbs = [Link(label: page.words["home"], href: page.link(SiteLayout.home)),
                          Link(label: page.words["proposals"], href: page.link(SiteLayout.proposals))]
            let layout = LayoutView(page: page, title: state.title, breadcrumbs: crumbs, content: .rendered(body))
            pages[SitePaths.page(path, language: language)] = Array(own.scrub(privacy.scrub(try templates.render(layout, with: "layout"))).utf8)
        }
        return FreshProposalPages(id: id, path: path, pages: pages)
    }

    /// The proposals' ids by the path of their page under a language folder (`proposals/x.html`).
    public var proposalIDsByPath: [String: String] {
        Dictionary(content.proposals.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// The path under a language folder of the page of a proposal with this slug, for a site that has
    /// not read the proposals (a later proposal that reused a slug has the start of its id added).
    public static func proposalPath(slug: String) -> String { "proposals/\(SitePaths.safeName(slug)).html" }

    /// The addresses one proposal's page must hide: its author's and those of everyone who took part in it.
    static func privacy(of proposal: SiteContent.Proposal, published: [String]) -> Privacy {
        let state = proposal.state
        var participants = [state.author.email]
        participants += state.comments.map(\.author.email) + state.comments.flatMap { $0.responses.map(\.author.email) }
        participants += state.responses.map(\.author.email) + state.reviews.map(\.author.email)
        participants += state.revisions.map(\.recordedBy.email)
        if let closer = state.closedBy { participants.append(closer.email) }
        return Privacy(participants: participants, published: published)
    }
}
