import Foundation
import GitKit
import Localization

/// Counts of who did what, for one person or one sector: the evidence an independent reviewer (the IRM)
/// asks for.
public struct AttributionTally: Sendable, Encodable, Equatable {
    public var proposalsOpened = 0
    public var proposalsMerged = 0
    /// Lines of the current plan's commitments last written by them.
    public var linesAuthored = 0
    public var comments = 0
    /// Reasoned responses they gave.
    public var responsesGiven = 0
    /// The responses in force to their inputs (their proposals and comments), by disposition; `none`
    /// counts inputs still without a response.
    public var responsesReceived: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case proposalsOpened = "proposals_opened", proposalsMerged = "proposals_merged", linesAuthored = "lines_authored"
        case comments, responsesGiven = "responses_given", responsesReceived = "responses_received"
    }

    /// Adds another tally's counts to this one.
    mutating func add(_ other: AttributionTally) {
        proposalsOpened += other.proposalsOpened
        proposalsMerged += other.proposalsMerged
        linesAuthored += other.linesAuthored
        comments += other.comments
        responsesGiven += other.responsesGiven
        for (disposition, count) in other.responsesReceived { responsesReceived[disposition, default: 0] += count }
    }
}

/// Attribution by sector and by person over the plan's record and its current text.
public struct AttributionReport: Sendable, Encodable {
    /// One person: a member of the forum, or someone from the public (by email).
    public struct Person: Sendable, Encodable {
        public let email: String
        public let name: String
        public let member: String?
        public let organization: String?
        public let sector: String
        public var tally: AttributionTally
    }

    /// The version the counts start after, if any.
    public let since: String?
    public let sectors: [String: AttributionTally]
    public let people: [Person]
}

extension PlanStore {
    /// Who proposed, merged, wrote, commented and was answered, by sector and by person; with `since`,
    /// only what happened after that published version.
    public func attribution(since version: String? = nil) throws -> AttributionReport {
        let main = try requireMain()
        var sinceCommit: ObjectID?
        var sinceTime = Date.distantPast
        if let version {
            guard let tag = try? repository.resolveCommit("refs/tags/" + version) else { throw PlanError.notFound(kind: L("version"), name: version) }
            sinceCommit = tag
            sinceTime = try PlanError.wrap { try repository.commit(tag).committer.time }
        }
        let members = try loadPlan(at: main).members
        var people: [String: AttributionReport.Person] = [:]
        var sectors: [String: AttributionTally] = [:]
        func add(_ email: String, name: String, sector: String?, _ change: (inout AttributionTally) -> Void) {
            let key = RecordAttribution.key(email: email, name: name)
            let member = members.member(email: email)
            var person = people[key] ?? .init(email: email, name: member?.name ?? name, member: member?.id, organization: member?.organization,
                                              sector: member?.sector.rawValue ?? sector ?? "public", tally: AttributionTally())
            change(&person.tally)
            people[key] = person
            change(&sectors[sector ?? person.sector, default: AttributionTally()])
        }
        // The record's counts come from the cache of derived state (each proposal folded once per change of
        // its events), in the record's order, so each person keeps the name and sector they first had.
        let fromRecord = try recordAttribution(since: sinceTime)
        for contribution in fromRecord.people {
            let key = RecordAttribution.key(email: contribution.email, name: contribution.name)
            let member = members.member(email: contribution.email)
            var person = people[key] ?? .init(email: contribution.email, name: member?.name ?? contribution.name, member: member?.id,
                                              organization: member?.organization, sector: member?.sector.rawValue ?? contribution.sector,
                                              tally: AttributionTally())
            person.tally.add(contribution.tally)
            people[key] = person
        }
        for (sector, tally) in fromRecord.sectors { sectors[sector, default: AttributionTally()].add(tally) }
        // Lines: git blame of each commitment on main, cached per file and reused while main moves on
        // without changing it.
        let source = try files(at: main)
        var blames = loadBlames()
        var beforeSince: [ObjectID: Bool] = [:]
        for name in try source.list(PlanFiles.commitments) where name.hasSuffix(".md") {
            let path = PlanFiles.commitments + "/" + name
            guard let data = try source.read(path) else { continue }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let count = lines.last == "" ? lines.count - 1 : lines.count
            for hunk in try cachedBlame(path: path, head: main, store: &blames) {
                let authored = max(0, min(hunk.startLine + hunk.lineCount - 1, count) - max(hunk.startLine, 1) + 1)
                guard authored > 0 else { continue }
                if let sinceCommit {
                    let old = try beforeSince[hunk.commit] ?? PlanError.wrap { try repository.isAncestor(hunk.commit, of: sinceCommit) }
                    beforeSince[hunk.commit] = old
                    if old { continue }
                }
                add(hunk.email, name: hunk.name, sector: nil) { $0.linesAuthored += authored }
            }
        }
        storeBlames(blames)
        let sorted = people.values.sorted { ($0.sector, $0.name, $0.email) < ($1.sector, $1.name, $1.email) }
        return AttributionReport(since: version, sectors: sectors, people: sorted)
    }
}
