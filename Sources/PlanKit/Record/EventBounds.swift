import Foundation
import Localization

/// The limits every event read from the record must keep (docs/SECURITY.md). The record is written by
/// anyone who can push to the hub, so nothing in an event file is trusted: numbers are bounded before any
/// arithmetic is done with them, ids have their exact shape, names are re-checked, texts have a size.
/// An event outside these limits is quarantined by the reader, never interpreted.
public enum EventBounds {
    /// Lamport clocks run from 1 to this (a proposal would need a billion events to reach it, and
    /// `clock + 1` can never overflow).
    public static let maximumClock = 1_000_000_000
    /// Anchored line numbers run from 1 to this.
    public static let maximumLine = 10_000_000
    /// The longest name or email address of an author, in bytes.
    public static let maximumNameBytes = 512
    /// The longest title, slug or other one-line field, in bytes.
    public static let maximumLineBytes = 4 * 1024
    /// The longest free text (a comment, a reason, a description), in bytes; the same limit as writing.
    public static var maximumTextBytes: Int { PlanStore.maximumTextBytes }

    /// The earliest and latest times an event may carry (2000-01-01 and 9999-12-31, UTC).
    public static let earliestTime = Date(timeIntervalSince1970: 946_684_800)
    public static let latestTime = Date(timeIntervalSince1970: 253_402_300_799)

    /// Sectors an author can be recorded with: the members' sectors and `public`.
    public static let knownSectors: Set<String> = Set(Sector.allCases.map(\.rawValue) + ["public"])

    /// True when `text` is a full event id: 64 lowercase hex digits.
    public static func isEventID(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The longest id of an input on a platform, and the longest address of it, in bytes.
    public static let maximumSourceIDBytes = 200
    public static let maximumURLBytes = 2048

    /// The limits of an imported input's source: a platform id, an id without control characters, an
    /// http(s) address without spaces, a time in the record's range.
    static func checkSource(_ source: InputSource, fail: (Message) -> RecordFieldProblem) throws {
        if let problem = Identifier.problem(in: source.platform) { throw fail(L("not a platform id: \(problem)")) }
        guard !source.id.isEmpty, source.id.utf8.count <= maximumSourceIDBytes,
              !source.id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw fail(L("an input id is 1 to \(maximumSourceIDBytes) bytes without control characters"))
        }
        if let url = source.url, problemOfURL(url) != nil { throw fail(L("not an http(s) address of at most \(maximumURLBytes) bytes")) }
        if let submitted = source.submitted, !(earliestTime...latestTime).contains(submitted) { throw fail(L("submitted is not between 2000 and 9999")) }
    }

    /// Why `url` is not an address an input may have (http or https, no spaces or control characters).
    public static func problemOfURL(_ url: String) -> Message? {
        guard url.utf8.count <= maximumURLBytes else { return L("longer than \(maximumURLBytes) bytes") }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return L("not an http:// or https:// address") }
        guard !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            return L("it holds spaces or control characters")
        }
        return nil
    }

    /// Throws a decoding error naming the first field outside the limits.
    static func check(_ file: EventFile, time: Date) throws {
        typealias Key = EventFile.CodingKeys
        func fail(_ key: Key, _ why: Message) -> RecordFieldProblem {
            RecordFieldProblem(field: key.stringValue, why: why)
        }
        guard (earliestTime...latestTime).contains(time) else { throw fail(.time, L("\(file.time) is not between 2000 and 9999")) }
        guard (1...maximumClock).contains(file.clock) else { throw fail(.clock, L("clock \(file.clock) is outside 1…\(maximumClock)")) }
        if let proposal = file.proposal, !isEventID(proposal) { throw fail(.proposal, L("not an event id (64 hex digits)")) }
        for (key, value) in [(Key.replyTo, file.replyTo), (.comment, file.comment), (.target, file.target)] {
            if let value, !isEventID(value) { throw fail(key, L("not an event id (64 hex digits)")) }
        }
        let author = file.author
        guard author.name.utf8.count <= maximumNameBytes, author.email.utf8.count <= maximumNameBytes,
              (author.member?.utf8.count ?? 0) <= maximumNameBytes else { throw fail(.author, L("a name or address longer than \(maximumNameBytes) bytes")) }
        guard knownSectors.contains(author.sector) else { throw fail(.author, L("unknown sector '\(author.sector.prefix(40))'")) }
        if let role = author.role, Role(rawValue: role) == nil { throw fail(.author, L("unknown role '\(role.prefix(40))'")) }
        if let proxy = file.onBehalfOf {
            for value in [proxy.host] + (proxy.member.map { [$0] } ?? []) where Identifier.problem(in: value) != nil {
                throw fail(.onBehalfOf, L("not a member id: '\(value.prefix(40))'"))
            }
        }
        if let slug = file.slug, let problem = Slug.problem(slug) { throw fail(.slug, L("not a proposal name: \(problem)")) }
        if let meeting = file.meeting, let problem = Identifier.problem(in: meeting) { throw fail(.meeting, L("not a meeting id: \(problem)")) }
        for (key, value) in [(Key.title, file.title)] {
            if let value, value.utf8.count > maximumLineBytes { throw fail(key, L("longer than \(maximumLineBytes) bytes")) }
        }
        for (key, value) in [(Key.description, file.description), (.reason, file.reason), (.body, file.body)] {
            if let value, value.utf8.count > maximumTextBytes { throw fail(key, L("longer than \(maximumTextBytes) bytes")) }
        }
        if let source = file.source { try checkSource(source, fail: { fail(.source, $0) }) }
        if let recorder = file.recordedBy {
            guard recorder.name.utf8.count <= maximumNameBytes, recorder.email.utf8.count <= maximumNameBytes,
                  (recorder.member?.utf8.count ?? 0) <= maximumNameBytes else { throw fail(.recordedBy, L("a name or address longer than \(maximumNameBytes) bytes")) }
            guard knownSectors.contains(recorder.sector) else { throw fail(.recordedBy, L("unknown sector '\(recorder.sector.prefix(40))'")) }
        }
        if let anchor = file.anchor {
            guard (1...maximumLine).contains(anchor.startLine), (anchor.startLine...maximumLine).contains(anchor.endLine) else {
                throw fail(.anchor, L("lines \(anchor.startLine)–\(anchor.endLine) are not a range within 1…\(maximumLine)"))
            }
            guard anchor.path.utf8.count <= maximumLineBytes, !anchor.path.hasPrefix("/"), !anchor.path.split(separator: "/").contains("..") else {
                throw fail(.anchor, L("not a path inside the plan"))
            }
            guard anchor.quote.utf8.count <= maximumTextBytes else { throw fail(.anchor, L("quote longer than \(maximumTextBytes) bytes")) }
        }
    }
}
