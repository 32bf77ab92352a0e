import Foundation
import GitKit

/// How the inputs of the response report up to a time divide by sector and by the response in force:
/// what a plan's "how the plan was developed" section counts (`nap render`, the site's plans of each
/// version). Counted a proposal at a time and kept per proposal in the cache of derived state (under the
/// proposal's record subtree, for one revision's cutoff, judge and main), so that rendering after one new comment
/// folds that proposal alone instead of all of them.
struct ResponseCounts: Equatable {
    var bySector: [String: Int] = [:]
    var byDisposition: [String: Int] = [:]
    var total = 0

    mutating func add(_ other: ResponseCounts) {
        for (key, value) in other.bySector { bySector[key, default: 0] += value }
        for (key, value) in other.byDisposition { byDisposition[key, default: 0] += value }
        total += other.total
    }

    /// The counts of one proposal's inputs up to `cutoff` (the proposal itself, then its comments).
    init(_ state: ProposalState, cutoff: Date) {
        guard state.opened <= cutoff else { return }
        count(state.author, state.responses, owed: PlanStore.isOwed(proposal: state), cutoff: cutoff)
        for comment in state.comments where comment.time <= cutoff {
            count(comment.author, comment.responses, owed: PlanStore.isOwed(comment, on: state), cutoff: cutoff)
        }
    }

    init() {}

    private mutating func count(_ author: EventAuthor, _ responses: [ReasonedResponse], owed: Bool, cutoff: Date) {
        total += 1
        bySector[author.sectorLabel, default: 0] += 1
        if let response = responses.last(where: { $0.time <= cutoff }) {
            byDisposition[response.disposition.rawValue, default: 0] += 1
        } else if owed {
            byDisposition["none", default: 0] += 1
        }
    }

    var records: [[String]] {
        [["T", String(total)]] + bySector.sorted { $0.key < $1.key }.map { ["S", $0.key, String($0.value)] }
            + byDisposition.sorted { $0.key < $1.key }.map { ["D", $0.key, String($0.value)] }
    }

    init?(records: ArraySlice<[String]>) {
        for record in records {
            guard record.count >= 2, let number = Int(record[record.count - 1]) else { return nil }
            switch (record[0], record.count) {
            case ("T", 2): total = number
            case ("S", 3): bySector[record[1]] = number
            case ("D", 3): byDisposition[record[1]] = number
            default: return nil
            }
        }
    }
}

extension PlanStore {
    /// The counts of the report's inputs up to `revision` (what `responseReport(until:)` would count,
    /// without making the report).
    func responseCounts(until revision: String) throws -> (bySector: [String: Int], byDisposition: [String: Int], total: Int) {
        try responseCounts(named: revision, cutoff: try time(of: revision))
    }

    /// The counts up to `cutoff`, kept under the name `revision`.
    func responseCounts(named revision: String, cutoff: Date) throws -> (bySector: [String: Int], byDisposition: [String: Int], total: Int) {
        guard let tree = try record.tree() else { return ([:], [:], 0) }
        let cache = derivedCache
        // One file per revision named (main's is rewritten as main moves; a version's stays).
        let name = "response-counts-" + KeyDigest.of([revision]).prefix(16)
        let key = [try authorityKey(), try mainHead()?.hex ?? "-", String(cutoff.timeIntervalSince1970)].joined(separator: " ")
        var known: [String: ResponseCounts] = [:]
        if let stored = cache.loadLines(name), stored.key == key {
            var index = 0
            let records = stored.records
            while index < records.count, records[index].count == 3, records[index][0] == "E" {
                var end = index + 1
                while end < records.count, records[end].first != "E" { end += 1 }
                if let counts = ResponseCounts(records: records[(index + 1)..<end]) { known[records[index][1] + records[index][2]] = counts }
                index = end
            }
        }
        var total = ResponseCounts()
        var records: [[String]] = []
        var changed = false
        let proposals = try record.proposals(in: tree)
        // Many proposals to count (a cold cache, a site counting for each version): every state from the
        // store's one reading of the record (folded once, read on two threads) instead of one at a time;
        // a few, from that reading when it was made already (a site counting after one new comment).
        let missing = proposals.count(where: { known[$0.id + $0.subtree.hex] == nil })
        let states = missing > 32 ? try allProposalStates() : missing > 0 ? try readProposalStates() : nil
        let folded = states.map { Dictionary($0.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first }) }
        for (id, subtree) in proposals {
            let counts: ResponseCounts
            if let cached = known[id + subtree.hex] {
                counts = cached
            } else {
                changed = true
                let state = try folded.map { $0[id] } ?? fold(try cachedEvents(of: id, in: tree).events)
                counts = state.map { ResponseCounts($0, cutoff: cutoff) } ?? ResponseCounts()
            }
            total.add(counts)
            records.append(["E", id, subtree.hex])
            records += counts.records
        }
        if changed || known.count != records.filter({ $0.first == "E" }).count { cache.storeLines(records, key: key, as: name) }
        return (total.bySector, total.byDisposition, total.total)
    }
}
