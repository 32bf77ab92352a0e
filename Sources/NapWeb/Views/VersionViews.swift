import PlanKit

/// The published versions, newest first.
struct VersionsView {
    struct Item {
        let name: String
        let href: String
        let day: String
        let machineTime: String
        let tagger: String
        let commitmentCount: Int
        let commit: String
        let signature: Badge
        let lang: String?
        let messageHTML: TrustedHTML
        let changesHref: String?
        let changesLabel: String
        let downloads: [Link]
    }

    let t: Words
    let hasVersions: Bool
    let versions: [Item]
    let unpublished: Link?

    init(page: PageContext) {
        let words = page.words
        t = words
        versions = page.content.versions.enumerated().reversed().map { index, version in
            let message = VersionsView.message(version.version.message)
            let language = TextLanguage.guess(message, languages: page.content.languages)
            let previous = index > 0 ? page.content.versions[index - 1].version.name : nil
            return Item(name: version.version.name, href: page.link(SiteLayout.versionPath(version.fileName)),
                        day: version.version.time.map(DisplayTime.day) ?? "—", machineTime: version.version.time.map(DisplayTime.machine) ?? "",
                        tagger: version.version.tagger?.name ?? "—", commitmentCount: version.document.commitments.count,
                        commit: version.version.commit.short(), signature: Badge.signature(version.signature, words: words),
                        lang: language == page.language ? nil : language, messageHTML: page.prose(message),
                        changesHref: version.changes == nil ? nil : page.link(SiteLayout.versionChangesPath(version.fileName)),
                        changesLabel: previous.map { words.format("changesSince", $0) } ?? "",
                        downloads: VersionsView.downloads(version, page: page))
        }
        hasVersions = !versions.isEmpty
        if page.content.unpublished != nil, let latest = page.content.versions.last {
            unpublished = Link(label: words.format("unpublishedSince", latest.version.name), href: page.link(SiteLayout.unpublished))
        } else {
            unpublished = nil
        }
    }

    /// A tag message without its trailers (`Published-by:` names the publisher with an address).
    static func message(_ text: String) -> String {
        var paragraphs = text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n")
        if paragraphs.count > 1, let last = paragraphs.last,
           last.split(separator: "\n").allSatisfy({ line in line.contains(": ") && !line.hasPrefix(" ") }) {
            paragraphs.removeLast()
        }
        return Privacy.withoutAddresses(paragraphs.joined(separator: "\n\n"))
    }

    static func downloads(_ version: SiteContent.Version, page: PageContext) -> [Link] {
        [Link(label: page.words["planHTML"], href: page.file(SiteLayout.planDownload(version.fileName, format: "html"))),
         Link(label: page.words["planMarkdown"], href: page.file(SiteLayout.planDownload(version.fileName, format: "md")))].markingLast()
    }
}

/// A published version's full plan in the page's language.
struct VersionView {
    struct Item {
        let id: String
        let anchor: String
        let title: LangText?
        let text: CommitmentTextView
    }

    let t: Words
    let name: String
    let day: String
    let machineTime: String
    let signature: Badge
    let title: LangText?
    let changesHref: String?
    let changesLabel: String
    let downloads: [Link]
    let hasIntroduction: Bool
    let introductionHTML: TrustedHTML
    let introLang: String?
    let introNote: String?
    let commitments: [Item]

