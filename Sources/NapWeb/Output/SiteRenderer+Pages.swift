import Foundation
import PlanKit

extension SiteRenderer {
    /// The site's files: the front door, the style sheet, every page in every language, the feeds,
    /// the downloads and the sitemap.
    func listEntries() -> [Entry] {
        var entries: [Entry] = [
            Entry(path: SitePaths.rootIndex, key: KeyDigest.of([contentKey, SitePaths.rootIndex])) { [self] in
                try templates.render(RootView(content: content), with: "root")
            },
            Entry(path: SitePaths.stylesheet, key: KeyDigest.of([SiteRenderer.pageFormat, SitePaths.stylesheet])) { PageTemplates.asset("site.css") ?? "" },
        ]
        for language in content.languages {
            entries += pageEntries(language: language)
        }
        entries += downloadEntries()
        let pages = entries.map(\.path).filter { $0.hasSuffix(".html") && !$0.hasPrefix(SitePaths.downloads + "/") }
        // Made from the list of pages alone.
        entries.append(Entry(path: SitePaths.sitemap, key: KeyDigest.of([contentKey, SitePaths.sitemap] + pages)) { [self] in
            try templates.render(SitemapView(urls: pages.map { page in baseURL.map { $0 + page } ?? page }), with: "sitemap")
        })
        return entries
    }

    /// The renderer as the pages' closures share it: one copy for all of them. (Each closure capturing
    /// the renderer, and the content in it, by value held a copy of both: 16 MB for the bench plan's
    /// 4,000 pages in `nap serve`.) The closures below take what they render from the page's content,
    /// and a proposal by its place in it, for the same reason.
    private final class Shared {
        let renderer: SiteRenderer
        init(_ renderer: SiteRenderer) { self.renderer = renderer }
    }

