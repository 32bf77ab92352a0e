import PlanKit

/// The reasoned-response report (OGP Standard 4) for the whole plan: counts by disposition and by sector,
/// then each proposal with its inputs and those awaiting a response, linking to its own report page.
struct ResponsesIndexView {
    struct Count {
        let label: String
        let count: Int
        let unanswered: Int
    }

    /// A proposal's line in the index: its inputs and those awaiting a response, linking to its report page.
    struct ProposalRow {
        let href: String
        let title: LangText
        let state: String
        let stateLabel: String
        let inputs: Int
        let awaiting: Int
    }

    let t: Words
    let downloads: [Link]
    let byDisposition: [Count]
    let bySector: [Count]
    let proposals: [ProposalRow]
    let hasProposals: Bool

    init(page: PageContext) {
        let words = page.words
        let content = page.content
        let report = content.report
        t = words
        downloads = ResponsesIndexView.downloads(page: page)
        var dispositions: [String: Int] = [:]
        var sectors: [String: (Int, Int)] = [:]
        for input in report.inputs {
            dispositions[input.response?.disposition.rawValue ?? "none", default: 0] += 1
            let entry = sectors[input.sector] ?? (0, 0)
            sectors[input.sector] = (entry.0 + 1, entry.1 + (input.response == nil && input.isOwedResponse ? 1 : 0))
        }
        byDisposition = (Disposition.allCases.map(\.rawValue) + ["none"]).map { key in
            Count(label: words.disposition(key), count: dispositions[key] ?? 0, unanswered: 0)
        }
        let order = ["government", "civil-society", "legislature", "academia", "private-sector", "public"]
        bySector = (order.filter { sectors[$0] != nil } + sectors.keys.filter { !order.contains($0) }.sorted()).map { key in
            Count(label: words.sector(key), count: sectors[key]?.0 ?? 0, unanswered: sectors[key]?.1 ?? 0)
        }
        // In the report's order (the proposals with inputs), then any without.
        let first = { (proposal: SiteContent.Proposal) in content.reportIndex[proposal.id]?.first ?? Int.max }
        proposals = content.proposals.enumerated().sorted { (first($0.element), $0.offset) < (first($1.element), $1.offset) }.map { _, proposal in
            let positions = content.reportIndex[proposal.id] ?? []
            let state = proposal.state.status.name
            return ProposalRow(href: page.link(SiteLayout.responsesPath(of: proposal)), title: LangText.written(proposal.state.title, page: page),
                               state: state, stateLabel: words.state(state), inputs: positions.count,
                               awaiting: positions.filter { report.inputs[$0].response == nil && report.inputs[$0].isOwedResponse }.count)
        }
        hasProposals = !proposals.isEmpty
    }

    static func downloads(page: PageContext) -> [Link] {
        [Link(label: page.words["responsesCSV"], href: page.file(SiteLayout.responsesCSV)),
         Link(label: page.words["responsesJSON"], href: page.file(SiteLayout.responsesJSON))].markingLast()
    }
}
