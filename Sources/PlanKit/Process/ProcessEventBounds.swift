import Foundation
import Localization

/// The limits every process event read from the record must keep, as `EventBounds` for proposal events:
/// the record is written by anyone who can push to the hub, so every count, list and text has a bound and
/// every id its exact shape before anything is done with it.
public enum ProcessEventBounds {
    /// The most attendees, links, decisions or evidence addresses one event may list.
    public static let maximumAttendees = 1_000
    public static let maximumLinks = 100
    public static let maximumDecisions = 500
    public static let maximumEvidence = 100
    /// The largest attendance count for one sector.
    public static let maximumAttendance = 10_000_000
    /// The longest web address, in bytes.
    public static let maximumURLBytes = 2_048
    /// The highest milestone number (a commitment has a handful).
    public static let maximumMilestone = 1_000

    static func fail(_ key: ProcessEventFile.CodingKeys, _ why: Message) -> RecordFieldProblem {
        RecordFieldProblem(field: key.stringValue, why: why)
    }

    /// Whether `text` is an address nap accepts as a link or as evidence: `https://` or `http://`, no
    /// white space or control characters, at most `maximumURLBytes`.
    public static func isWebAddress(_ text: String) -> Bool {
        guard text.utf8.count <= maximumURLBytes, text.hasPrefix("https://") || text.hasPrefix("http://"), text.count > 8 else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.value < 0x20 }
    }

    /// Throws a decoding error naming the first field outside the limits.
    static func check(_ file: ProcessEventFile) throws {
        typealias Key = ProcessEventFile.CodingKeys
        let text = EventBounds.maximumTextBytes
        let line = EventBounds.maximumLineBytes
        guard (1...EventBounds.maximumClock).contains(file.clock) else { throw fail(.clock, L("clock \(file.clock) is outside 1…\(EventBounds.maximumClock)")) }
        for (key, id) in [(Key.meeting, file.meeting), (.commitment, file.commitment)] {
            if let id, let problem = Identifier.problem(in: id) { throw fail(key, L("not an id: \(problem)")) }
        }
        let author = file.author
        guard author.name.utf8.count <= EventBounds.maximumNameBytes, author.email.utf8.count <= EventBounds.maximumNameBytes,
              (author.member?.utf8.count ?? 0) <= EventBounds.maximumNameBytes else { throw fail(.author, L("a name or address that is too long")) }
        guard EventBounds.knownSectors.contains(author.sector) else { throw fail(.author, L("unknown sector '\(author.sector.prefix(40))'")) }
        if let role = author.role, Role(rawValue: role) == nil { throw fail(.author, L("unknown role '\(role.prefix(40))'")) }
        if let target = file.target, !EventBounds.isEventID(target) { throw fail(.target, L("not an event id (64 hex digits)")) }
        for (key, value, limit) in [(Key.body, file.body, text), (.delay, file.delay, text), (.reason, file.reason, text)] {
            if let value, value.utf8.count > limit { throw fail(key, L("longer than \(limit) bytes")) }
        }
        try checkTexts(file.title, .title, limit: line)
        try checkTexts(file.minutes, .minutes, limit: text)
        if let attendees = file.attendees {
            guard attendees.count <= maximumAttendees else { throw fail(.attendees, L("more than \(maximumAttendees) attendees")) }
            if let bad = attendees.first(where: { Identifier.problem(in: $0) != nil }) { throw fail(.attendees, L("'\(bad.prefix(40))' is not a member id")) }
        }
        if let counts = file.publicAttendance {
            guard counts.count <= EventBounds.knownSectors.count else { throw fail(.publicAttendance, L("too many sectors")) }
            for (sector, count) in counts {
                guard EventBounds.knownSectors.contains(sector) else { throw fail(.publicAttendance, L("unknown sector '\(sector.prefix(40))'")) }
                guard (0...maximumAttendance).contains(count) else { throw fail(.publicAttendance, L("count \(count) is outside 0…\(maximumAttendance)")) }
            }
        }
        if let links = file.links {
            guard links.count <= maximumLinks else { throw fail(.links, L("more than \(maximumLinks) links")) }
            if let bad = links.first(where: { !isWebAddress($0.url) }) { throw fail(.links, L("'\(bad.url.prefix(60))' is not an http(s) address")) }
        }
        if let decisions = file.decisions {
            guard decisions.count <= maximumDecisions else { throw fail(.decisions, L("more than \(maximumDecisions) decisions")) }
            for decision in decisions {
                guard EventBounds.isEventID(decision.proposal) else { throw fail(.decisions, L("a decision names no proposal id (64 hex digits)")) }
                if let problem = Slug.problem(decision.slug) { throw fail(.decisions, L("not a proposal name: \(problem)")) }
                guard decision.reason.utf8.count <= text else { throw fail(.decisions, L("a reason longer than \(text) bytes")) }
            }
        }
        if let milestone = file.milestone, !(1...maximumMilestone).contains(milestone) {
            throw fail(.milestone, L("milestone \(milestone) is outside 1…\(maximumMilestone)"))
        }
        if let evidence = file.evidence {
            guard evidence.count <= maximumEvidence else { throw fail(.evidence, L("more than \(maximumEvidence) addresses")) }
            if let bad = evidence.first(where: { !isWebAddress($0) }) { throw fail(.evidence, L("'\(bad.prefix(60))' is not an http(s) address")) }
        }
    }

    private static func checkTexts(_ texts: [String: String]?, _ key: ProcessEventFile.CodingKeys, limit: Int) throws {
        guard let texts else { return }
        guard texts.count <= 20 else { throw fail(key, L("more than 20 languages")) }
        for (language, value) in texts {
            if let problem = LanguageCode.problem(in: language) { throw fail(key, L("'\(language.prefix(20))': \(problem)")) }
            guard value.utf8.count <= limit else { throw fail(key, L("a text longer than \(limit) bytes")) }
        }
    }
}
