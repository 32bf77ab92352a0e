import Foundation
import Localization
import PlanKit

/// `nap meeting show --json` and the meetings in `nap meetings --json` (docs/CLI.md).
struct MeetingJSON: Encodable {
    struct VersionJSON: Encodable {
        let event: String
        let author: EventAuthor
        let time: Date
    }

    struct DecisionJSON: Encodable {
        let proposal: String
        let slug: String
        let outcome: String
        let reason: String
    }

    let id: String
    let date: String
    let kind: String
    let title: [String: String]
    let agendaPublished: String?
    let attendees: [String]
    let publicAttendance: [String: Int]
    let links: [MeetingLink]
    let minutes: [String: String]
    let decisions: [DecisionJSON]
    let recordedBy: EventAuthor
    let firstRecorded: Date
    let versions: [VersionJSON]
    let problems: [String]

    enum CodingKeys: String, CodingKey {
        case id, date, kind, title, attendees, links, minutes, decisions, versions, problems
        case agendaPublished = "agenda_published", publicAttendance = "public_attendance", recordedBy = "recorded_by"
        case firstRecorded = "first_recorded"
    }

    /// Nil for a folder with no admitted record (only problems).
    init?(_ state: MeetingState) {
        guard let current = state.current, let first = state.firstRecorded else { return nil }
        let record = current.record
        id = state.id
        date = record.date.description
        kind = record.kind.rawValue
        title = record.title
        agendaPublished = record.agendaPublished?.description
        attendees = record.attendees
        publicAttendance = record.publicAttendance
        links = record.links
        minutes = record.minutes
        decisions = record.decisions.map { DecisionJSON(proposal: $0.proposal, slug: $0.slug, outcome: $0.outcome.rawValue, reason: $0.reason) }
        recordedBy = current.author
        firstRecorded = first
        versions = state.versions.map { VersionJSON(event: $0.id, author: $0.author, time: $0.time) }
        problems = (state.problems + state.quarantined.map(\.problem)).map(\.description)
    }
}

extension MeetingJSON {
    /// The JSON of a meeting; a meeting whose folder holds only ignored files is an error people can read.
    static func required(_ state: MeetingState) throws -> MeetingJSON {
        guard let json = MeetingJSON(state) else {
            let reasons = Message.joined((state.problems + state.quarantined.map(\.problem)).map(\.message), separator: L("; "))
            throw PlanError.refused(reason: L("meeting \(state.id) has no valid record: \(reasons)"), hint: L("docs/SECURITY.md: ignored events are kept and reported"))
        }
        return json
    }
}

/// The text of `nap meeting show`.
enum MeetingRendering {
    static func text(_ state: MeetingState) -> String {
        var out: [String] = []
        guard let current = state.current else {
            out.append(L("meeting \(SafeText.line(state.id)): no valid record").localized)
            for problem in state.problems + state.quarantined.map(\.problem) { out.append("  ! " + SafeText.line(problem.message.localized)) }
            return out.joined(separator: "\n")
        }
        let record = current.record
        out.append(L("meeting \(SafeText.line(record.id))  \(record.date)  \(Words.meetingKind(record.kind.rawValue).localized.uppercased())").localized)
        for (language, title) in record.title.sorted(by: { $0.key < $1.key }) { out.append("  \(language): \(SafeText.line(title))") }
        out.append(L("recorded by \(Labels.author(current.author)) on \(Labels.time(current.time))").localized
                   + (state.versions.count > 1 ? L(" (version \(state.versions.count); first recorded \(Labels.time(state.firstRecorded ?? current.time)))").localized : ""))
        if let agenda = record.agendaPublished { out.append(L("agenda published \(agenda)").localized) }
        out.append(L("attendees: \(record.attendees.isEmpty ? L("none listed").localized : record.attendees.map(SafeText.line).joined(separator: ", "))").localized)
        if !record.publicAttendance.isEmpty {
            out.append(L("public attendance: \(record.publicAttendance.sorted { $0.key < $1.key }.map { "\(Words.sector($0.key).localized) \($0.value)" }.joined(separator: ", "))").localized)
        }
        for link in record.links { out.append("\(link.kind.rawValue): \(SafeText.line(link.url))") }
        if !record.decisions.isEmpty {
            out.append("")
            out.append(L("Decisions").localized)
            for decision in record.decisions {
                out.append("  \(SafeText.line(decision.slug))  \(Words.disposition(decision.outcome.rawValue).localized)")
                out.append(ProposalRendering.indent(SafeText.display(decision.reason), by: "    "))
            }
        }
        for (language, minutes) in record.minutes.sorted(by: { $0.key < $1.key }) {
            out.append("")
            out.append(L("Minutes (\(language))").localized)
            out.append(ProposalRendering.indent(SafeText.display(minutes), by: "  "))
        }
        let problems = state.problems + state.quarantined.map(\.problem)
        if !problems.isEmpty {
            out.append("")
            out.append(L("Record problems (ignored)").localized)
            for problem in problems { out.append("  ! " + SafeText.line(problem.message.localized)) }
        }
        return out.joined(separator: "\n")
    }
}
