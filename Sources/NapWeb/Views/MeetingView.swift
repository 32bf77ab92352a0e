import PlanKit

/// One meeting of the forum: when and what kind, who attended (members by name and organisation, others
/// counted by sector), its documents, its minutes in each language and what it decided about proposals.
struct MeetingView {
    struct Minutes {
        let lang: String?
        let note: String?
        let proseHTML: TrustedHTML
    }

    struct Decision {
        let slug: String
        let href: String?
        let outcomeLabel: String
        let outcome: String
        let reasonLabel: String
        let reason: LangText
    }

    let t: Words
    let heading: String
    let title: LangText?
    let day: String
    let kind: String
    let agenda: String
    let attendees: [String]
    let hasAttendees: Bool
    let publicAttendance: [String]
    let hasPublicAttendance: Bool
    let documents: [Link]
    let hasDocuments: Bool
    let minutes: [Minutes]
    let decisions: [Decision]
    let hasDecisions: Bool
    let recordedBy: String
    let recordedAt: String
    let revised: String?

    init(_ state: MeetingState, page: PageContext) {
        let words = page.words
        t = words
        let record = state.current?.record ?? MeetingRecord(id: state.id, date: page.content.process.asOf, kind: .forum)
        let kindName = ProcessView.meetingKind(record.kind, words: words)
        kind = kindName
        heading = kindName + " " + record.date.description
        title = CommitmentPresentation.pick(record.title, language: page.language, plan: page.content.plan).map { LangText.plan($0, page: page) }
        day = record.date.description
        agenda = record.agendaPublished?.description ?? words["agendaUnknown"]
        let members = page.content.members
        attendees = record.attendees.map { id in
            guard let member = members.member(id: id) else { return id }
            return member.name + (member.organization.map(words.parenthesized) ?? "")
        }
        hasAttendees = !attendees.isEmpty
        let colon = words.pick("：", ": ")
        publicAttendance = record.publicAttendance.sorted { $0.key < $1.key }.map { words.sector($0.key) + colon + String($0.value) }
        hasPublicAttendance = !publicAttendance.isEmpty
        documents = record.links.filter { $0.url.hasPrefix("https://") || $0.url.hasPrefix("http://") }.map { link in
            Link(label: words["link" + link.kind.rawValue.prefix(1).uppercased() + link.kind.rawValue.dropFirst()], href: link.url)
        }.markingLast()
        hasDocuments = !documents.isEmpty
        // The page's language first, then the others, each marked with its language.
        let languages = [page.language] + record.minutes.keys.sorted().filter { $0 != page.language }
        minutes = languages.compactMap { language in
            guard let text = record.minutes[language], !text.isEmpty else { return nil }
            let other = language != page.language
            return Minutes(lang: other ? language : nil, note: other ? words.format("inOtherLanguage", Words.languageName(language)) : nil,
                           proseHTML: page.prose(text))
        }
        decisions = record.decisions.map { decision in
            Decision(slug: decision.slug, href: page.content.proposal(id: decision.proposal).map { page.link($0.path) } ?? page.proposalLink(slug: decision.slug),
                     outcomeLabel: words["outcome"] + colon, outcome: words.disposition(decision.outcome.rawValue),
                     reasonLabel: words["reason"] + colon, reason: .written(decision.reason, page: page))
        }
        hasDecisions = !decisions.isEmpty
        let version = state.current
        recordedBy = version.map { $0.author.name + words.parenthesized(page.sector(of: $0.author)) } ?? "—"
        recordedAt = version.map { DisplayTime.minute($0.time) } ?? "—"
        revised = state.versions.count > 1 ? words.format("revisedTimes", String(state.versions.count - 1)) : nil
    }
}
