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
        var entries: [Entry] = []
        for proposal in content.proposals {
            let state = proposal.state
            let href = link(proposal.path)
            entries.append(Entry(title: words.format("feedOpened", state.title), id: "urn:nap:event:" + state.id,
                                 updated: DisplayTime.machine(state.opened), author: state.author.name, href: href,
                                 summary: state.description.isEmpty ? state.title : state.description, time: state.opened))
            if let closedAt = state.closedAt {
                let merged = state.status != .open && state.status.name == "merged"
                entries.append(Entry(title: words.format(merged ? "feedMerged" : "feedWithdrawn", state.title),
                                     id: "urn:nap:closed:" + state.id, updated: DisplayTime.machine(closedAt),
                                     author: state.closedBy?.name ?? "—", href: href, summary: state.title, time: closedAt))
            }
            let responses = state.responses.map { ($0, "") } + state.comments.flatMap { comment in comment.responses.map { ($0, "#comment-" + comment.id.prefix(8)) } }
            for (response, fragment) in responses {
                entries.append(Entry(title: words.format("feedResponse", words.disposition(response.disposition.rawValue), state.title),
                                     id: "urn:nap:event:" + response.id, updated: DisplayTime.machine(response.time),
                                     author: response.author.name, href: href + fragment, summary: response.reason, time: response.time))
            }
        }
        for version in content.versions {
            let time = version.version.time ?? Date(timeIntervalSince1970: 0)
            entries.append(Entry(title: words.format("feedVersion", version.version.name), id: "urn:nap:tag:" + version.version.tag.hex,
                                 updated: DisplayTime.machine(time), author: version.version.tagger?.name ?? "—",
                                 href: link(SiteLayout.versionPath(version.fileName)), summary: VersionsView.message(version.version.message),
                                 time: time))
        }
        entries.sort { ($0.time, $0.id) > ($1.time, $1.id) }
        self.entries = Array(entries.prefix(FeedView.limit))
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
