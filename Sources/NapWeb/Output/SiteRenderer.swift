import Foundation
import PlanKit

/// One file of the site: its path under the site's folder (`en/proposals/x.html`) and its bytes.
public struct SiteFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]
}

/// The whole site as a list of files, each rendered on demand from the content read once: page rendering
/// (data → HTML) apart from writing files, so that a web server can render the same pages. Every file
/// is the same bytes for the same repository state (no times of the build), and passes through
/// `Privacy.scrub` on its way out.
public struct SiteRenderer {
    struct Entry {
        let path: String
        /// The key of everything the file is made from, known without rendering it: a proposal's page
        /// from its folder in the record, a version's from the tags, a page that shows the whole record
        /// from every reference of the plan. Nil: rendered on every build.
        var key: String?
        /// Files read from the same source (a proposal's page in each language) share a group, and are
        /// rendered one after the other.
        var group: String?
        /// The file as one string (a page).
        let make: (() throws -> String)?
        /// The file a piece at a time (the big downloads): written to the file as it is made.
        let stream: ((SiteSink) throws -> Void)?

        init(path: String, key: String? = nil, group: String? = nil, make: @escaping () throws -> String) {
            self.path = path
            self.key = key
            self.group = group
            self.make = make
            stream = nil
        }

        init(path: String, key: String?, stream: @escaping (SiteSink) throws -> Void) {
            self.path = path
            self.key = key
            group = nil
            make = nil
            self.stream = stream
        }
    }

    let content: SiteContent
    let templates: PageTemplates
    /// The site's address with a final `/`, when known: sitemap and feed then use absolute URLs.
    let baseURL: String?
    let privacy: Privacy
    /// Rendered for `nap serve` (PageContext.served): links to the forms, the policy as a header.
    let served: Bool
    private(set) var entries: [Entry] = []
    /// The order the files are rendered in: the site's order, with the files of a group together.
    private(set) var renderOrder: [Int] = []
    /// The key of what every page is made from: nap's page format, how the site is built, the plan at the
    /// revision shown, main, and the addresses hidden. Part of every page's key.
    private(set) var contentKey = ""
    /// The key of the pages that show the whole record (listings, the feed, the report's index and
    /// downloads, the process pages): the content key, every reference of the plan and the site's day.
    private(set) var recordKey = ""
    /// The key of the versions' pages: the content key and the tags (a published version never changes).
    private(set) var versionsKey = ""
    /// The key of the commitments' pages: the versions' key (main's history and blame are in the content
    /// key) and where each proposal's page is (their histories link the proposals that changed them). A
    /// comment or a review changes none of them.
    private(set) var commitmentsKey = ""

    /// Reads the plan (`revision`: the plan text shown; every proposal and version is read) and lists the
    /// site's files. `asOf` is the day the process pages count from (default: the repository's last
    /// change). `served`: the pages are for `nap serve` (with links to its forms); the static site's bytes
    /// do not change with it off. `progress` is told how the reading goes.
    public init(store: PlanStore, revision: String = "main", baseURL: String? = nil, asOf: PlanDate? = nil, served: Bool = false,
                progress: (SiteProgress) -> Void = { _ in }) throws {
        let content = try SiteContent.read(from: store, revision: revision, asOf: asOf, pinned: !served, progress: progress)
        try self.init(content: content, baseURL: baseURL, served: served)
    }

    init(content: SiteContent, baseURL: String?, served: Bool = false) throws {
        self.content = content
        self.served = served
        templates = try PageTemplates()
        self.baseURL = SiteRenderer.normalized(baseURL: baseURL)
        privacy = SiteRenderer.privacy(for: content)
        contentKey = KeyDigest.of([SiteRenderer.pageFormat, served ? "served" : "static", self.baseURL ?? "-", content.revision,
                                   content.document.commit?.hex ?? "-", content.main?.hex ?? "-",
                                   content.languages.joined(separator: ","), privacy.digest])
        recordKey = KeyDigest.of([contentKey, content.stateKey, content.process.asOf.description])
        let tags = content.stateKey.split(separator: "\n").filter { $0.hasPrefix(RefNames.tagPrefix) }.map(String.init)
        versionsKey = KeyDigest.of([contentKey] + tags)
        commitmentsKey = KeyDigest.of([versionsKey, "commitments"] + content.proposals.map { $0.state.slug + " " + $0.path })
        listKeys = SiteRenderer.listKeys(of: content, contentKey: contentKey)
        buildKey = SiteRenderer.buildKey(stateKey: content.stateKey, revision: content.revision, commit: content.document.commit,
                                         baseURL: self.baseURL, asOf: content.process.asOf, served: served)
        entries = listEntries()
        renderOrder = SiteRenderer.grouped(entries)
    }

