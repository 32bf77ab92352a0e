import Foundation
import PlanKit

/// The contact addresses members of the public leave with a comment, for the government's reply by
/// mail: never in the record, never on a page, never in a log. One JSON line per comment in
/// `<git dir>/nap/private/contacts.jsonl` (owner-only; outside every reference, so never pushed or
/// cloned): the comment's event id, its proposal, the display name, the address and the time.
enum ContactStore {
    struct Entry: Codable {
        let event: String
        let proposal: String
        let name: String
        let contact: String
        let time: Date
    }

    static func file(in directory: String) -> String { directory + "contacts.jsonl" }

    static func add(_ entry: Entry, in directory: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try PrivateFile.append(line: String(decoding: try encoder.encode(entry), as: UTF8.self), to: file(in: directory))
    }

    /// Every entry kept (for `nap serve contacts` and tests).
    static func all(in directory: String) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file(in: directory)) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            try? decoder.decode(Entry.self, from: Data(line.utf8))
        }
    }
}

/// The public's contact addresses, for `nap serve contacts`.
public enum PublicContacts {
    public struct Entry: Sendable {
        public let event: String
        public let proposal: String
        public let name: String
        public let contact: String
        public let time: Date
    }

    public static func all(in store: PlanStore) throws -> [Entry] {
        ContactStore.all(in: try store.privateDirectory()).map {
            Entry(event: $0.event, proposal: $0.proposal, name: $0.name, contact: $0.contact, time: $0.time)
        }
    }
}
