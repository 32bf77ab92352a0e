import Localization

/// A meeting as someone wrote it, before nap checked it against the plan: from a meeting document
/// (`nap meeting add <id> --file`), or from options (`--date`, `--kind`, ...). Each field remembers where
/// it was written, so every problem is reported at its place.
public struct MeetingDraft: Sendable {
    /// Where a value was written: a position in a document, or an option of the command line.
    public enum Place: Sendable, Hashable {
        case position(line: Int, column: Int)
        case option(String)
    }

    /// One problem with the draft, at its place.
    public struct Issue: Sendable, Hashable {
        public let place: Place
        public let severity: Diagnostic.Severity
        /// What is wrong, in any language (`text.localized` for people).
        public let text: Message
        /// What is wrong, in English (`--json`, tests).
        public var message: String { text.description }

        public init(place: Place, severity: Diagnostic.Severity, message: Message) {
            self.place = place
            self.severity = severity
            self.text = message
        }
    }

    /// A value and where it was written.
    public struct Placed<Value: Sendable>: Sendable {
        public var value: Value
        public var place: Place

        public init(_ value: Value, at place: Place) {
            self.value = value
            self.place = place
        }
    }

    /// A decision as written: the proposal by name (a slug or an id prefix), not yet resolved.
    public struct Decision: Sendable {
        public var proposal: Placed<String>
        public var outcome: Disposition
        public var reason: String
        public var place: Place

        public init(proposal: Placed<String>, outcome: Disposition, reason: String, place: Place) {
            self.proposal = proposal
            self.outcome = outcome
            self.reason = reason
            self.place = place
        }
    }

    public var id: String
    public var date: Placed<PlanDate>?
    public var kind: MeetingKind?
    public var title: LocalizedText = [:]
    public var agendaPublished: Placed<PlanDate>?
    public var attendees: [Placed<String>] = []
    public var publicAttendance: [String: Int] = [:]
    public var links: [MeetingLink] = []
    public var minutes: LocalizedText = [:]
    /// Where the minutes are (the body's first line, or the option).
    public var minutesPlace: Place
    public var decisions: [Decision] = []
    /// Problems found while reading (the shape of the file or options).
    public var issues: [Issue] = []
    /// Where a problem about the whole meeting is reported.
    public var place: Place

    public init(id: String, place: Place, minutesPlace: Place) {
        self.id = id
        self.place = place
        self.minutesPlace = minutesPlace
    }

    mutating func error(_ message: Message, at place: Place) {
        issues.append(Issue(place: place, severity: .error, message: message))
    }

    mutating func warning(_ message: Message, at place: Place) {
        issues.append(Issue(place: place, severity: .warning, message: message))
    }
}

extension MeetingDraft.Issue {
    /// As a diagnostic of the file `path` (an option's issue names the option in its message).
    public func diagnostic(path: String) -> Diagnostic {
        switch place {
        case .position(let line, let column):
            Diagnostic(path: path, line: line, column: column, severity: severity, message: text)
        case .option(let option):
            Diagnostic(path: path, line: 1, column: 1, severity: severity, message: L("\(option): \(text)"))
        }
    }
}
