import GitKit

extension PlanStore {
    /// The lead agencies whose approval a proposal needs under the approver `lead-agency`: for every
    /// commitment it adds, changes or removes, the members of the institutions its `lead:` names on main
    /// and at the proposal's head (a change of lead needs the old and the new lead agency).
    public func leadAgencies(changedBy summary: ProposalSummary, main: ObjectID, members: Members) throws -> [LeadAgency] {
        guard let head = summary.head else { return [] }
        return try leadAgencies(of: summary.changedCommitments, in: [main, head], members: members)
    }

    /// The lead agencies of `commitments` as the commits `versions` have them, judged by `members`.
    func leadAgencies(of commitments: [String], in versions: [ObjectID], members: Members) throws -> [LeadAgency] {
        let sources = try versions.map { try files(at: $0) }
        let plan = try loadPlan(from: sources[0]).plan
        var result: [LeadAgency] = []
        for id in commitments.sorted() {
            var leads: [LocalizedText] = []
            for source in sources {
                guard let bytes = try source.read(PlanFiles.commitmentPath(id: id)),
                      let commitment = Commitment.parse(bytes, path: PlanFiles.commitmentPath(id: id), plan: plan).value else { continue }
                for lead in commitment.lead where !leads.contains(lead) { leads.append(lead) }
            }
            guard !leads.isEmpty else { continue }
            result.append(LeadAgency(commitment: id, leads: leads, members: members))
        }
        return result
    }

    /// The lead agency of each commitment on main, by commitment id.
    public func leadAgenciesOnMain() throws -> [String: LeadAgency] {
        guard let main = try mainHead() else { return [:] }
        let members = try loadPlan(at: main).members
        return Dictionary(try commitmentOutlines(at: main).map { ($0.id, LeadAgency(of: $0, in: members)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The commitments on main whose `area` is one of `groups` (a member's thematic working groups).
    public func commitments(inAreas groups: [String]) throws -> Set<String> {
        guard !groups.isEmpty, let main = try mainHead() else { return [] }
        return Set(try commitmentOutlines(at: main).filter { $0.area.map(groups.contains) ?? false }.map(\.id))
    }
}
