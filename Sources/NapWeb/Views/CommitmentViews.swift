import PlanKit

/// The list of commitments.
struct CommitmentsView {
    struct Item {
        let id: String
        let href: String
        let title: LangText?
        let otherTitle: LangText?
        let lead: String
        let period: String
    }

    /// The commitments of one thematic area (`name` nil: the plan names no areas).
    struct Area {
        let name: String?
        /// The heading level of each commitment: 3 under an area's heading, else 2.
        let level: Int
        let commitments: [Item]
    }

    let t: Words
    let intro: String
    let areas: [Area]
    let hasCommitments: Bool

    init(page: PageContext) {
        t = page.words
        intro = page.words["commitmentsIntro"] + " (" + page.content.revision + ")"
        let plan = page.content.plan
        let labels = RenderLabels(language: page.language)
        let groups = page.content.document.commitments.isEmpty ? [] : page.content.document.commitmentsByArea
        let named = groups.contains { $0.area != nil }
        areas = groups.map { group in
            Area(name: named ? group.area ?? page.words["noArea"] : nil, level: named ? 3 : 2,
                 commitments: CommitmentsView.items(group.commitments, page: page, plan: plan, labels: labels))
        }
        hasCommitments = !page.content.document.commitments.isEmpty
    }

    static func items(_ commitments: [Commitment], page: PageContext, plan: Plan, labels: RenderLabels) -> [Item] {
        commitments.map { commitment in
            let other = page.content.languages.first { $0 != page.language }
            let lead = commitment.lead.compactMap { CommitmentPresentation.pick($0, language: page.language, plan: plan)?.text }
            return Item(id: commitment.id, href: page.commitmentLink(commitment.id),
                        title: CommitmentPresentation.pick(commitment.title, language: page.language, plan: plan).map { LangText.plan($0, page: page) },
                        otherTitle: other.flatMap { language in commitment.title[language].map { LangText(text: $0, lang: language, note: nil, fallback: false) } },
                        lead: lead.isEmpty ? labels.none : lead.joined(separator: labels.listSeparator),
                        period: labels.period(commitment.period))
        }
    }
}

/// One commitment: its text in the page's language, its history and where its text came from.
struct CommitmentView {
    struct HistoryItem {
        let kind: String
        let kindLabel: String
        let name: String
        let href: String
        let day: String
        let machineTime: String
        let note: LangText?
        let detail: String?
        let time: Double
    }

    struct Origin {
        let lines: String
        let excerpt: LangText?
        let proposals: [ProposalLink]
        let authors: [PersonLabel]
        let approvals: [String]
    }

    let t: Words
    let id: String
    let revisionLabel: String
    let title: LangText?
    let otherTitle: LangText?
    let text: CommitmentTextView
    let hasHistory: Bool
    let history: [HistoryItem]
    let origin: [Origin]

    init(_ commitment: Commitment, page: PageContext) {
        let content = page.content
        let words = page.words
        t = words
        id = commitment.id
        revisionLabel = content.document.version ?? content.revision
        title = CommitmentPresentation.pick(commitment.title, language: page.language, plan: content.plan).map { LangText.plan($0, page: page) }
        let other = content.languages.first { $0 != page.language }
        otherTitle = other.flatMap { language in commitment.title[language].map { LangText(text: $0, lang: language, note: nil, fallback: false) } }
        text = CommitmentTextView(commitment, page: page, level: 2, anchorPrefix: "", commentable: true)
        var items: [HistoryItem] = []
        for merge in content.merges where merge.commitments.contains(commitment.id) {
            items.append(HistoryItem(
                kind: "merged", kindLabel: words["historyMerge"], name: merge.slug,
                href: page.proposalLink(slug: merge.slug) ?? page.link(SiteLayout.proposals), day: DisplayTime.day(merge.time),
                machineTime: DisplayTime.machine(merge.time), note: LangText.written(merge.title, page: page),
                detail: merge.approvedBy.isEmpty ? nil : words["approvedBy"] + words.pick("：", ": ")
                    + merge.approvedBy.map(words.approval).joined(separator: words.pick("、", ", ")),
                time: merge.time.timeIntervalSince1970))
        }
        for (index, version) in content.versions.enumerated() {
            let included = version.document.commitments.contains { $0.id == commitment.id }
            let changed = version.changes?.commitments.contains { $0.id == commitment.id } ?? (index == 0 && included)
            guard included || changed, changed else { continue }
            let time = version.version.time
            let message = version.version.message.split(separator: "\n").first.map(String.init) ?? ""
            items.append(HistoryItem(
                kind: "good", kindLabel: words["historyVersion"], name: version.version.name,
                href: page.link(SiteLayout.versionPath(version.fileName)) + "#c-" + SitePaths.safeName(commitment.id),
                day: time.map(DisplayTime.day) ?? "—", machineTime: time.map(DisplayTime.machine) ?? "",
                note: message.isEmpty ? nil : LangText.written(message, page: page), detail: nil,
                time: time?.timeIntervalSince1970 ?? 0))
        }
        history = items.sorted { ($0.time, $0.kind, $0.name) < ($1.time, $1.kind, $1.name) }
        hasHistory = !history.isEmpty
        origin = CommitmentView.origin(of: content.blames[commitment.id] ?? [], page: page)
    }

