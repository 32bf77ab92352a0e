import Foundation
import GitKit
import Localization

/// Events as cache records (`CacheLines`): every field of `Event`, its signature included, so that a
/// proposal's events can be read back without decoding hundreds of JSON files.
enum EventLines {
    static func record(_ event: Event) -> [String] {
        var fields = ["V", event.id, String(event.version), CacheLines.optional(event.proposal)] + CacheFields.author(event.author)
            + [CacheLines.time(event.time), String(event.clock), CacheLines.optional(event.signature),
               CacheLines.optional(event.onBehalfOf?.host), CacheLines.optional(event.onBehalfOf?.member), event.body.typeName]
        switch event.body {
        case .opened(let slug, let title, let description, let base, let head):
            fields += [slug, title, description, base.hex, head.hex]
        case .revised(let head, let previous, let rewritten):
            fields += [head.hex, CacheLines.optional(previous?.hex), rewritten ? "1" : "0"]
        case .withdrawn(let reason):
            fields += [reason]
        case .comment(let body, let anchor, let replyTo):
            fields += [body, CacheLines.optional(replyTo), anchor == nil ? "0" : "1"]
            if let anchor { fields += [anchor.head.hex, anchor.path, String(anchor.startLine), String(anchor.endLine), anchor.quote] }
        case .resolved(let comment), .reopened(let comment):
            fields += [comment]
        case .response(let target, let disposition, let reason, let meeting):
            fields += [target, disposition.rawValue, reason, CacheLines.optional(meeting)]
        case .review(let verdict, let head, let body):
            fields += [verdict.rawValue, head.hex, body]
        case .merged(let commit, let head):
            fields += [commit.hex, head.hex]
        case .hidden(let target, let reason):
            fields += [target, reason]
        }
        if let source = event.source {
            fields += ["S", source.platform, source.id, CacheLines.optional(source.url), CacheLines.optional(source.submitted.map(CacheLines.time))]
        }
        if let recorder = event.recordedBy { fields += ["R"] + CacheFields.author(recorder) }
        return fields
    }

    static func event(_ record: [String]) throws -> Event {
        guard record.first == "V" else { throw CacheFields.Malformed() }
        var fields = CacheFields(record, from: 1)
        let id = try fields.text()
        let version = try fields.number()
        let proposal = try fields.optionalText()
        let author = try fields.author()
        let time = try fields.time()
        let clock = try fields.number()
        let signature = try fields.optionalText()
        let host = try fields.optionalText()
        let onBehalfOfMember = try fields.optionalText()
        let body: EventBody
        switch try fields.text() {
        case "opened":
            body = .opened(slug: try fields.text(), title: try fields.text(), description: try fields.text(), base: try fields.id(), head: try fields.id())
        case "revised":
            body = .revised(head: try fields.id(), previous: try fields.optionalID(), rewritten: try fields.text() == "1")
        case "withdrawn":
            body = .withdrawn(reason: try fields.text())
        case "comment":
            let text = try fields.text()
            let replyTo = try fields.optionalText()
            var anchor: Anchor?
            if try fields.text() == "1" {
                anchor = Anchor(head: try fields.id(), path: try fields.text(), startLine: try fields.number(), endLine: try fields.number(), quote: try fields.text())
            }
            body = .comment(body: text, anchor: anchor, replyTo: replyTo)
        case "resolved": body = .resolved(comment: try fields.text())
        case "reopened": body = .reopened(comment: try fields.text())
        case "response":
            let target = try fields.text()
            guard let disposition = Disposition(rawValue: try fields.text()) else { throw CacheFields.Malformed() }
            body = .response(target: target, disposition: disposition, reason: try fields.text(), meeting: try fields.optionalText())
        case "review":
            guard let verdict = Verdict(rawValue: try fields.text()) else { throw CacheFields.Malformed() }
            body = .review(verdict: verdict, head: try fields.id(), body: try fields.text())
        case "merged":
            body = .merged(commit: try fields.id(), head: try fields.id())
        case "hidden":
            body = .hidden(target: try fields.text(), reason: try fields.text())
        default:
            throw CacheFields.Malformed()
        }
        var source: InputSource?
        var recordedBy: EventAuthor?
        while !fields.isAtEnd {
            switch try fields.text() {
            case "S":
                let platform = try fields.text()
                let sourceID = try fields.text()
                let url = try fields.optionalText()
                source = InputSource(platform: platform, id: sourceID, url: url, submitted: try fields.optionalText().flatMap(CacheLines.time))
            case "R": recordedBy = try fields.author()
            default: throw CacheFields.Malformed()
            }
        }
        var event = Event(id: id, proposal: proposal, author: author, time: time, clock: clock, body: body)
        event.source = source
        event.recordedBy = recordedBy
        event.version = version
        event.signature = signature
        event.onBehalfOf = host.map { OnBehalfOf(host: $0, member: onBehalfOfMember) }
        return event
    }
}

