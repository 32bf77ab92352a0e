import Foundation
import GitKit

/// What the record says for `nap attribution`, before members.yml is consulted: each person's counts in
/// the order they first appear (their name and sector as the record first gives them) and each sector's
/// counts. Computed per proposal from its fold, cached under the proposal's subtree id and the `since`
/// time, and added up in the record's order, so that the result is the one a full fold gives.
struct RecordAttribution: Sendable, Equatable {
    struct Person: Sendable, Equatable {
        var email: String
        var name: String
        var sector: String
        var tally: AttributionTally
    }

    private(set) var people: [Person] = []
    private var index: [String: Int] = [:]
    private(set) var sectors: [String: AttributionTally] = [:]

    /// People are told apart by address; members of the public who wrote through a host share its
    /// placeholder address, so there they are told apart by the name they gave.
    static func key(_ email: String, name: String) -> String {
        OnBehalfOf.isPublicPlaceholder(email) ? email + "\n" + name : email.lowercased()
    }

    mutating func add(_ email: String, name: String, sector: String, _ change: (inout AttributionTally) -> Void) {
        let key = Self.key(email, name: name)
        if index[key] == nil {
            index[key] = people.count
            people.append(Person(email: email, name: name, sector: sector, tally: AttributionTally()))
        }
        if let position = index[key] { change(&people[position].tally) }
        change(&sectors[sector, default: AttributionTally()])
    }

    mutating func add(_ other: RecordAttribution) {
        for person in other.people {
            add(person.email, name: person.name, sector: person.sector) { _ in }
            if let position = index[Self.key(person.email, name: person.name)] { people[position].tally.add(person.tally) }
        }
        for (sector, tally) in other.sectors { sectors[sector, default: AttributionTally()].add(tally) }
    }

    /// One proposal's share: the same counts, in the same order, as `attribution(since:)` makes them.
    init(_ state: ProposalState, since: Date) {
        if state.opened > since {
            add(state.author.email, name: state.author.name, sector: state.author.sector) { $0.proposalsOpened += 1 }
        }
        if case .merged = state.status, (state.closedAt ?? .distantPast) > since {
            add(state.author.email, name: state.author.name, sector: state.author.sector) { $0.proposalsMerged += 1 }
        }
        if state.opened > since, !state.author.isGovernment {
            let disposition = state.responses.last?.disposition.rawValue ?? "none"
            add(state.author.email, name: state.author.name, sector: state.author.sector) { $0.responsesReceived[disposition, default: 0] += 1 }
        }
        for response in state.responses where response.time > since {
            add(response.author.email, name: response.author.name, sector: response.author.sector) { $0.responsesGiven += 1 }
        }
        for comment in state.comments where comment.time > since {
            add(comment.author.email, name: comment.author.name, sector: comment.author.sector) { $0.comments += 1 }
            if !comment.author.isGovernment {
                let disposition = comment.response?.disposition.rawValue ?? "none"
                add(comment.author.email, name: comment.author.name, sector: comment.author.sector) { $0.responsesReceived[disposition, default: 0] += 1 }
            }
            for response in comment.responses where response.time > since {
                add(response.author.email, name: response.author.name, sector: response.author.sector) { $0.responsesGiven += 1 }
            }
        }
    }

    init() {}

    // MARK: Stored as lines

    var records: [[String]] {
        people.map { ["p", $0.email, $0.name, $0.sector] + Self.fields($0.tally) }
            + sectors.sorted { $0.key < $1.key }.map { ["s", $0.key] + Self.fields($0.value) }
    }

    init(records: ArraySlice<[String]>) throws {
        for record in records {
            switch (record.first, record.count) {
            case ("p", 4...):
                let tally = try Self.tally(record.dropFirst(4))
                add(record[1], name: record[2], sector: record[3]) { _ in }
                if let position = index[Self.key(record[1], name: record[2])] { people[position].tally.add(tally) }
            case ("s", 2...):
                sectors[record[1], default: AttributionTally()].add(try Self.tally(record.dropFirst(2)))
            default:
                throw CacheFields.Malformed()
            }
        }
    }

    private static func fields(_ tally: AttributionTally) -> [String] {
        [tally.proposalsOpened, tally.proposalsMerged, tally.linesAuthored, tally.comments, tally.responsesGiven].map(String.init)
            + tally.responsesReceived.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    private static func tally(_ fields: ArraySlice<String>) throws -> AttributionTally {
        let numbers = fields.prefix(5).compactMap { Int($0) }
        guard numbers.count == 5 else { throw CacheFields.Malformed() }
        var tally = AttributionTally()
        tally.proposalsOpened = numbers[0]
        tally.proposalsMerged = numbers[1]
        tally.linesAuthored = numbers[2]
        tally.comments = numbers[3]
        tally.responsesGiven = numbers[4]
        for pair in fields.dropFirst(5) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let count = Int(parts[1]) else { throw CacheFields.Malformed() }
            tally.responsesReceived[String(parts[0])] = count
        }
        return tally
    }
}

extension PlanStore {
    /// The record's share of `attribution(since:)`, from the cache: whole when the record tree is the one
    /// it was computed for, else added up from each proposal's share, folding only the proposals whose
    /// subtree changed since.
    func recordAttribution(since: Date) throws -> RecordAttribution {
        guard let tree = try record.tree() else { return RecordAttribution() }
        let cache = derivedCache
        let label = since == .distantPast ? "all" : String(Int64(since.timeIntervalSince1970.rounded(.down)))
        let totalName = "attribution-" + label
        let partsName = "attribution-parts-" + label
        // Folds depend on the authority too (who was a member, main's merges): part of every key.
        let judge = try authorityKey()
        let main = try mainHead()?.hex ?? "-"
        if let stored = cache.loadLines(totalName), stored.key == [tree.hex, judge, main].joined(separator: " "), let total = try? RecordAttribution(records: stored.records[...]) {
            return total
        }
        var known: [String: (part: RecordAttribution, quarantined: Bool)] = [:]
        let storedParts = cache.loadLines(partsName)
        let sameMain = storedParts?.key == judge + " " + main
        if let stored = storedParts, stored.key.hasPrefix(judge + " "),
           sameMain || mainMovedForward(from: String(stored.key.dropFirst(judge.count + 1)), to: main) {
            var index = 0
            let records = stored.records
            while index < records.count {
                guard records[index].count == 4, records[index][0] == "E" else { break }
                var end = index + 1
                while end < records.count, records[end].first != "E" { end += 1 }
                // A proposal with quarantined events is folded again when main moved (a merge can become valid).
                if sameMain || records[index][3] == "0", let part = try? RecordAttribution(records: records[(index + 1)..<end]) {
                    known[records[index][1] + records[index][2]] = (part, records[index][3] == "1")
                }
                index = end
            }
        }
        var total = RecordAttribution()
        var parts: [[String]] = []
        for (id, subtree) in try record.proposals(in: tree) {
            let part: RecordAttribution
            var quarantined = false
            if let cached = known[id + subtree.hex] {
                part = cached.part
                quarantined = cached.quarantined
            } else if let state = try fold(try record.events(of: id, in: tree).events) {
                part = RecordAttribution(state, since: since)
                quarantined = !state.quarantined.isEmpty
            } else {
                part = RecordAttribution()
            }
            total.add(part)
            parts.append(["E", id, subtree.hex, quarantined ? "1" : "0"])
            parts += part.records
        }
        cache.storeLines(parts, key: judge + " " + main, as: partsName)
        cache.storeLines(total.records, key: [tree.hex, judge, main].joined(separator: " "), as: totalName)
        return total
    }
}
