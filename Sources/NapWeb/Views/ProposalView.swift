import Localization
import PlanKit

/// One proposal's page: what it changes (with the threads beside the lines), its responses, reviews,
/// blockers, revisions, and the signature status of each event.
struct ProposalView {
    struct Closed {
        let label: String
        let who: String
        let time: String
        let machineTime: String
        let reason: String?
        let lang: String?
    }

    struct CommitmentLink: Listable {
        let id: String
        let href: String
        var isLast = false
    }

    struct Blocker {
        let text: String
        let lang: String?
    }

    struct ReviewItem {
        let author: String
        let sector: String
        let verdict: String
        let head: String
        let freshness: String
        let freshnessLabel: String
        let time: String
        let machineTime: String
        let signature: Badge?
        let hasBody: Bool
        let bodyHTML: TrustedHTML
        let lang: String?
    }

    struct RevisionItem {
        let head: String
        let time: String
        let machineTime: String
        let recordedBy: String
        let rewritten: Bool
    }

    /// A thread shown apart from the diff, with where it was and the text it quoted (as under a file).
    typealias Placed = DiffFileView.Placed

    let t: Words
    let slug: String
    let state: String
    let stateLabel: String
    let title: LangText
    let author: String
    let sector: String
    let time: String
    let machineTime: String
    let openedSignature: Badge?
    let closed: Closed?
    let changedCommitments: [CommitmentLink]
    let hasChangedCommitments: Bool
    let changedFiles: String
    let hasChangedFiles: Bool
    let hasChanges: Bool
    let base: String
    let head: String
    let hasDescription: Bool
    let descriptionHTML: TrustedHTML
    let descriptionLang: String?
    let isOpen: Bool
    let hasBlockers: Bool
    let blockers: [Blocker]
    /// A note that the gate's sentences are in English (none now: they are translated with the page).
    let englishNote: String?
    let closedStatus: String
    let signaturesRequired: Bool
    let hasProblems: Bool
    let problemNote: String
    let proposalResponses: [ResponseView]
    let proposalResponseNote: String
    /// The proposal's page of the response report (every input on it, with its disposition).
    let reportHref: String
    let files: [DiffFileView]
    let hasOutdated: Bool
    let outdated: [Placed]
    let general: [ThreadView]
    let hasReviews: Bool
    let reviews: [ReviewItem]
    let revisions: [RevisionItem]
    /// On `nap serve`, for an open proposal: the links to comment on it and to act on it as a member.
    let commentHref: String?
    let actHref: String?

