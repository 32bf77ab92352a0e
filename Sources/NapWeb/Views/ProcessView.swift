import Localization
import PlanKit

/// The process page: the published timeline with the phase of the site's day, the forum's promises, the
/// meetings with what they decided, and how the promises about meetings were kept.
struct ProcessView {
    struct Phase {
        let name: String
        let start: String
        let end: String
        let status: String
        let current: Bool
    }

    struct MeetingItem {
        let href: String
        let day: String
        let kind: String
        let title: LangText?
        let attendance: String
        let decisions: Int
    }

    let t: Words
    let asOf: String
    let phases: [Phase]
    let hasTimeline: Bool
    let timelinePublished: String?
    let currentPhase: String?
    let promises: [String]
    let meetings: [MeetingItem]
    let findings: [LangText]
    let hasPromises: Bool
    let hasMeetings: Bool
    let hasFindings: Bool
    let implementationHref: String

    init(page: PageContext) {
        let words = page.words
        let process = page.content.process
        t = words
        asOf = words.format("asOfDay", process.asOf.description)
        let today = process.asOf.firstDayNumber
        let current = process.currentPhase
        phases = process.timeline.phases.map { phase in
            let status = phase == current ? words["phaseCurrent"]
                : phase.period.end.lastDayNumber < today ? words["phasePast"] : words["phaseUpcoming"]
            return Phase(name: ProcessView.phaseName(phase.kind, words: words), start: phase.period.start.description,
                         end: phase.period.end.description, status: status, current: phase == current)
        }
        hasTimeline = !phases.isEmpty
        timelinePublished = process.timeline.timelinePublished.map { words.format("timelinePublished", $0.description) }
        currentPhase = current.map { ProcessView.phaseName($0.kind, words: words) }
        promises = ProcessView.promises(process, words: words)
        meetings = process.meetings.compactMap { state in
            guard let record = state.current?.record, let path = process.meetingPaths[state.id] else { return nil }
            let others = record.publicAttendance.values.reduce(0, +)
            return MeetingItem(href: page.link(path), day: record.date.description, kind: ProcessView.meetingKind(record.kind, words: words),
                               title: CommitmentPresentation.pick(record.title, language: page.language, plan: page.content.plan).map { LangText.plan($0, page: page) },
                               attendance: words.format("attendeesCount", String(record.attendees.count), String(others)),
                               decisions: record.decisions.count)
        }
        // The findings are nap's own sentences, in the page's language.
        let messageLanguage = Language(rawValue: page.language) ?? .english
        findings = process.findings.map { .neutral($0.text.resolved(in: messageLanguage)) }
        implementationHref = page.link(SiteLayout.implementation)
        hasPromises = !promises.isEmpty
        hasMeetings = !meetings.isEmpty
        hasFindings = !findings.isEmpty
    }

    static func phaseName(_ kind: TimelinePhase.Kind, words: Words) -> String {
        words.pick(kind.chineseName, kind.englishName)
    }

    static func meetingKind(_ kind: MeetingKind, words: Words) -> String {
        switch kind {
        case .forum: words["meetingForum"]
        case .consultation: words["meetingConsultation"]
        case .implementation: words["meetingImplementation"]
        case .public: words["meetingPublic"]
        }
    }

    static func promises(_ process: SiteProcess, words: Words) -> [String] {
        var promises: [String] = []
        if process.policy.minDiscussionDays > 0 { promises.append(words.format("promiseDiscussion", String(process.policy.minDiscussionDays))) }
        if let days = process.policy.responseDays { promises.append(words.format("promiseResponse", String(days))) }
        if let days = process.timeline.minutesWithinDays { promises.append(words.format("promiseMinutes", String(days))) }
        if let days = process.timeline.agendaDaysBefore { promises.append(words.format("promiseAgenda", String(days))) }
        if let months = process.timeline.meetingEveryMonths { promises.append(words.format("promiseMeetings", String(months))) }
        if let count = process.timeline.implementationMeetings, count > 0 { promises.append(words.format("promiseImplementation", String(count))) }
        return promises
    }
}