    private func pageEntries(language: String) -> [Entry] {
        var entries: [Entry] = []
        let shared = Shared(self)
        let recordKey = self.recordKey, versionsKey = self.versionsKey, contentKey = self.contentKey, commitmentsKey = self.commitmentsKey
        /// `key`: what the page is made from (default: the whole record, `recordKey`).
        func add(_ path: String, template: String, crumbs: [(word: String, page: String)] = [], key: String? = nil, group: String? = nil,
                 title: @escaping (PageContext) -> String, view: @escaping (PageContext) throws -> Any) {
            let sitePath = SitePaths.page(path, language: language)
            // A page in each language shares most of its work (the same comments' HTML): made together.
            entries.append(Entry(path: sitePath, key: KeyDigest.of([key ?? recordKey, sitePath]), group: group ?? path) {
                let renderer = shared.renderer
                let page = PageContext(content: renderer.content, language: language, path: path, served: renderer.served)
                let body = try renderer.templates.render(view(page), with: template)
                let breadcrumbs = crumbs.map { Link(label: page.words[$0.word], href: page.link($0.page)) }
                let layout = LayoutView(page: page, title: title(page), breadcrumbs: breadcrumbs, content: .rendered(body))
                return try renderer.templates.render(layout, with: "layout")
            })
        }
        let home = [("home", SiteLayout.home)]
        add(SiteLayout.home, template: "home", title: { $0.words["home"] }, view: HomeView.init(page:))
        add(SiteLayout.commitments, template: "commitments", crumbs: home, key: commitmentsKey, title: { $0.words["commitments"] },
            view: CommitmentsView.init(page:))
        for commitment in content.document.commitments {
            add(SiteLayout.commitmentPath(commitment.id), template: "commitment", crumbs: home + [("commitments", SiteLayout.commitments)], key: commitmentsKey,
                title: { page in
                    commitment.id + " " + (CommitmentPresentation.pick(commitment.title, language: page.language, plan: page.content.plan)?.text ?? "")
                }, view: { CommitmentView(commitment, page: $0) })
        }
        for filter in ProposalListView.filters(of: content) {
            let crumbs = filter == "all" ? home : home + [("proposals", SiteLayout.proposals)]
            add(ProposalListView.path(of: filter), template: "proposals", crumbs: crumbs, key: listKeys[filter],
                title: { ProposalListView.heading(of: filter, words: $0.words) }, view: { ProposalListView(filter: filter, page: $0) })
        }
        for (index, proposal) in content.proposals.enumerated() {
            add(proposal.path, template: "proposal", crumbs: home + [("proposals", SiteLayout.proposals)],
                key: proposalKey(proposal, language: language), group: proposal.id,
                title: { $0.content.proposals[index].state.title },
                view: { page in
                    let proposal = page.content.proposals[index]
                    return ProposalView(proposal, loaded: try page.content.reader.load(proposal.summary), page: page)
                })
        }
        for (index, proposal) in content.proposals.enumerated() {
            add(SiteLayout.responsesPath(of: proposal), template: "responses-proposal", crumbs: home + [("responses", SiteLayout.responses)],
                key: reportKey(proposal), title: { $0.words["responses"] + " — " + $0.content.proposals[index].state.title },
                view: { page in
                    let proposal = page.content.proposals[index]
                    return ResponseReportView(proposal, inputs: page.content.reportInputs(of: proposal.id), page: page)
                })
        }
        add(SiteLayout.versions, template: "versions", crumbs: home, key: versionsKey, title: { $0.words["versions"] }, view: VersionsView.init(page:))
        for (index, version) in content.versions.enumerated() {
            add(SiteLayout.versionPath(version.fileName), template: "version", crumbs: home + [("versions", SiteLayout.versions)], key: versionsKey,
                title: { $0.words["version"] + " " + version.version.name }, view: { VersionView(index, page: $0) })
            if let changes = version.changes, index > 0 {
                let previous = content.versions[index - 1].version.name
                add(SiteLayout.versionChangesPath(version.fileName), template: "changes", crumbs: home + [("versions", SiteLayout.versions)],
                    key: versionsKey, title: { version.version.name + " — " + $0.words.format("changesSince", previous) },
                    view: { ChangesView(changes, heading: version.version.name + " — " + $0.words.format("changesSince", previous), page: $0) })
            }
        }
        if let unpublished = content.unpublished, let latest = content.versions.last {
            add(SiteLayout.unpublished, template: "changes", crumbs: home + [("versions", SiteLayout.versions)], key: versionsKey,
                title: { $0.words.format("unpublishedSince", latest.version.name) },
                view: { ChangesView(unpublished, heading: $0.words.format("unpublishedSince", latest.version.name), page: $0) })
        }
        add(SiteLayout.responses, template: "responses", crumbs: home, title: { $0.words["responses"] }, view: ResponsesIndexView.init(page:))
        add(SiteLayout.process, template: "process", crumbs: home, title: { $0.words["process"] }, view: ProcessView.init(page:))
        for meeting in content.process.meetings {
            guard let path = content.process.meetingPaths[meeting.id] else { continue }
            add(path, template: "meeting", crumbs: home + [("process", SiteLayout.process)],
                title: { MeetingView(meeting, page: $0).heading }, view: { MeetingView(meeting, page: $0) })
        }
        add(SiteLayout.implementation, template: "implementation", crumbs: home + [("process", SiteLayout.process)],
            title: { $0.words["implementation"] }, view: ImplementationView.init(page:))
        add(SiteLayout.forum, template: "forum", crumbs: home, key: contentKey, title: { $0.words["forum"] }, view: ForumView.init(page:))
        add(SiteLayout.participate, template: "participate", crumbs: home, key: contentKey, title: { $0.words["howToTakePart"] }, view: ParticipateView.init(page:))
        add(SiteLayout.verify, template: "verify", crumbs: home, title: { $0.words["howToVerify"] }, view: VerifyView.init(page:))
        add(SiteLayout.accessibility, template: "accessibility", crumbs: home, key: contentKey, title: { $0.words["accessibilityStatement"] },
            view: AccessibilityView.init(page:))
        let feedSitePath = SitePaths.page(SiteLayout.feed, language: language)
        entries.append(Entry(path: feedSitePath, key: KeyDigest.of([recordKey, feedSitePath])) {
            let renderer = shared.renderer, baseURL = renderer.baseURL
            let page = PageContext(content: renderer.content, language: language, path: SiteLayout.feed)
            let feedPath = page.sitePath
            let link = { (target: String) -> String in
                let sitePath = SitePaths.page(target, language: language)
                return baseURL.map { $0 + sitePath } ?? SitePaths.relative(from: feedPath, to: sitePath)
            }
            let id = baseURL.map { $0 + feedPath } ?? "urn:nap:feed:" + language
            return try renderer.templates.render(FeedView(page: page, link: link, feedID: id), with: "feed")
        })
        return entries
    }

