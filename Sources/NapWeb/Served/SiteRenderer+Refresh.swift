import PlanKit

extension SiteRenderer {
    /// This site with one proposal read again from `store` — its discussion, reviews, responses, state and
    /// diff — and everything else as it was read before: what `nap serve` shows at once on the page of a
    /// proposal it has just written to, while it reads the whole site again in the background. Nil when
    /// the site has no page for the proposal `name` names (a proposal opened since it was read).
    public func refreshing(proposal name: String, from store: PlanStore) throws -> SiteRenderer? {
        let summary = try store.proposal(named: name)
        guard let id = summary.id, let index = content.proposalByID[id] else { return nil }
        let detail = try store.detail(of: id)
        let files = detail.summary.head == nil ? [] : try store.diff(of: id).files
        var content = self.content
        content.proposals[index] = SiteContent.Proposal(detail: detail, files: files, path: content.proposals[index].path)
        return try SiteRenderer(content: content, baseURL: baseURL, served: served)
    }
}
