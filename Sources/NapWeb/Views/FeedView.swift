import Foundation
import PlanKit

/// The Atom feed of one language: new proposals, merges, withdrawals, reasoned responses and versions,
/// newest first.
struct FeedView {
    struct Entry {
        let title: String
        let id: String
        let updated: String
        let author: String
        let href: String
        let summary: String
        let time: Date
    }

    static let limit = 200

    let lang: String
    let title: String
    let subtitle: String
    let feedID: String
    let updated: String
    let selfHref: String
    let homeHref: String
    let entries: [Entry]

    /// `link`: the address of a page of this language, from the feed (relative, or absolute with a base URL).
    init(page: PageContext, link: (String) -> String, feedID: String) {
        let words = page.words
        let content = page.content
        lang = page.language
        title = page.planTitle
        subtitle = words["feedSubtitle"]
        self.feedID = feedID
        selfHref = link(SiteLayout.feed)
        homeHref = link(SiteLayout.home)
        // What could be an entry, with only what orders them: the newest `limit` are then made whole
        // (a national plan has tens of thousands of responses; the feed shows 200).
        // Positions, not copies: a candidate is small (a proposal's state is a large value).
        enum Source {
            case opened(proposal: Int)
            case closed(proposal: Int)
            /// A response to the whole proposal (`comment` nil) or to one of its comments.
            case response(proposal: Int, comment: Int?, response: Int)
            case version(Int)
        }
        var candidates: [(time: Date, id: String, source: Source)] = []
        for (index, proposal) in content.proposals.enumerated() {
            let state = proposal.state
            candidates.append((state.opened, "urn:nap:event:" + state.id, .opened(proposal: index)))
            if let closedAt = state.closedAt { candidates.append((closedAt, "urn:nap:closed:" + state.id, .closed(proposal: index))) }
            for (position, response) in state.responses.enumerated() {
                candidates.append((response.time, "urn:nap:event:" + response.id, .response(proposal: index, comment: nil, response: position)))
            }
            for (number, comment) in state.comments.enumerated() {
                for (position, response) in comment.responses.enumerated() {
                    candidates.append((response.time, "urn:nap:event:" + response.id, .response(proposal: index, comment: number, response: position)))
                }
            }
        }
        for (index, version) in content.versions.enumerated() {
            candidates.append((version.version.time ?? Date(timeIntervalSince1970: 0), "urn:nap:tag:" + version.version.tag.hex, .version(index)))
        }
        candidates.sort { ($0.time, $0.id) > ($1.time, $1.id) }
        self.entries = candidates.prefix(FeedView.limit).map { time, id, source in
            switch source {
            case .opened(let index):
                let proposal = content.proposals[index]
                let state = proposal.state
                return Entry(title: words.format("feedOpened", state.title), id: id, updated: DisplayTime.machine(time),
                             author: state.author.name, href: link(proposal.path),
                             summary: state.description.isEmpty ? state.title : state.description, time: time)
            case .closed(let index):
                let proposal = content.proposals[index]
                let state = proposal.state
                let merged = state.status != .open && state.status.name == "merged"
                return Entry(title: words.format(merged ? "feedMerged" : "feedWithdrawn", state.title), id: id,
                             updated: DisplayTime.machine(time), author: state.closedBy?.name ?? "—", href: link(proposal.path),
                             summary: state.title, time: time)
            case .response(let index, let comment, let position):
                let proposal = content.proposals[index]
                let state = proposal.state
                let response = comment.map { state.comments[$0].responses[position] } ?? state.responses[position]
                let fragment = comment.map { "#comment-" + state.comments[$0].id.prefix(8) } ?? ""
                return Entry(title: words.format("feedResponse", words.disposition(response.disposition.rawValue), state.title),
                             id: id, updated: DisplayTime.machine(time), author: response.author.name,
                             href: link(proposal.path) + fragment, summary: response.reason, time: time)
            case .version(let index):
                let version = content.versions[index]
                return Entry(title: words.format("feedVersion", version.version.name), id: id, updated: DisplayTime.machine(time),
                             author: version.version.tagger?.name ?? "—", href: link(SiteLayout.versionPath(version.fileName)),
                             summary: VersionsView.message(version.version.message), time: time)
            }
        }
        updated = self.entries.first?.updated ?? DisplayTime.machine(Date(timeIntervalSince1970: 0))
    }
}

/// sitemap.xml: every page of the site.
struct SitemapView {
    let urls: [String]
}

/// The site's front door: the plan's title in each language, and a link to each language's pages.
struct RootView {
    struct Title {
        let lang: String
        let text: String
        let isLast: Bool
    }

    struct Language {
        let lang: String
        let name: String
        let href: String
        let description: String
        let generatedBy: String
    }

    let lang: String
    let titles: [Title]
    let stylesheetHref: String
    let skipLabel: String
    let chooseLabel: String
    let languages: [Language]

    init(content: SiteContent) {
        let primary = content.languages.first ?? "zh-Hant"
        lang = primary
        let titles = content.languages.compactMap { language in content.plan.title[language].map { (language, $0) } }
        self.titles = titles.enumerated().map { Title(lang: $0.element.0, text: $0.element.1, isLast: $0.offset == titles.count - 1) }
        stylesheetHref = SitePaths.stylesheet
        let words = Words(language: primary)
        skipLabel = words["skipToContent"]
        chooseLabel = content.languages.map { Words(language: $0)["chooseLanguage"] }.joined(separator: " / ")
        languages = content.languages.map { language in
            let words = Words(language: language)
            return Language(lang: language, name: Words.languageName(language), href: SitePaths.page(SiteLayout.home, language: language),
                            description: words["languageDescription"], generatedBy: words["generatedBy"])
        }
    }
}
