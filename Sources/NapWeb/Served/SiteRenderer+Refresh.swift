import PlanKit

extension SiteRenderer {
    /// This site with one proposal read again from `store` — its discussion, reviews, responses, state and
    /// diff — and everything else as it was read before: what `nap serve` shows at once on the page of a
    /// proposal it has just written to, while it reads the whole site again in the background. Nil when
    /// the site has no page for the proposal `name` names (a proposal opened since it was read).
    public func refreshing(proposal name: String, from store: PlanStore) throws -> SiteRenderer? {
        let summary = try store.proposal(named: name)
        guard let id = summary.id, let state = summary.state, let index = content.proposalByID[id] else { return nil }
        var content = self.content
        let old = content.proposals[index]
        // Its folder id is left out: the page is made again from the fresh state, never taken from a key.
        content.proposals[index] = SiteContent.Proposal(summary: summary, state: state, path: old.path, folder: nil)
        // Pages read their proposal's detail when rendered (ProposalReader): from this store, not the old one.
        content.reader = ProposalReader(store: store, now: content.reader.now)
        return try SiteRenderer(content: content, baseURL: baseURL, served: served)
    }
}
