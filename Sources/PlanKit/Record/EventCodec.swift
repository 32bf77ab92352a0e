import Crypto
import Foundation
import GitKit
import Localization

/// The one encoder and decoder of event files: JSON with sorted keys, one field per line, so that stock
/// `git show` and `git diff` read them. The bytes written are final: an event's id is their SHA-256.
public enum EventCodec {
    /// The largest event file nap writes or reads (a 1 MB comment is refused before this).
    public static let maximumSize = 256 * 1024

    /// The bytes of `event` (its `id` is ignored) and the id they give it.
    public static func encode(_ event: Event) throws -> (id: EventID, bytes: [UInt8]) {
        guard (1...EventBounds.maximumClock).contains(event.clock) else {
            throw PlanError.refused(reason: L("this proposal's Lamport clock reached \(EventBounds.maximumClock), the record's limit"), hint: L("open a new proposal"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(EventFile(event))
        data.append(0x0a)
        guard data.count <= maximumSize else {
            throw PlanError.invalidInput(L("the text is too long: an event may be at most \(maximumSize / 1024) KiB"))
        }
        let bytes = [UInt8](data)
        return (id(of: bytes), bytes)
    }

    /// The id of stored event bytes.
    public static func id(of bytes: [UInt8]) -> EventID {
        ObjectID.hex(SHA256.hash(data: bytes))
    }

    /// Reads an event file; `path` is only for error messages. The file is parsed once; only when it is
    /// not an event of this version is it parsed again, for its version alone, to say why.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Event {
        guard bytes.count <= maximumSize else { throw PlanError.corruptRecord(path: path, reason: L("event file larger than \(maximumSize) bytes")) }
        let data = Data(bytes)
        let file: EventFile
        do {
            file = try JSONDecoder().decode(EventFile.self, from: data)
        } catch {
            try checkVersion(of: data, path: path)
            throw PlanError.corruptRecord(path: path, reason: L("malformed event: \(RecordFieldProblem.describe(error))"))
        }
        guard file.version == Event.formatVersion else { throw unknownVersion(file.version, path: path) }
        do {
            var event = try file.event()
            event.id = id(of: bytes)
            return event
        } catch PlanError.corruptRecord(_, let reason) {
            throw PlanError.corruptRecord(path: path, reason: reason)
        } catch {
            throw PlanError.corruptRecord(path: path, reason: L("malformed event: \(RecordFieldProblem.describe(error))"))
        }
    }

    /// Throws when `data` is not JSON with a version, or names a version this nap does not read.
    private static func checkVersion(of data: Data, path: String) throws {
        let probe: VersionProbe
        do { probe = try JSONDecoder().decode(VersionProbe.self, from: data) } catch {
            throw PlanError.corruptRecord(path: path, reason: L("not an event file (not JSON with a version)"))
        }
        guard probe.version == Event.formatVersion else { throw unknownVersion(probe.version, path: path) }
    }

    private static func unknownVersion(_ version: Int, path: String) -> PlanError {
        PlanError.corruptRecord(path: path, reason: L("event format version \(version) is not known to this nap (it reads version \(Event.formatVersion)); upgrade nap"))
    }

    private struct VersionProbe: Decodable { let version: Int }
}

/// The stored shape of an event: common fields and the type's own fields, flat.
struct EventFile: Codable {
    var version: Int
    var type: String
    var proposal: String?
    var author: EventAuthor
    var time: String
    var clock: Int
    // Type-specific fields; absent when the type has none of them.
    var slug: String?
    var title: String?
    var description: String?
    var base: ObjectID?
    var head: ObjectID?
    var previous: ObjectID?
    var rewritten: Bool?
    var reason: String?
    var body: String?
    var anchor: Anchor?
    var replyTo: String?
    var comment: String?
    var target: String?
    var disposition: Disposition?
    var verdict: Verdict?
    var commit: ObjectID?
    var meeting: String?
    var onBehalfOf: OnBehalfOf?
    var source: InputSource?
    var recordedBy: EventAuthor?

    enum CodingKeys: String, CodingKey {
        case version, type, proposal, author, time, clock, slug, title, description, base, head, previous, rewritten
        case reason, body, anchor, replyTo = "reply-to", comment, target, disposition, verdict, commit, meeting
        case onBehalfOf = "on-behalf-of"
        case source, recordedBy = "recorded-by"
    }

    init(_ event: Event) {
        version = event.version
        type = event.body.typeName
        proposal = event.proposal
        author = event.author
        time = Timestamp.format(event.time)
        clock = event.clock
        onBehalfOf = event.onBehalfOf
        source = event.source
        recordedBy = event.recordedBy
        switch event.body {
        case .opened(let slug, let title, let description, let base, let head):
            self.slug = slug; self.title = title; self.description = description; self.base = base; self.head = head
        case .revised(let head, let previous, let rewritten):
            self.head = head; self.previous = previous; self.rewritten = rewritten
        case .withdrawn(let reason): self.reason = reason
        case .comment(let body, let anchor, let replyTo): self.body = body; self.anchor = anchor; self.replyTo = replyTo
        case .resolved(let comment), .reopened(let comment): self.comment = comment
        case .response(let target, let disposition, let reason, let meeting):
            self.target = target; self.disposition = disposition; self.reason = reason; self.meeting = meeting
        case .review(let verdict, let head, let body): self.verdict = verdict; self.head = head; self.body = body
        case .merged(let commit, let head): self.commit = commit; self.head = head
        case .hidden(let target, let reason): self.target = target; self.reason = reason
        }
    }

    func event() throws -> Event {
        guard let date = Timestamp.parse(time) else { throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.time], debugDescription: "not a time: \(time)")) }
        try EventBounds.check(self, time: date)
        let body: EventBody
        switch type {
        case "opened":
            body = .opened(slug: try need(slug, .slug), title: try need(title, .title), description: description ?? "",
                           base: try need(base, .base), head: try need(head, .head))
        case "revised": body = .revised(head: try need(head, .head), previous: previous, rewritten: rewritten ?? false)
        case "withdrawn": body = .withdrawn(reason: try need(reason, .reason))
        case "comment": body = .comment(body: try need(self.body, .body), anchor: anchor, replyTo: replyTo)
        case "resolved": body = .resolved(comment: try need(comment, .comment))
        case "reopened": body = .reopened(comment: try need(comment, .comment))
        case "response":
            body = .response(target: try need(target, .target), disposition: try need(disposition, .disposition), reason: try need(reason, .reason),
                             meeting: meeting)
        case "review": body = .review(verdict: try need(verdict, .verdict), head: try need(head, .head), body: self.body ?? "")
        case "merged": body = .merged(commit: try need(commit, .commit), head: try need(head, .head))
        case "hidden": body = .hidden(target: try need(target, .target), reason: try need(reason, .reason))
        default: throw PlanError.corruptRecord(path: "", reason: L("unknown event type '\(type)'"))
        }
        if case .opened = body {} else if proposal == nil {
            throw DecodingError.keyNotFound(CodingKeys.proposal, .init(codingPath: [], debugDescription: "a \(type) event names its proposal"))
        }
        var event = Event(proposal: proposal, author: author, time: date, clock: clock, body: body)
        event.onBehalfOf = onBehalfOf
        event.source = source
        event.recordedBy = recordedBy
        return event
    }

    private func need<T>(_ value: T?, _ key: CodingKeys) throws -> T {
        guard let value else { throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "missing")) }
        return value
    }
}
