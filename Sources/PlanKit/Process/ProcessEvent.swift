import Foundation

/// What a process event is about: one meeting of the forum, or one commitment's implementation. Each has
/// its own folder in the record (docs/STORAGE.md, "Meetings and progress").
public enum ProcessSubject: Sendable, Hashable {
    case meeting(String)
    case commitment(String)

    /// The subject's id (a meeting id or a commitment id).
    public var id: String {
        switch self {
        case .meeting(let id), .commitment(let id): id
        }
    }

    /// The folder of its events in the record tree: `meetings/<id>/events` or `progress/<id>/events`.
    public var directory: String {
        switch self {
        case .meeting(let id): "\(ProcessSubject.meetingsFolder)/\(id)/events"
        case .commitment(let id): "\(ProcessSubject.progressFolder)/\(id)/events"
        }
    }

    /// The record's top-level folders of process events.
    public static let meetingsFolder = "meetings"
    public static let progressFolder = "progress"
}

/// One immutable fact about the plan's process, kept in the record beside the proposals' events: a
/// meeting's record, a progress report, a comment on a progress report, or the reasoned response to one.
/// The same file rules as proposal events hold (content-addressed JSON, signature beside it, add-only).
public struct ProcessEvent: Sendable, Hashable {
    /// Set from the stored bytes; not part of them.
    public var id: EventID
    public var version: Int
    public var subject: ProcessSubject
    public var author: EventAuthor
    public var time: Date
    /// 1 + the highest clock the author had seen in the subject's folder.
    public var clock: Int
    public var body: ProcessEventBody
    /// The armored SSHSIG beside the event, if any. Set when read; not part of the event's bytes.
    public var signature: String?

    public init(subject: ProcessSubject, author: EventAuthor, time: Date, clock: Int, body: ProcessEventBody) {
        self.id = ""
        self.version = Event.formatVersion
        self.subject = subject
        self.author = author
        self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        self.clock = clock
        self.body = body
    }

    /// The event file's path in the record.
    public var path: String { subject.directory + "/\(id).json" }
}

/// What a process event says. Each case is one event type of the record's format.
public enum ProcessEventBody: Sendable, Hashable {
    /// The record of a meeting (a later one revises it).
    case meeting(MeetingRecord)
    /// A progress report on a commitment or one of its milestones.
    case progress(ProgressReport)
    /// A comment on a progress report (`target`: the report's event id): input owed a reasoned response.
    case progressComment(target: EventID, body: String)
    /// The reasoned response to such a comment (`target`: the comment's event id).
    case progressResponse(target: EventID, disposition: Disposition, reason: String)

    /// The type name stored in the file.
    public var typeName: String {
        switch self {
        case .meeting: "meeting"
        case .progress: "progress"
        case .progressComment: "progress-comment"
        case .progressResponse: "progress-response"
        }
    }
}
