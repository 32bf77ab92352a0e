import Foundation
import Localization

/// The meetings of the forum and how they kept the promises of the `process:` block (GOVERNANCE.md rule 7):
/// minutes recorded within their days, agendas published early enough, no gap between meetings longer
/// than promised, enough implementation meetings. Reported, never enforced: what happened is recorded.
public struct MeetingsOverview: Sendable {
    /// A promise not kept, or not yet kept.
    public struct Finding: Sendable, Hashable {
        /// `minutes-late`, `agenda-late`, `agenda-missing`, `meeting-gap`, `implementation-meetings`.
        public let kind: String
        /// The meeting concerned, if one is.
        public let meeting: String?
        /// What was found, in any language (`text.localized` for people).
        public let text: Message
        /// What was found, in English (`--json`).
        public var message: String { text.description }

        init(kind: String, meeting: String?, message: Message) {
            self.kind = kind
            self.meeting = meeting
            self.text = message
        }
    }

    public let meetings: [MeetingState]
    public let findings: [Finding]
    /// Record files and events that were ignored, across every meeting folder.
    public let problems: [PlanError]
}

extension PlanStore {
    /// Every meeting, and the findings on the forum's promises about them as of `now`.
    public func meetingsOverview(now: Date? = nil) throws -> MeetingsOverview {
        let now = now ?? self.now
        let meetings = try self.meetings()
        let process = try mainHead().flatMap { try loadPlan(at: $0).plan?.process } ?? PlanProcess()
        var findings: [MeetingsOverview.Finding] = []
        var problems = try record.processSubjects(in: ProcessSubject.meetingsFolder).problems
        let held = meetings.compactMap { state in state.current.map { (state, $0.record) } }
        for (state, meeting) in held {
            if let days = process.minutesWithinDays, let first = state.firstRecorded, let recorded = PlanDate.day(of: first) {
                let after = recorded.firstDayNumber - meeting.date.firstDayNumber
                if after > days {
                    findings.append(.init(kind: "minutes-late", meeting: meeting.id,
                                          message: L("the minutes of \(meeting.id) (\(meeting.date)) were recorded \(after) days after it; the forum promised \(days)")))
                }
            }
            if let days = process.agendaDaysBefore {
                if let agenda = meeting.agendaPublished {
                    let before = meeting.date.firstDayNumber - agenda.lastDayNumber
                    if before < days {
                        findings.append(.init(kind: "agenda-late", meeting: meeting.id,
                                              message: L("the agenda of \(meeting.id) was published \(max(0, before)) days before it; the forum promised \(days)")))
                    }
                } else {
                    findings.append(.init(kind: "agenda-missing", meeting: meeting.id,
                                          message: L("the record of \(meeting.id) does not say when its agenda was published (agenda-published)")))
                }
            }
        }
        if let months = process.meetingEveryMonths, let today = PlanDate.day(of: now) {
            let limit = months * 31
            var previous: PlanDate?
            for (_, meeting) in held {
                if let previous, meeting.date.firstDayNumber - previous.firstDayNumber > limit {
                    findings.append(.init(kind: "meeting-gap", meeting: meeting.id,
                                          message: L("\(meeting.date.firstDayNumber - previous.firstDayNumber) days passed between the meetings of \(previous) and \(meeting.date); the forum promised one at least every \(months) months")))
                }
                previous = meeting.date
            }
            if let last = previous, today.firstDayNumber - last.firstDayNumber > limit {
                findings.append(.init(kind: "meeting-gap", meeting: nil,
                                      message: L("no meeting has been recorded since \(last) (\(today.firstDayNumber - last.firstDayNumber) days); the forum promised one at least every \(months) months")))
            }
        }
        if let required = process.implementationMeetings, required > 0, let implementation = process.phase(.implementation),
           let today = PlanDate.day(of: now), today.firstDayNumber >= implementation.period.start.firstDayNumber {
            let count = held.filter { $0.1.kind == .implementation && implementation.period.contains($0.1.date) }.count
            if count < required {
                let ended = today.firstDayNumber > implementation.period.end.lastDayNumber
                findings.append(.init(kind: "implementation-meetings", meeting: nil,
                                      message: ended ? Message.plural(count, one: L("1 implementation meeting recorded during implementation (\(implementation.period)); the forum promised at least \(required)"), other: L("\(count) implementation meetings recorded during implementation (\(implementation.period)); the forum promised at least \(required)")) : Message.plural(count, one: L("1 implementation meeting recorded so far in implementation (\(implementation.period)); the forum promised at least \(required)"), other: L("\(count) implementation meetings recorded so far in implementation (\(implementation.period)); the forum promised at least \(required)"))))
            }
        }
        for state in meetings {
            problems += state.problems
            problems += state.quarantined.map(\.problem)
        }
        return MeetingsOverview(meetings: meetings, findings: findings, problems: problems)
    }
}