    init(_ proposal: SiteContent.Proposal, loaded: ProposalReader.Loaded, page: PageContext) {
        let words = page.words
        let detail = loaded.detail
        let state = detail.state
        t = words
        slug = state.slug
        self.state = state.status.name
        stateLabel = words.state(state.status.name)
        title = LangText.written(state.title, page: page)
        author = state.author.name + (state.source.map { " (via \($0.platformLabel))" } ?? "")
        sector = page.sector(of: state.author)
        time = DisplayTime.minute(state.opened)
        machineTime = DisplayTime.machine(state.opened)
        openedSignature = Badge.signature(detail.signatures[state.id], words: words)
        switch state.status {
        case .open:
            closed = nil
            closedStatus = ""
        case .merged:
            closed = Closed(label: words["mergedBy"], who: state.closedBy?.name ?? "—", time: state.closedAt.map(DisplayTime.minute) ?? "—",
                            machineTime: state.closedAt.map(DisplayTime.machine) ?? "", reason: nil, lang: nil)
            closedStatus = words["closedMerged"]
        case .withdrawn(let reason):
            let language = TextLanguage.guess(reason, languages: page.content.languages)
            closed = Closed(label: words["withdrawnBy"], who: state.closedBy?.name ?? "—", time: state.closedAt.map(DisplayTime.minute) ?? "—",
                            machineTime: state.closedAt.map(DisplayTime.machine) ?? "", reason: reason.isEmpty ? nil : reason,
                            lang: language == page.language ? nil : language)
            closedStatus = words["closedWithdrawn"]
        }
        let commitmentIDs = Set(page.content.document.commitments.map(\.id))
        changedCommitments = detail.summary.changedCommitments.map { id in
            CommitmentLink(id: id, href: commitmentIDs.contains(id) ? page.commitmentLink(id) : page.link(SiteLayout.commitments))
        }.markingLast()
        hasChangedCommitments = !changedCommitments.isEmpty
        changedFiles = detail.summary.changedFiles.joined(separator: ", ")
        hasChangedFiles = !changedFiles.isEmpty
        hasChanges = hasChangedCommitments || hasChangedFiles
        base = state.base.short()
        head = detail.summary.head?.short() ?? "—"
        hasDescription = !state.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        // A text the co-chairs hid is not published; the reason is, in its place (docs/SECURITY.md, "Hosts").
        descriptionHTML = page.prose(state.hidden.map(Moderation.placeholder) ?? state.description, headingLevel: 3)
        let descriptionLanguage = TextLanguage.guess(state.description, languages: page.content.languages)
        descriptionLang = descriptionLanguage == page.language ? nil : descriptionLanguage
        isOpen = state.status == .open
        // The gate's sentences are nap's own messages, in the page's language; people's addresses are never shown.
        let messageLanguage = Language(rawValue: page.language) ?? .english
        blockers = detail.blockers.map { Blocker(text: Privacy.withoutAddresses($0.resolved(in: messageLanguage)), lang: nil) }
        hasBlockers = !blockers.isEmpty
        englishNote = nil
        signaturesRequired = detail.signaturesRequired
        hasProblems = !detail.problems.isEmpty
        problemNote = words.format("problemNote", String(detail.problems.count))
        proposalResponses = ResponseView(state.responses, page: page, signatures: detail.signatures).map { [$0] } ?? []
        proposalResponseNote = state.author.sector == "government" ? words["noResponseNeeded"] : words["noResponseYet"]
        reportHref = page.link(SiteLayout.responsesPath(of: proposal))

        // Threads: anchored ones placed in the diff (or listed as outdated), the others as general discussion.
        let threads = ThreadView.threads(of: detail, page: page)
        var anchoredByPath: [String: [(start: Int, end: Int, anchor: Anchor, thread: ThreadView)]] = [:]
        var outdated: [Placed] = []
        var general: [ThreadView] = []
        for (root, view) in threads {
            guard let anchor = root.anchor else { general.append(view); continue }
            if case .current(let start, let end)? = detail.anchors[root.id] {
                anchoredByPath[anchor.path, default: []].append((start, end, anchor, view))
            } else {
                let range = anchor.startLine == anchor.endLine ? "\(anchor.startLine)" : "\(anchor.startLine)–\(anchor.endLine)"
                outdated.append(Placed(where: "\(anchor.path): " + words.format("linesLabel", range) + " @ " + anchor.head.short(),
                                       quote: anchor.quote, thread: view))
            }
        }
        var files: [DiffFileView] = []
        for (index, file) in loaded.files.enumerated() {
            files.append(DiffFileView(file, index: index + 1, anchored: anchoredByPath.removeValue(forKey: file.path) ?? [], page: page,
                                       proposal: state.id))
        }
        // Threads on files the diff does not show stand as outdated too, with their quotes.
        for (path, items) in anchoredByPath.sorted(by: { $0.key < $1.key }) {
            for item in items {
                let range = item.start == item.end ? "\(item.start)" : "\(item.start)–\(item.end)"
                outdated.append(Placed(where: "\(path): " + words.format("linesLabel", range), quote: item.anchor.quote, thread: item.thread))
            }
        }
        self.files = files
        self.outdated = outdated
        hasOutdated = !outdated.isEmpty
        self.general = general
        let currentHead = detail.summary.head
        reviews = state.reviews.map { review in
            let isCurrent = review.head == currentHead
            let language = TextLanguage.guess(review.body, languages: page.content.languages)
            return ReviewItem(author: review.author.name, sector: page.sector(of: review.author),
                              verdict: words[review.verdict == .approve ? "approve" : "requestChanges"], head: review.head.short(),
                              freshness: isCurrent ? "current" : "stale", freshnessLabel: words[isCurrent ? "current" : "stale"],
                              time: DisplayTime.minute(review.time), machineTime: DisplayTime.machine(review.time),
                              signature: Badge.signature(detail.signatures[review.id], words: words),
                              hasBody: !review.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, bodyHTML: page.prose(review.body), lang: language == page.language ? nil : language)
        }
        hasReviews = !reviews.isEmpty
        commentHref = state.status == .open ? page.serverLink("comment", query: [("proposal", state.id)]) : nil
        actHref = page.serverLink("act", query: [("proposal", state.id)])
        revisions = state.revisions.map { revision in
            RevisionItem(head: revision.head.short(), time: DisplayTime.minute(revision.time), machineTime: DisplayTime.machine(revision.time),
                         recordedBy: revision.recordedBy.name, rewritten: revision.rewritten)
        }
    }
}

