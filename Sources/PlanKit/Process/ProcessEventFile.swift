import Foundation
import Localization

/// The stored shape of a process event: common fields and the type's own, flat, keys in kebab case where
/// they have two words (docs/STORAGE.md, "Meetings and progress").
struct ProcessEventFile: Codable {
    var version: Int
    var type: String
    var meeting: String?
    var commitment: String?
    var author: EventAuthor
    var time: String
    var clock: Int
    // meeting
    var date: String?
    var kind: String?
    var title: [String: String]?
    var agendaPublished: String?
    var attendees: [String]?
    var publicAttendance: [String: Int]?
    var links: [MeetingLink]?
    var minutes: [String: String]?
    var decisions: [MeetingDecision]?
    // progress
    var milestone: Int?
    var status: CompletionLevel?
    var evidence: [String]?
    var body: String?
    var delay: String?
    var asOf: String?
    // progress-comment, progress-response
    var target: String?
    var disposition: Disposition?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case version, type, meeting, commitment, author, time, clock, date, kind, title, attendees, links, minutes, decisions
        case milestone, status, evidence, body, delay, target, disposition, reason
        case agendaPublished = "agenda-published", publicAttendance = "public-attendance", asOf = "as-of"
    }

    init(_ event: ProcessEvent) {
        version = event.version
        type = event.body.typeName
        author = event.author
        time = Timestamp.format(event.time)
        clock = event.clock
        switch event.subject {
        case .meeting(let id): meeting = id
        case .commitment(let id): commitment = id
        }
        switch event.body {
        case .meeting(let record):
            date = record.date.description
            kind = record.kind.rawValue
            title = record.title.isEmpty ? nil : record.title
            agendaPublished = record.agendaPublished?.description
            attendees = record.attendees
            publicAttendance = record.publicAttendance
            links = record.links
            minutes = record.minutes
            decisions = record.decisions
        case .progress(let report):
            milestone = report.milestone
            status = report.status
            evidence = report.evidence
            body = report.text
            delay = report.delay
            asOf = report.asOf.description
        case .progressComment(let target, let body):
            self.target = target
            self.body = body
        case .progressResponse(let target, let disposition, let reason):
            self.target = target
            self.disposition = disposition
            self.reason = reason
        }
    }

    /// The event, after every bound is checked (`ProcessEventBounds`).
    func event() throws -> ProcessEvent {
        typealias Key = CodingKeys
        guard let instant = Timestamp.parse(time) else { throw ProcessEventBounds.fail(.time, L("not a time: \(time.prefix(40))")) }
        try ProcessEventBounds.check(self)
        let subject: ProcessSubject
        switch (meeting, commitment) {
        case (let id?, nil): subject = .meeting(id)
        case (nil, let id?): subject = .commitment(id)
        default: throw ProcessEventBounds.fail(.meeting, L("a process event names exactly one meeting or one commitment"))
        }
        let body: ProcessEventBody
        switch (type, subject) {
        case ("meeting", .meeting(let id)):
            guard let kindText = kind, let kind = MeetingKind(rawValue: kindText) else { throw ProcessEventBounds.fail(.kind, L("not a meeting kind")) }
            body = .meeting(MeetingRecord(
                id: id, date: try day(need(date, .date), .date), kind: kind, title: title ?? [:],
                agendaPublished: try agendaPublished.map { try day($0, .agendaPublished) }, attendees: attendees ?? [],
                publicAttendance: publicAttendance ?? [:], links: links ?? [], minutes: minutes ?? [:], decisions: decisions ?? []))
        case ("progress", .commitment(let id)):
            body = .progress(ProgressReport(commitment: id, milestone: milestone, status: try need(status, .status), evidence: evidence ?? [],
                                            text: try need(self.body, .body), delay: delay, asOf: try day(need(asOf, .asOf), .asOf)))
        case ("progress-comment", .commitment):
            body = .progressComment(target: try need(target, .target), body: try need(self.body, .body))
        case ("progress-response", .commitment):
            body = .progressResponse(target: try need(target, .target), disposition: try need(disposition, .disposition), reason: try need(reason, .reason))
        default:
            throw ProcessEventBounds.fail(.type, meeting == nil ? L("'\(type.prefix(40))' is not a process event type for a commitment") : L("'\(type.prefix(40))' is not a process event type for a meeting"))
        }
        var event = ProcessEvent(subject: subject, author: author, time: instant, clock: clock, body: body)
        event.version = version
        return event
    }

    private func need<T>(_ value: T?, _ key: CodingKeys) throws -> T {
        guard let value else { throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "missing")) }
        return value
    }

    /// A calendar day (`YYYY-MM-DD`), never a month.
    private func day(_ text: String, _ key: CodingKeys) throws -> PlanDate {
        guard let date = PlanDate(text), date.day != nil else { throw ProcessEventBounds.fail(key, L("not a day (YYYY-MM-DD): \(text.prefix(40))")) }
        return date
    }
}
