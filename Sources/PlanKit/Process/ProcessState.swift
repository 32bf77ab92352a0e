import Foundation
import Localization

/// A process event the states did not use, and why (as `QuarantinedEvent` for proposal events).
public struct QuarantinedProcessEvent: Sendable, Equatable {
    public let id: EventID
    public let path: String
    public let type: String
    /// Why, for people (English in `--json`: `Message` encodes as English).
    public let reason: Message

    /// As a record problem, for listings of what was ignored.
    public var problem: PlanError { .quarantined(path: path, reason: reason) }
}

/// One meeting as the record has it: the record in force (the last admitted `meeting` event) and every
/// earlier version, with who recorded each and when.
public struct MeetingState: Sendable {
    /// One recorded version of the meeting.
    public struct Version: Sendable {
        public let id: EventID
        public let record: MeetingRecord
        public let author: EventAuthor
        public let time: Date
        public let signature: String?
    }

    public let id: String
    /// Every version, oldest first; the last is in force.
    public let versions: [Version]
    /// Events of this meeting's folder that were not used, and why.
    public let quarantined: [QuarantinedProcessEvent]
    /// Files of the folder that are not valid events.
    public let problems: [PlanError]
    /// The highest clock in the folder: the next event gets one more.
    public let clock: Int

    /// The record in force; nil when no event of the folder was admitted.
    public var current: Version? { versions.last }
    /// When the minutes were first recorded.
    public var firstRecorded: Date? { versions.first?.time }
}

/// One commitment's implementation as the record has it: its progress reports, the comments on them and
/// the reasoned responses to those.
public struct CommitmentProgress: Sendable {
    /// One progress report, as recorded.
    public struct Entry: Sendable {
        public let id: EventID
        public let report: ProgressReport
        public let author: EventAuthor
        public let time: Date
        public let signature: String?
    }

    /// A comment on a progress report, and its responses (the last in force).
    public struct Comment: Sendable {
        public let id: EventID
        public let target: EventID
        public let author: EventAuthor
        public let time: Date
        public let body: String
        public internal(set) var responses: [ReasonedResponse]

        /// Whether it is input owed a reasoned response: from outside government, by someone other than
        /// the report's author, with no response yet.
        func isOwed(reportAuthor: EventAuthor?) -> Bool {
            responses.isEmpty && !author.isGovernment && author.email.lowercased() != reportAuthor?.email.lowercased()
        }
    }

    public let commitment: String
    /// Reports in fold order.
    public internal(set) var reports: [Entry] = []
    public internal(set) var comments: [Comment] = []
    public internal(set) var quarantined: [QuarantinedProcessEvent] = []
    public internal(set) var problems: [PlanError] = []
    public internal(set) var clock = 0

    /// The comments owed a reasoned response.
    public var owed: [Comment] {
        comments.filter { comment in comment.isOwed(reportAuthor: reports.first { $0.id == comment.target }?.author) }
    }

    /// The latest report on `milestone` (nil: on the commitment as a whole) dated on or before `day`.
    public func latest(milestone: Int?, asOf day: PlanDate) -> Entry? {
        reports.last { $0.report.milestone == milestone && $0.report.asOf.firstDayNumber <= day.lastDayNumber }
    }
}

extension MeetingState {
    /// Folds a meeting folder's events (sorted here) under `authority`.
    static func fold(id: String, events: [ProcessEvent], problems: [PlanError], authority: ProcessAuthority) throws -> MeetingState {
        var admission = ProcessAdmission(authority: authority)
        var versions: [Version] = []
        var quarantined: [QuarantinedProcessEvent] = []
        for event in events.sorted(by: { ($0.clock, $0.id) < ($1.clock, $1.id) }) {
            switch try admission.admit(event) {
            case .success(let event):
                if case .meeting(let record) = event.body {
                    versions.append(Version(id: event.id, record: record, author: event.author, time: event.time, signature: event.signature))
                }
            case .failure(let reason):
                quarantined.append(QuarantinedProcessEvent(id: event.id, path: event.path, type: event.body.typeName, reason: reason.text))
            }
        }
        return MeetingState(id: id, versions: versions, quarantined: quarantined, problems: problems, clock: events.map(\.clock).max() ?? 0)
    }
}

extension CommitmentProgress {
    /// Folds a commitment's progress folder (sorted here) under `authority`.
    static func fold(commitment: String, events: [ProcessEvent], problems: [PlanError], authority: ProcessAuthority) throws -> CommitmentProgress {
        var state = CommitmentProgress(commitment: commitment)
        state.problems = problems
        var admission = ProcessAdmission(authority: authority)
        for event in events.sorted(by: { ($0.clock, $0.id) < ($1.clock, $1.id) }) {
            state.clock = max(state.clock, event.clock)
            switch try admission.admit(event) {
            case .success(let event):
                switch event.body {
                case .progress(let report):
                    state.reports.append(Entry(id: event.id, report: report, author: event.author, time: event.time, signature: event.signature))
                case .progressComment(let target, let body):
                    state.comments.append(Comment(id: event.id, target: target, author: event.author, time: event.time, body: body, responses: []))
                case .progressResponse(let target, let disposition, let reason):
                    if let index = state.comments.firstIndex(where: { $0.id == target }) {
                        state.comments[index].responses.append(ReasonedResponse(id: event.id, target: target, disposition: disposition, reason: reason,
                                                                                 author: event.author, time: event.time, signature: event.signature))
                    }
                case .meeting:
                    break
                }
            case .failure(let reason):
                state.quarantined.append(QuarantinedProcessEvent(id: event.id, path: event.path, type: event.body.typeName, reason: reason.text))
            }
        }
        return state
    }
}