extension PlanStore {
    /// A proposal's events and record problems, as `Record.events(of:in:)` reads them, cached under the
    /// id of the proposal's events folder: the same folder id means the same files, so the same result.
    /// Reading a thousand comments back from the cache takes milliseconds instead of a JSON decode each.
    /// When the folder changed (a new comment), only the files whose blobs the cache does not hold are
    /// decoded: a blob id names its bytes, so the event decoded from it before is the same.
    func cachedEvents(of proposal: EventID, in tree: ObjectID? = nil) throws -> (events: [Event], problems: [PlanError]) {
        guard let root = try tree ?? record.tree() else { return ([], []) }
        if let kept = memos.readEvents, kept.tree == root, let read = kept.reads[proposal] { return read }
        guard let folder = try record.subtree(Record.directory(of: proposal), in: root) else { return try record.events(of: proposal, in: root) }
        let cache = derivedCache
        let name = "events-" + proposal
        let stored = cache.loadLineFile(name)
        let decoded = stored.flatMap { try? Self.events(from: $0) }
        if let stored, let decoded, stored.key == folder.hex {
            return (decoded.events, decoded.problems)
        }
        // The events decoded before, by the blob each was read from (only the other files are decoded), and
        // by id with their place in the file.
        var known: [ObjectID: Event] = [:]
        var kept: [EventID: Int] = [:]
        if let decoded {
            known.reserveCapacity(decoded.blobs.count)
            kept.reserveCapacity(decoded.events.count)
            for (index, event) in decoded.events.enumerated() {
                if let blob = decoded.blobs[event.id] { known[blob] = event }
                kept[event.id] = index
            }
        }
        let read = try record.events(of: proposal, in: root, known: known)
        // Only record problems that round-trip exactly are cached: a reason that is text as it is (a message
        // nap translates would come back English), so a proposal with a damaged event file is read each time.
        // An event read back as it was decoded from the file is written as the line it was (a new comment on
        // a proposal with a thousand re-encodes one event, not a thousand). Its signature file may have
        // changed meanwhile: the whole event is compared, not its id.
        var lines = read.events.map { event -> CacheLines.Line in
            if let stored, let decoded, let index = kept[event.id], decoded.events[index] == event { return .stored(stored.line(decoded.lines[index])) }
            return .fields(EventLines.record(event))
        }
        for problem in read.problems {
            guard case .corruptRecord(let path, let reason) = problem, reason.key == Message(verbatim: "").key,
                  case .text(let text)? = reason.arguments.first else { return (read.events, read.problems) }
            lines.append(.fields(["X", path, text]))
        }
        for event in read.events { if let blob = read.blobs[event.id] { lines.append(.fields(["B", event.id, blob.hex])) } }
        cache.storeLines(lines, key: folder.hex, as: name)
        return (read.events, read.problems)
    }

    /// The events of `proposal` in the record at `tree` (`cachedEvents(of:in:)`) and their fold; the last one
    /// asked for is kept for the store's life (`StoreMemos.lastFold`), under the tree, the proposal, the
    /// authority and main (a merge an event names becomes valid when main takes it). A sync lets it go
    /// after each fetch: an object an event names may have arrived with no reference of these moving.
    func foldedEvents(of proposal: EventID, in tree: ObjectID) throws -> (read: (events: [Event], problems: [PlanError]), state: ProposalState?) {
        let key = [tree.hex, proposal, try authorityKey(), try mainHead()?.hex ?? "-"].joined(separator: " ")
        if let last = memos.lastFold, last.key == key { return (last.read, last.state) }
        let read = try cachedEvents(of: proposal, in: tree)
        let state = try fold(read.events)
        memos.lastFold = (key, read, state)
        return (read, state)
    }

    /// True when the events of `proposal` were cached before (under any folder id).
    func hasCachedEvents(of proposal: EventID) -> Bool {
        derivedCache.hasLines("events-" + proposal)
    }

    /// The events, problems and blobs of a stored file, with the line each event was read from.
    private static func events(from file: CacheLineFile) throws -> (events: [Event], problems: [PlanError], blobs: [EventID: ObjectID], lines: [Int]) {
        var events: [Event] = []
        var problems: [PlanError] = []
        var blobs: [EventID: ObjectID] = [:]
        var lines: [Int] = []
        events.reserveCapacity(file.count)
        for index in 0..<file.count {
            let record = file.record(index)
            if record.first == "X", record.count == 3 {
                problems.append(.corruptRecord(path: record[1], reason: Message(verbatim: record[2])))
            } else if record.first == "B", record.count == 3 {
                guard let blob = ObjectID(hex: record[2]) else { throw CacheFields.Malformed() }
                blobs[record[1]] = blob
            } else {
                let event = try EventLines.event(record)
                lines.append(index)
                events.append(event)
            }
        }
        return (events, problems, blobs, lines)
    }
}
