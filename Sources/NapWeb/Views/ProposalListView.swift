import PlanKit

/// The list of proposals, filtered without JavaScript: one page per state and per proposer's sector.
struct ProposalListView {
    struct Filter {
        let label: String
        let href: String
        let current: Bool
        let count: Int
    }

    struct Item {
        let title: LangText
        let href: String?
        let slug: String
        let state: String
        let stateLabel: String
        let author: String
        let sector: String
        let day: String?
        let machineTime: String
        let changes: String
        let comments: Int
        let unanswered: Int
        let sectorKey: String
    }

    /// A filter: `all`, a state, or `sector-<sector>`.
    static func filters(of content: SiteContent) -> [String] {
        ["all", "open", "merged", "withdrawn"] + sectors(of: content).map { "sector-" + $0 }
    }

    static func path(of filter: String) -> String {
        filter == "all" ? SiteLayout.proposals : SiteLayout.proposalFilterPath(filter)
    }

    /// The proposers' sectors, in a fixed order.
    static func sectors(of content: SiteContent) -> [String] {
        let present = Set(content.proposals.map { sectorKey(of: $0.state.author) })
        let order = ["government", "civil-society", "legislature", "academia", "private-sector", "public"]
        return order.filter(present.contains) + present.subtracting(order).sorted()
    }

    let t: Words
    let stateFilters: [Filter]
    let sectorFilters: [Filter]
    let heading: String
    let count: Int
    let hasItems: Bool
    let items: [Item]

    /// Whether a proposal in `state` (its status's name) from `sectorKey` (`sectorKey(of:)`) is listed under
    /// `filter`.
    static func matches(_ filter: String, state: String, sectorKey: String) -> Bool {
        switch filter {
        case "all": true
        case let sector where sector.hasPrefix("sector-"): sectorKey == sector.dropFirst("sector-".count)
        default: state == filter
        }
    }

    /// The sector a proposal is filed under: its author's, or `public`.
    static func sectorKey(of author: EventAuthor) -> String {
        author.isPublic ? "public" : author.sector
    }

    /// The page's heading (and title).
    static func heading(of filter: String, words: Words) -> String {
        if filter == "all" { return words["allProposals"] }
        if filter.hasPrefix("sector-") { return words["proposals"] + " · " + words.sector(String(filter.dropFirst("sector-".count))) }
        return words["proposals"] + " · " + words.state(filter)
    }

    init(filter: String, page: PageContext) {
        let words = page.words
        t = words
        let all = ProposalListView.items(page: page)
        func matching(_ filter: String) -> [Item] {
            all.filter { ProposalListView.matches(filter, state: $0.state, sectorKey: $0.sectorKey) }
        }
        stateFilters = ["all", "open", "merged", "withdrawn"].map { name in
            Filter(label: name == "all" ? words["all"] : words.state(name), href: page.link(ProposalListView.path(of: name)),
                   current: name == filter, count: matching(name).count)
        }
        sectorFilters = ProposalListView.sectors(of: page.content).map { sector in
            Filter(label: words.sector(sector), href: page.link(ProposalListView.path(of: "sector-" + sector)),
                   current: "sector-" + sector == filter, count: matching("sector-" + sector).count)
        }
        heading = ProposalListView.heading(of: filter, words: words)
        items = matching(filter)
        count = items.count
        hasItems = !items.isEmpty
    }

    private static func items(page: PageContext) -> [Item] {
        let words = page.words
        var items = page.content.proposals.map { proposal -> Item in
            let state = proposal.state
            let changes = proposal.summary.changedCommitments + proposal.summary.changedFiles
            return Item(title: LangText.written(state.title, page: page), href: page.link(proposal.path), slug: state.slug,
                        state: state.status.name, stateLabel: words.state(state.status.name), author: state.author.name,
                        sector: page.sector(of: state.author), day: DisplayTime.day(state.opened), machineTime: DisplayTime.machine(state.opened),
                        changes: changes.isEmpty ? words["noChangesYet"] : changes.joined(separator: ", "),
                        comments: state.comments.count, unanswered: proposal.unanswered,
                        sectorKey: sectorKey(of: state.author))
        }
        // Newest first.
        items.reverse()
        for branch in page.content.branchesWithoutRecord {
            let changes = branch.changedCommitments + branch.changedFiles
            items.append(Item(title: LangText.neutral(branch.slug), href: nil, slug: branch.slug, state: "open",
                              stateLabel: words.state("open"), author: words["noRecord"], sector: "—", day: nil, machineTime: "",
                              changes: changes.isEmpty ? words["noChangesYet"] : changes.joined(separator: ", "),
                              comments: 0, unanswered: 0, sectorKey: ""))
        }
        return items
    }
}

extension ProposalListView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("t", t)
        fields.add("stateFilters", stateFilters)
        fields.add("sectorFilters", sectorFilters)
        fields.add("heading", heading)
        fields.add("count", count)
        fields.add("hasItems", hasItems)
        fields.add("items", items)
    }
}

extension ProposalListView.Filter: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("href", href)
        fields.add("current", current)
        fields.add("count", count)
    }
}

extension ProposalListView.Item: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("slug", slug)
        fields.add("state", state)
        fields.add("stateLabel", stateLabel)
        fields.add("author", author)
        fields.add("sector", sector)
        fields.add("day", day)
        fields.add("machineTime", machineTime)
        fields.add("changes", changes)
        fields.add("comments", comments)
        fields.add("unanswered", unanswered)
        fields.add("sectorKey", sectorKey)
    }
}