    /// The key of each listing of proposals, by filter (`listKeys(of:contentKey:)`).
    private(set) var listKeys: [String: String] = [:]

    /// The key of a whole build: every reference of the plan, the revision shown and its commit, the base
    /// URL, the site's day and how it is served. A folder whose last build had this key, with every file
    /// still as that build left it, is up to date without reading the plan (`SiteWriter.unchanged`).
    private(set) var buildKey = ""

    static func buildKey(stateKey: String, revision: String, commit: ObjectID?, baseURL: String?, asOf: PlanDate, served: Bool) -> String {
        KeyDigest.of([pageFormat, stateKey, revision, commit?.hex ?? "-", baseURL ?? "-", asOf.description, served ? "served" : "static"])
    }

    /// The base URL with a final `/`; nil for none.
    static func normalized(baseURL: String?) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// Bump when what a page shows changes in a way its key does not see (the keys are kept per build of
    /// nap anyway: another build never trusts them).
    static let pageFormat = "nap-site-page-2"

    /// The site's order, except that the files of a group follow the first of them.
    static func grouped(_ entries: [Entry]) -> [Int] {
        var members: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let group = entry.group { members[group, default: []].append(index) }
        }
        var order: [Int] = []
        order.reserveCapacity(entries.count)
        var placed = Set<String>()
        for (index, entry) in entries.enumerated() {
            guard let group = entry.group else { order.append(index); continue }
            if placed.insert(group).inserted { order += members[group] ?? [index] }
        }
        return order
    }

    /// The key of the file at `index`, when it has one.
    func key(at index: Int) -> String? { entries[index].key }

    /// Every file's path, in a fixed order.
    public var paths: [String] { entries.map(\.path) }

    /// The path of the file at `index` of `paths`.
    public func path(at index: Int) -> String { entries[index].path }

    /// Reads proposals' pages' content, and the page keys of earlier builds.
    var reader: ProposalReader { content.reader }

    /// How many files the site has.
    public var count: Int { entries.count }

    /// The file at `index` of `paths`, rendered.
    public func render(at index: Int) throws -> SiteFile {
        let entry = entries[index]
        if let stream = entry.stream {
            let sink = SiteSink(privacy: privacy)
            try stream(sink)
            return SiteFile(path: entry.path, bytes: sink.bytes())
        }
        return SiteFile(path: entry.path, bytes: Array(privacy.scrub(try entry.make?() ?? "").utf8))
    }

    /// Whether the file at `index` is made a piece at a time (`stream(at:into:)`), not held whole.
    func isStreamed(at index: Int) -> Bool { entries[index].stream != nil }

    /// Writes the file at `index`, scrubbed, into `handle` a piece at a time (a streamed file; another
    /// file is written whole).
    func stream(at index: Int, into handle: FileHandle) throws {
        let sink = SiteSink(privacy: privacy, handle: handle)
        if let stream = entries[index].stream {
            try stream(sink)
        } else {
            try sink.write(try entries[index].make?() ?? "")
        }
        try sink.flush()
    }

    /// The file at `path`, rendered; nil when the site has no such file.
    public func render(path: String) throws -> SiteFile? {
        guard let index = entries.firstIndex(where: { $0.path == path }) else { return nil }
        return try render(at: index)
    }

    /// Every address of a participant the site must not show: members (now and in every version), and
    /// the authors of events, blamed lines and tags. Commitments' contact points are published content.
    static func privacy(for content: SiteContent) -> Privacy {
        var participants: [String] = content.members.all.map(\.email)
        for proposal in content.proposals {
            let state = proposal.state
            participants.append(state.author.email)
            participants += state.comments.map(\.author.email) + state.comments.flatMap { $0.responses.map(\.author.email) }
            participants += state.responses.map(\.author.email) + state.reviews.map(\.author.email)
            participants += state.revisions.map(\.recordedBy.email)
            if let closer = state.closedBy { participants.append(closer.email) }
        }
        participants += content.report.inputs.map(\.author.email)
        participants += content.blames.values.flatMap { $0.map(\.author.email) }
        participants += content.versions.compactMap { $0.version.tagger?.email }
        participants += content.process.meetings.flatMap { $0.versions.map(\.author.email) }
        for row in content.process.implementation?.commitments ?? [] {
            participants += ([row.overall] + row.milestones.map(\.latest)).compactMap { $0?.author.email }
        }
        let documents = [content.document] + content.versions.map(\.document)
        let published = documents.flatMap { $0.commitments.map(\.contact.email) } + [content.participation.address ?? ""]
        return Privacy(participants: participants, published: published)
    }
}
