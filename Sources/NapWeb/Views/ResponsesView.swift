import PlanKit

/// The reasoned-response report (OGP Standard 4) as a page: counts, then every input per proposal.
struct ResponsesView {
    struct Count {
        let label: String
        let count: Int
        let unanswered: Int
    }

    struct Input {
        let kind: String
        let anchor: String?
        let lang: String?
        let textHTML: TrustedHTML
        let author: String
        let sector: String
        let day: String
        let machineTime: String
        let disposition: String
        let responder: String?
        let hasReason: Bool
        let reasonHTML: TrustedHTML
        let reasonLang: String?
        let hasEarlier: Bool
        let earlier: [String]
    }

    struct ProposalGroup {
        let slug: String
        let index: Int
        let href: String
        let title: LangText
        let state: String
        let stateLabel: String
        let caption: String
        let inputs: [Input]
    }

    let t: Words
    let downloads: [Link]
    let byDisposition: [Count]
    let bySector: [Count]
    let proposals: [ProposalGroup]

    init(page: PageContext) {
        let words = page.words
        let report = page.content.report
        t = words
        downloads = [Link(label: words["responsesCSV"], href: page.file(SiteLayout.responsesCSV)),
                     Link(label: words["responsesJSON"], href: page.file(SiteLayout.responsesJSON))].markingLast()
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
        var groups: [ProposalGroup] = []
        var currentID: EventID?
        var inputs: [Input] = []
        func close() {
            guard let id = currentID, let first = report.inputs.first(where: { $0.proposal == id }) else { return }
            let href = page.content.proposal(id: id).map { page.link($0.path) } ?? page.link(SiteLayout.proposals)
            groups.append(ProposalGroup(slug: SitePaths.safeName(first.proposalSlug), index: groups.count + 1, href: href,
                                        title: LangText.written(first.proposalTitle, page: page), state: first.proposalStatus,
                                        stateLabel: words.state(first.proposalStatus),
                                        caption: words["responses"] + ": " + first.proposalSlug, inputs: inputs))
            inputs = []
        }
        for input in report.inputs {
            if input.proposal != currentID { close(); currentID = input.proposal }
            inputs.append(ResponsesView.input(input, page: page))
        }
        close()
        proposals = groups
    }

    private static func input(_ input: ResponseReport.Input, page: PageContext) -> Input {
        let words = page.words
        let languages = page.content.languages
        let language = TextLanguage.guess(input.text, languages: languages)
        let response = input.response
        let reasonLanguage = response.map { TextLanguage.guess($0.reason, languages: languages) }
        let disposition: String
        if let response {
            disposition = words.disposition(response.disposition.rawValue)
        } else {
            disposition = input.isOwedResponse ? words.disposition("none") : words["notOwed"]
        }
        return Input(
            kind: words[input.kind == .proposal ? "kindProposal" : "kindComment"],
            anchor: input.anchor.map { "\($0.path):\($0.startLine)–\($0.endLine)" },
            lang: language == page.language ? nil : language, textHTML: page.prose(input.text), author: input.authorLabel,
            sector: words.sector(input.sector), day: DisplayTime.day(input.time), machineTime: DisplayTime.machine(input.time),
            disposition: disposition,
            responder: response.map { "\($0.author.name) · \(DisplayTime.day($0.time))" },
            hasReason: response != nil,
            reasonHTML: response.map { page.prose($0.reason) } ?? .text(""),
            reasonLang: reasonLanguage.flatMap { $0 == page.language ? nil : $0 },
            hasEarlier: !input.earlierResponses.isEmpty,
            earlier: input.earlierResponses.reversed().map { "\(words.disposition($0.disposition.rawValue)) (\(DisplayTime.day($0.time)), \($0.author.name)): \($0.reason)" })
    }
}