extension ProposalView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("t", t)
        fields.add("slug", slug)
        fields.add("state", state)
        fields.add("stateLabel", stateLabel)
        fields.add("title", title)
        fields.add("author", author)
        fields.add("sector", sector)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("openedSignature", openedSignature)
        fields.add("closed", closed)
        fields.add("changedCommitments", changedCommitments)
        fields.add("hasChangedCommitments", hasChangedCommitments)
        fields.add("changedFiles", changedFiles)
        fields.add("hasChangedFiles", hasChangedFiles)
        fields.add("hasChanges", hasChanges)
        fields.add("base", base)
        fields.add("head", head)
        fields.add("hasDescription", hasDescription)
        fields.add("descriptionHTML", descriptionHTML)
        fields.add("descriptionLang", descriptionLang)
        fields.add("isOpen", isOpen)
        fields.add("hasBlockers", hasBlockers)
        fields.add("blockers", blockers)
        fields.add("englishNote", englishNote)
        fields.add("closedStatus", closedStatus)
        fields.add("signaturesRequired", signaturesRequired)
        fields.add("hasProblems", hasProblems)
        fields.add("problemNote", problemNote)
        fields.add("proposalResponses", proposalResponses)
        fields.add("proposalResponseNote", proposalResponseNote)
        fields.add("reportHref", reportHref)
        fields.add("files", files)
        fields.add("hasOutdated", hasOutdated)
        fields.add("outdated", outdated)
        fields.add("general", general)
        fields.add("hasReviews", hasReviews)
        fields.add("reviews", reviews)
        fields.add("revisions", revisions)
        fields.add("commentHref", commentHref)
        fields.add("actHref", actHref)
    }
}

extension ProposalView.Closed: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("who", who)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("reason", reason)
        fields.add("lang", lang)
    }
}

extension ProposalView.CommitmentLink: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("href", href)
        fields.add("isLast", isLast)
    }
}

extension ProposalView.Blocker: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("text", text)
        fields.add("lang", lang)
    }
}

extension ProposalView.ReviewItem: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("author", author)
        fields.add("sector", sector)
        fields.add("verdict", verdict)
        fields.add("head", head)
        fields.add("freshness", freshness)
        fields.add("freshnessLabel", freshnessLabel)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("signature", signature)
        fields.add("hasBody", hasBody)
        fields.add("bodyHTML", bodyHTML)
        fields.add("lang", lang)
    }
}

extension ProposalView.RevisionItem: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("head", head)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("recordedBy", recordedBy)
        fields.add("rewritten", rewritten)
    }
}