    /// The commitment file's paragraphs in the page's language (and its front matter as one block),
    /// each with the proposals that brought its lines in, their writers and the approvals of those merges.
    static func origin(of lines: [AttributedLine], page: PageContext) -> [Origin] {
        var blocks: [[AttributedLine]] = []
        var current: [AttributedLine] = []
        var frontMatter: [AttributedLine] = []
        var inFrontMatter = false
        var inComment = false
        var language: String?
        func flush() {
            if !current.isEmpty { blocks.append(current) }
            current = []
        }
        for (index, line) in lines.enumerated() {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if index == 0, text == "---" { inFrontMatter = true; frontMatter.append(line); continue }
            if inFrontMatter {
                frontMatter.append(line)
                if text == "---" { inFrontMatter = false }
                continue
            }
            if inComment {
                if text.contains("-->") { inComment = false }
                continue
            }
            if text.hasPrefix("<!--") {
                flush()
                if !text.contains("-->") { inComment = true }
                continue
            }
            if text.hasPrefix("# "), let range = text.range(of: "{lang=") {
                flush()
                language = String(text[range.upperBound...].prefix { $0 != "}" })
                continue
            }
            if text.isEmpty || text.hasPrefix("#") { flush(); continue }
            if let language, language != page.language { continue }
            current.append(line)
        }
        flush()
        var result: [Origin] = []
        if !frontMatter.isEmpty { result.append(origin(frontMatter, excerpt: nil, page: page)) }
        for block in blocks {
            let joined = block.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let excerpt = joined.count > 90 ? String(joined.prefix(90)) + "…" : joined
            result.append(origin(block, excerpt: LangText.written(excerpt, page: page), page: page))
        }
        return result
    }

    private static func origin(_ block: [AttributedLine], excerpt: LangText?, page: PageContext) -> Origin {
        let first = block.first?.number ?? 0
        let last = block.last?.number ?? first
        let range = first == last ? "\(first)" : "\(first)–\(last)"
        var slugs: [String] = []
        var people: [(String, String)] = []
        for line in block {
            if let slug = line.proposal, !slugs.contains(slug) { slugs.append(slug) }
            let name = line.member?.name ?? line.author.name
            let sector = page.words.sector(line.member?.sector.rawValue ?? "public")
            if !people.contains(where: { $0.0 == name }) { people.append((name, sector)) }
        }
        var approvals: [String] = []
        for slug in slugs {
            for merge in page.content.merges where merge.slug == slug {
                for approval in merge.approvedBy.map(page.words.approval) where !approvals.contains(approval) { approvals.append(approval) }
            }
        }
        let label = excerpt == nil ? page.words["structuredFields"] + " · " : ""
        return Origin(lines: label + page.words.format("linesLabel", range), excerpt: excerpt,
                      proposals: slugs.map { ProposalLink(slug: $0, href: page.proposalLink(slug: $0) ?? page.link(SiteLayout.proposals)) }.markingLast(),
                      authors: people.map { PersonLabel(name: $0.0, sector: $0.1) }.markingLast(), approvals: approvals)
    }
}