    init(_ index: Int, page: PageContext) {
        let version = page.content.versions[index]
        let words = page.words
        let plan = version.document.plan
        t = words
        name = version.version.name
        day = version.version.time.map(DisplayTime.day) ?? "—"
        machineTime = version.version.time.map(DisplayTime.machine) ?? ""
        signature = Badge.signature(version.signature, words: words)
        title = CommitmentPresentation.pick(plan.title, language: page.language, plan: plan).map { LangText.plan($0, page: page) }
        changesHref = version.changes == nil ? nil : page.link(SiteLayout.versionChangesPath(version.fileName))
        changesLabel = index > 0 ? words.format("changesSince", page.content.versions[index - 1].version.name) : ""
        downloads = VersionsView.downloads(version, page: page)
        let introduction = CommitmentPresentation.prose(plan.introduction, language: page.language, plan: plan)
        introductionHTML = introduction.map { page.prose($0.text, headingLevel: 3) } ?? .text("")
        hasIntroduction = introduction != nil
        introLang = introduction?.language.flatMap { $0 == page.language ? nil : $0 }
        introNote = introduction?.isFallback == true ? words["untranslatedNote"] : nil
        commitments = version.document.commitments.map { commitment in
            let anchor = "c-" + SitePaths.safeName(commitment.id)
            return Item(id: commitment.id, anchor: anchor,
                        title: CommitmentPresentation.pick(commitment.title, language: page.language, plan: plan).map { LangText.plan($0, page: page) },
                        text: CommitmentTextView(commitment, page: page, level: 3, anchorPrefix: anchor + "-"))
        }
    }
}

/// What changed between two revisions (consecutive versions, or the latest version and the revision shown).
struct ChangesView {
    struct Group {
        let key: String
        let label: String
        let count: Int
        let items: [Item]
    }

    struct Item {
        let id: String
        let href: String?
        let title: LangText?
        let fields: String?
        let sections: String?
        let layoutOnly: Bool
        let hasProposals: Bool
        let proposals: [ProposalLink]
    }

    struct Merged {
        let slug: String
        let href: String
        let title: String
        let lang: String?
        let commit: String
    }

    struct Direct {
        let commit: String
        let summary: String
        let author: String
    }

    let t: Words
    let heading: String
    let summary: String
    let groups: [Group]
    let hasMerged: Bool
    let merged: [Merged]
    let hasOtherFiles: Bool
    let otherFiles: String
    let hasDirect: Bool
    let direct: [Direct]

    init(_ changes: PlanChanges, heading: String, page: PageContext) {
        let words = page.words
        t = words
        self.heading = heading
        summary = "\(changes.from.revision) (\(changes.from.commit.short())) → \(changes.to.revision) (\(changes.to.commit.short()))"
        let plan = page.content.plan
        let current = Set(page.content.document.commitments.map(\.id))
        let labels = RenderLabels(language: page.language)
        func item(_ change: PlanChanges.CommitmentChange) -> Item {
            let sections = change.sections.map { "\($0.key.heading(in: page.language)) (\(Words.languageName($0.language)))" }
            return Item(id: change.id, href: current.contains(change.id) ? page.commitmentLink(change.id) : nil,
                        title: CommitmentPresentation.pick(change.title, language: page.language, plan: plan).map { LangText.plan($0, page: page) },
                        fields: change.fields.isEmpty ? nil : change.fields.joined(separator: ", "),
                        sections: sections.isEmpty ? nil : sections.joined(separator: labels.listSeparator),
                        layoutOnly: change.layoutOnly, hasProposals: !change.proposals.isEmpty,
                        proposals: change.proposals.map { ProposalLink(slug: $0, href: page.proposalLink(slug: $0) ?? page.link(SiteLayout.proposals)) }.markingLast())
        }
        groups = [("added", changes.added), ("changed", changes.changed), ("removed", changes.removed)].compactMap { key, list in
            list.isEmpty ? nil : Group(key: key, label: words[key], count: list.count, items: list.map(item))
        }
        merged = changes.proposals.map { proposal in
            let language = TextLanguage.guess(proposal.title, languages: page.content.languages)
            return Merged(slug: proposal.slug, href: page.proposalLink(slug: proposal.slug) ?? page.link(SiteLayout.proposals),
                          title: proposal.title, lang: language == page.language ? nil : language, commit: proposal.commit.short())
        }
        hasMerged = !merged.isEmpty
        otherFiles = changes.otherFiles.joined(separator: ", ")
        hasOtherFiles = !changes.otherFiles.isEmpty
        direct = changes.directCommits.map { Direct(commit: $0.commit.short(), summary: $0.summary, author: $0.author) }
        hasDirect = !direct.isEmpty
    }
}
