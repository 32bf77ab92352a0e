import PlanKit

/// One proposal's page of the report: every input on it (the proposal itself, each comment) with its
/// disposition, reason and earlier responses.
struct ResponseReportView {
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

    let t: Words
    let title: LangText
    let slug: String
    let proposalHref: String
    let indexHref: String
    let state: String
    let stateLabel: String
    let caption: String
    let downloads: [Link]
    let inputs: [Input]
    let hasInputs: Bool

    init(_ proposal: SiteContent.Proposal, inputs report: [ResponseReport.Input], page: PageContext) {
        let words = page.words
        t = words
        title = LangText.written(proposal.state.title, page: page)
        slug = proposal.state.slug
        proposalHref = page.link(proposal.path)
        indexHref = page.link(SiteLayout.responses)
        state = proposal.state.status.name
        stateLabel = words.state(state)
        caption = words["responses"] + ": " + proposal.state.slug
        downloads = ResponsesIndexView.downloads(page: page)
        inputs = report.map { ResponseReportView.input($0, page: page) }
        hasInputs = !inputs.isEmpty
    }
}

extension ResponseReportView {
    /// One input as a row of the report.
    static func input(_ input: ResponseReport.Input, page: PageContext) -> Input {
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

extension ResponseReportView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("t", t)
        fields.add("title", title)
        fields.add("slug", slug)
        fields.add("proposalHref", proposalHref)
        fields.add("indexHref", indexHref)
        fields.add("state", state)
        fields.add("stateLabel", stateLabel)
        fields.add("caption", caption)
        fields.add("downloads", downloads)
        fields.add("inputs", inputs)
        fields.add("hasInputs", hasInputs)
    }
}

extension ResponseReportView.Input: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("kind", kind)
        fields.add("anchor", anchor)
        fields.add("lang", lang)
        fields.add("textHTML", textHTML)
        fields.add("author", author)
        fields.add("sector", sector)
        fields.add("day", day)
        fields.add("machineTime", machineTime)
        fields.add("disposition", disposition)
        fields.add("responder", responder)
        fields.add("hasReason", hasReason)
        fields.add("reasonHTML", reasonHTML)
        fields.add("reasonLang", reasonLang)
        fields.add("hasEarlier", hasEarlier)
        fields.add("earlier", earlier)
    }
}
