import PlanKit

/// The home page: the plan, its phase and current version, what is open for input, where to go.
struct HomeView {
    struct Latest {
        let name: String
        let href: String
        let day: String
        let machineTime: String
        let signature: Badge
    }

    struct OpenProposal {
        let title: LangText
        let href: String
        let author: String
        let day: String
        let machineTime: String
        let comments: Int
        let unanswered: Int
    }

    struct Section {
        let label: String
        let href: String
        let description: String
    }

    struct Download {
        let label: String
        let href: String
        let format: String
    }

    let t: Words
    let title: LangText?
    let otherTitles: [LangText]
    let country: String
    let period: String
    let phase: String
    let latest: Latest?
    let commitmentsHref: String
    let commitmentCount: Int
    let proposalsHref: String
    let proposalCount: Int
    let openCount: Int
    let responsesHref: String
    let inputCount: Int
    let unansweredCount: Int
    let hasIntroduction: Bool
    let introductionHTML: TrustedHTML
    let introLang: String?
    let introNote: String?
    let hasOpen: Bool
    let open: [OpenProposal]
    let participateHref: String
    let sections: [Section]
    let downloads: [Download]

    init(page: PageContext) {
        let content = page.content
        let plan = content.plan
        let words = page.words
        t = words
        title = CommitmentPresentation.pick(plan.title, language: page.language, plan: plan).map { LangText.plan($0, page: page) }
        otherTitles = content.languages.filter { $0 != page.language }.compactMap { language in
            plan.title[language].map { LangText(text: $0, lang: language, note: nil, fallback: false) }
        }
        country = plan.country
        period = RenderLabels(language: page.language).period(plan.period)
        let openProposals = content.proposals.filter { $0.state.status == .open }
        var phaseText: String
        if let version = content.versions.last {
            phaseText = words[openProposals.isEmpty ? "phasePublishedClosed" : "phasePublished"]
            latest = Latest(name: version.version.name, href: page.link(SiteLayout.versionPath(version.fileName)),
                            day: version.version.time.map(DisplayTime.day) ?? "—",
                            machineTime: version.version.time.map(DisplayTime.machine) ?? "",
                            signature: Badge.signature(version.signature, words: words))
        } else {
            phaseText = words["phaseDrafting"]
            latest = nil
        }
        // The timeline's phase on the site's day, when plan.yml publishes a timeline.
        if let current = content.process.currentPhase {
            phaseText = ProcessView.phaseName(current.kind, words: words) + words.parenthesized(words.format("asOfDay", content.process.asOf.description))
        }
        phase = phaseText
        commitmentsHref = page.link(SiteLayout.commitments)
        commitmentCount = content.document.commitments.count
        proposalsHref = page.link(SiteLayout.proposals)
        proposalCount = content.proposals.count + content.branchesWithoutRecord.count
        openCount = openProposals.count
        responsesHref = page.link(SiteLayout.responses)
        inputCount = content.report.inputs.count
        unansweredCount = content.report.unansweredOwed
        let introduction = CommitmentPresentation.prose(plan.introduction, language: page.language, plan: plan)
        introductionHTML = introduction.map { page.prose($0.text, headingLevel: 3) } ?? .text("")
        hasIntroduction = introduction != nil
        introLang = introduction?.language.flatMap { $0 == page.language ? nil : $0 }
        introNote = introduction?.isFallback == true ? words["untranslatedNote"] : nil
        hasOpen = !openProposals.isEmpty
        open = openProposals.map { proposal in
            let state = proposal.state
            return OpenProposal(title: LangText.written(state.title, page: page), href: page.link(proposal.path),
                                author: state.author.name, day: DisplayTime.day(state.opened),
                                machineTime: DisplayTime.machine(state.opened), comments: state.comments.count, unanswered: proposal.unanswered)
        }
        participateHref = page.link(SiteLayout.participate)
        sections = [
            Section(label: words["commitments"], href: page.link(SiteLayout.commitments), description: words["commitmentsDescription"]),
            Section(label: words["proposals"], href: page.link(SiteLayout.proposals), description: words["proposalsDescription"]),
            Section(label: words["versions"], href: page.link(SiteLayout.versions), description: words["versionsDescription"]),
            Section(label: words["responses"], href: page.link(SiteLayout.responses), description: words["responsesDescription"]),
            Section(label: words["process"], href: page.link(SiteLayout.process), description: words["processDescription"]),
            Section(label: words["forum"], href: page.link(SiteLayout.forum), description: words["forumDescription"]),
            Section(label: words["howToTakePart"], href: page.link(SiteLayout.participate), description: words["participateDescription"]),
            Section(label: words["howToVerify"], href: page.link(SiteLayout.verify), description: words["verifyDescription"]),
        ]
        var downloads: [Download] = []
        if let version = content.versions.last {
            downloads.append(Download(label: words["planHTML"] + " — " + version.version.name,
                                      href: page.file(SiteLayout.planDownload(version.fileName, format: "html")), format: "HTML"))
            downloads.append(Download(label: words["planMarkdown"] + " — " + version.version.name,
                                      href: page.file(SiteLayout.planDownload(version.fileName, format: "md")), format: "Markdown"))
        }
        downloads.append(Download(label: words["responsesCSV"], href: page.file(SiteLayout.responsesCSV), format: "CSV, UTF-8"))
        downloads.append(Download(label: words["responsesJSON"], href: page.file(SiteLayout.responsesJSON), format: "JSON"))
        self.downloads = downloads
    }
}