    /// The key of a proposal's page: everything it is made from is the site's content key (main, the
    /// revision shown, the addresses hidden), the proposal's folder in the record, its branch head and
    /// its path — and, for an open proposal under `min-discussion-days`, the wait the merge gate counts
    /// from the clock.
    func proposalKey(_ proposal: SiteContent.Proposal, language: String) -> String {
        var digest = KeyDigest()
        digest.add(contentKey)
        digest.add(language)
        digest.add(proposal.path)
        digest.add(proposal.id)
        digest.add(proposal.folder)
        digest.add(proposal.summary.branchHead)
        if proposal.state.status == .open {
            let now = content.reader.now ?? Date()
            digest.add(MergeGate.discussionWait(opened: proposal.state.opened, now: now, policy: content.mainPolicy)?.description ?? "-")
        }
        return digest.finish()
    }

    /// The keys of the listings of proposals, by filter (both languages; `add` adds the page's path): the
    /// content key (main: members' sectors, the changes each proposal makes), the filter, how many
    /// proposals every filter holds (each listing shows them all), and each listed proposal's path, folder
    /// in the record and branch head, which its row is made from. A comment re-renders only the listings
    /// that show its proposal. Made in one pass over the proposals, once per build.
    static func listKeys(of content: SiteContent, contentKey: String) -> [String: String] {
        let filters = ProposalListView.filters(of: content)
        var digests = filters.map { filter in
            var digest = KeyDigest()
            digest.add(contentKey)
            digest.add("list")
            digest.add(filter)
            return digest
        }
        var counts = [Int](repeating: 0, count: filters.count)
        func list(state: String, sectorKey: String, _ parts: String...) {
            for (index, filter) in filters.enumerated() where ProposalListView.matches(filter, state: state, sectorKey: sectorKey) {
                counts[index] += 1
                for part in parts { digests[index].add(part) }
            }
        }
        for proposal in content.proposals {
            list(state: proposal.state.status.name, sectorKey: ProposalListView.sectorKey(of: proposal.state.author),
                 proposal.path, proposal.id, proposal.folder?.hex ?? "-", proposal.summary.branchHead?.hex ?? "-")
        }
        // Branches pushed without a record are listed as open, under no sector.
        for branch in content.branchesWithoutRecord {
            list(state: "open", sectorKey: "", branch.slug, branch.branchHead?.hex ?? "-")
        }
        let tally = zip(filters, counts).map { "\($0)=\($1)" }.joined(separator: ",")
        var keys: [String: String] = [:]
        for (index, filter) in filters.enumerated() {
            digests[index].add(tally)
            keys[filter] = digests[index].finish()
        }
        return keys
    }

    /// The key of a proposal's report page (both languages; `add` adds the page's path): the content
    /// key (main: members' sectors, whether an input is owed a response), the proposal's folder in the
    /// record and its page's path (the report links to it).
    func reportKey(_ proposal: SiteContent.Proposal) -> String {
        KeyDigest.of([contentKey, "report", proposal.path, proposal.id, proposal.folder?.hex ?? "-"])
    }

    private func downloadEntries() -> [Entry] {
        let content = self.content
        // Made from the whole record (the plans count the input received so far), a piece at a time.
        var entries = [
            Entry(path: SiteLayout.responsesCSV, key: KeyDigest.of([recordKey, SiteLayout.responsesCSV])) { [contentKey] sink in
                try ResponseDownloads(content: content, contentKey: contentKey).csv(sink.write)
            },
            Entry(path: SiteLayout.responsesJSON, key: KeyDigest.of([recordKey, SiteLayout.responsesJSON])) { [contentKey] sink in
                try ResponseDownloads(content: content, contentKey: contentKey).json(sink.write)
            },
        ]
        // A version's plan is made from its tag, and its development section (counted from the record up
        // to the tag's time: an input or a meeting recorded later but dated by then changes it).
        for version in content.versions {
            let languages = (try? version.document.languages(for: .all)) ?? content.languages
            let development = version.document.development?.markdown(languages: languages) ?? ""
            let html = SiteLayout.planDownload(version.fileName, format: "html"), markdown = SiteLayout.planDownload(version.fileName, format: "md")
            entries.append(Entry(path: html, key: KeyDigest.of([versionsKey, html, development])) {
                HTMLRenderer.render(version.document, languages: languages)
            })
            entries.append(Entry(path: markdown, key: KeyDigest.of([versionsKey, markdown, development])) {
                MarkdownRenderer.render(version.document, languages: languages)
            })
        }
        return entries
    }
}
