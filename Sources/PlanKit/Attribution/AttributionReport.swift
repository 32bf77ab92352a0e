import Foundation
import GitKit

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
            guard let tag = try? repository.resolveCommit("refs/tags/" + version) else { throw PlanError.notFound(kind: "version", name: version) }
            sinceCommit = tag
            sinceTime = try PlanError.wrap { try repository.commit(tag).committer.time }
        }
        let members = try loadPlan(at: main).members
        var people: [String: AttributionReport.Person] = [:]
        var sectors: [String: AttributionTally] = [:]
        func add(_ email: String, name: String, sector: String?, _ change: (inout AttributionTally) -> Void) {
            let key = email.lowercased()
            let member = members.member(email: email)
            var person = people[key] ?? .init(email: email, name: member?.name ?? name, member: member?.id, organization: member?.organization,
                                              sector: member?.sector.rawValue ?? sector ?? "public", tally: AttributionTally())
            change(&person.tally)
            people[key] = person
            change(&sectors[sector ?? person.sector, default: AttributionTally()])
        }
        let tree = try record.tree()
        for (id, _) in try record.proposals(in: tree) {
            guard let state = ProposalState.fold(try record.events(of: id, in: tree).events) else { continue }
            if state.opened > sinceTime {
                add(state.author.email, name: state.author.name, sector: state.author.sector) { $0.proposalsOpened += 1 }
            }
            if case .merged = state.status, (state.closedAt ?? .distantPast) > sinceTime {
                add(state.author.email, name: state.author.name, sector: state.author.sector) { $0.proposalsMerged += 1 }
            }
            if state.opened > sinceTime, state.author.sector != "government" {
                let disposition = state.responses.last?.disposition.rawValue ?? "none"
                add(state.author.email, name: state.author.name, sector: state.author.sector) { $0.responsesReceived[disposition, default: 0] += 1 }
            }
            for response in state.responses where response.time > sinceTime {
                add(response.author.email, name: response.author.name, sector: response.author.sector) { $0.responsesGiven += 1 }
            }
            for comment in state.comments where comment.time > sinceTime {
                add(comment.author.email, name: comment.author.name, sector: comment.author.sector) { $0.comments += 1 }
                if comment.author.sector != "government" {
                    let disposition = comment.response?.disposition.rawValue ?? "none"
                    add(comment.author.email, name: comment.author.name, sector: comment.author.sector) { $0.responsesReceived[disposition, default: 0] += 1 }
                }
                for response in comment.responses where response.time > sinceTime {
                    add(response.author.email, name: response.author.name, sector: response.author.sector) { $0.responsesGiven += 1 }
                }
            }
        }
        let lineage = try PlanError.wrap { try ProposalLineage(repository: repository, main: main) }
        let source = try files(at: main)
        var beforeSince: [ObjectID: Bool] = [:]
        for name in try source.list(PlanFiles.commitments) where name.hasSuffix(".md") {
            let path = PlanFiles.commitments + "/" + name
            guard let data = try source.read(path) else { continue }
            for line in try attribute(path: path, data: data, head: main, lineage: lineage, members: members) {
                if let sinceCommit {
                    let old = try beforeSince[line.commit] ?? PlanError.wrap { try repository.isAncestor(line.commit, of: sinceCommit) }
                    beforeSince[line.commit] = old
                    if old { continue }
                }
                add(line.author.email, name: line.author.name, sector: nil) { $0.linesAuthored += 1 }
            }
        }
        let sorted = people.values.sorted { ($0.sector, $0.name, $0.email) < ($1.sector, $1.name, $1.email) }
        return AttributionReport(since: version, sectors: sectors, people: sorted)
    }
}
