import PlanKit

/// A reasoned response, with the responses it revised.
struct ResponseView {
    struct Earlier {
        let disposition: String
        let author: String
        let time: String
        let machineTime: String
        let lang: String?
        let reason: String
    }

    let pageLang: String
    let disposition: String
    let author: String
    let sector: String
    let time: String
    let machineTime: String
    let signature: Badge?
    let lang: String?
    let reasonHTML: TrustedHTML
    let hasEarlier: Bool
    let earlierLabel: String
    let earlierCount: Int
    let earlier: [Earlier]

    /// `responses`: every response to one input, oldest first; the last is in force.
    init?(_ responses: [ReasonedResponse], page: PageContext, signatures: [EventID: SignatureCheck]) {
        guard let last = responses.last else { return nil }
        let words = page.words
        pageLang = page.language
        disposition = words.disposition(last.disposition.rawValue)
        author = last.author.name
        sector = page.sector(of: last.author)
        time = DisplayTime.minute(last.time)
        machineTime = DisplayTime.machine(last.time)
        signature = Badge.signature(signatures[last.id], words: words)
        let language = TextLanguage.guess(last.reason, languages: page.content.languages)
        lang = language == page.language ? nil : language
        reasonHTML = page.prose(last.reason)
        earlier = responses.dropLast().reversed().map { response in
            let language = TextLanguage.guess(response.reason, languages: page.content.languages)
            return Earlier(disposition: words.disposition(response.disposition.rawValue), author: response.author.name,
                           time: DisplayTime.minute(response.time), machineTime: DisplayTime.machine(response.time),
                           lang: language == page.language ? nil : language, reason: response.reason)
        }
        hasEarlier = !earlier.isEmpty
        earlierLabel = words["earlierLabel"]
        earlierCount = earlier.count
    }
}

/// One comment with its responses.
struct CommentView {
    let pageLang: String
    let shortID: String
    let author: String
    let sector: String
    let time: String
    let machineTime: String
    let resolved: Bool
    let resolvedLabel: String
    let signature: Badge?
    let replyTo: String?
    let replyLabel: String
    let permalinkLabel: String
    let note: String?
    let lang: String?
    let bodyHTML: TrustedHTML
    let responses: [ResponseView]
    let owed: String?

    init(_ comment: CommentState, page: PageContext, detail: ProposalDetail) {
        let words = page.words
        pageLang = page.language
        shortID = String(comment.id.prefix(8))
        author = comment.author.name + (comment.source.map { " (via \($0.platformLabel))" } ?? "")
        sector = page.sector(of: comment.author)
        time = DisplayTime.minute(comment.time)
        machineTime = DisplayTime.machine(comment.time)
        resolved = comment.resolved
        resolvedLabel = words["resolved"]
        signature = Badge.signature(detail.signatures[comment.id], words: words)
        replyTo = comment.replyTo.map { String($0.prefix(8)) }
        replyLabel = words["replyTo"]
        permalinkLabel = words["permalink"]
        let language = TextLanguage.guess(comment.body, languages: page.content.languages)
        lang = language == page.language ? nil : language
        note = lang.map { words.format("inOtherLanguage", Words.languageName($0)) }
        // A comment the co-chairs hid is not published; the reason is, in its place.
        bodyHTML = page.prose(comment.hidden.map(Moderation.placeholder) ?? comment.body)
        responses = ResponseView(comment.responses, page: page, signatures: detail.signatures).map { [$0] } ?? []
        let isOwed = comment.author.sector != "government" && comment.author.email.lowercased() != detail.state.author.email.lowercased()
        owed = comment.responses.isEmpty && isOwed ? words["owedResponse"] : nil
    }
}

/// A thread: a comment and every reply under it, in the record's order.
struct ThreadView {
    let root: CommentView
    let hasReplies: Bool
    let replies: [CommentView]

    /// The threads of a proposal, each with the comment that starts it.
    static func threads(of detail: ProposalDetail, page: PageContext) -> [(root: CommentState, view: ThreadView)] {
        let comments = detail.state.comments
        let byID = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func rootID(of comment: CommentState) -> EventID {
            var current = comment
            var seen: Set<EventID> = [current.id]
            while let parent = current.replyTo.flatMap({ byID[$0] }), seen.insert(parent.id).inserted {
                current = parent
            }
            return current.id
        }
        var order: [EventID] = []
        var replies: [EventID: [CommentState]] = [:]
        for comment in comments {
            let root = rootID(of: comment)
            if root == comment.id { order.append(root) } else { replies[root, default: []].append(comment) }
        }
        return order.compactMap { id in
            guard let root = byID[id] else { return nil }
            let children = (replies[id] ?? []).map { CommentView($0, page: page, detail: detail) }
            return (root, ThreadView(root: CommentView(root, page: page, detail: detail), hasReplies: !children.isEmpty, replies: children))
        }
    }
}

extension ResponseView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("pageLang", pageLang)
        fields.add("disposition", disposition)
        fields.add("author", author)
        fields.add("sector", sector)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("signature", signature)
        fields.add("lang", lang)
        fields.add("reasonHTML", reasonHTML)
        fields.add("hasEarlier", hasEarlier)
        fields.add("earlierLabel", earlierLabel)
        fields.add("earlierCount", earlierCount)
        fields.add("earlier", earlier)
    }
}

extension ResponseView.Earlier: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("disposition", disposition)
        fields.add("author", author)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("lang", lang)
        fields.add("reason", reason)
    }
}

extension CommentView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("pageLang", pageLang)
        fields.add("shortID", shortID)
        fields.add("author", author)
        fields.add("sector", sector)
        fields.add("time", time)
        fields.add("machineTime", machineTime)
        fields.add("resolved", resolved)
        fields.add("resolvedLabel", resolvedLabel)
        fields.add("signature", signature)
        fields.add("replyTo", replyTo)
        fields.add("replyLabel", replyLabel)
        fields.add("permalinkLabel", permalinkLabel)
        fields.add("note", note)
        fields.add("lang", lang)
        fields.add("bodyHTML", bodyHTML)
        fields.add("responses", responses)
        fields.add("owed", owed)
    }
}

extension ThreadView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("root", root)
        fields.add("hasReplies", hasReplies)
        fields.add("replies", replies)
    }
}
