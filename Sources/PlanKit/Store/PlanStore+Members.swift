import GitKit

/// plan.yml and members.yml as read from one commit (best effort: present when parseable at all).
public struct LoadedPlan: Sendable {
    public let plan: Plan?
    public let members: Members
    public let diagnostics: [Diagnostic]
}

extension PlanStore {
    /// Reads plan.yml and members.yml as they are in `commit`.
    public func loadPlan(at commit: ObjectID) throws -> LoadedPlan {
        // A commit's files never change: parsed once per store (a command asks for main's several times).
        if let known = memos.loadedPlans[commit] { return known }
        let loaded = try loadPlan(from: try files(at: commit))
        if memos.loadedPlans.count >= StoreMemos.contentsLimit { memos.loadedPlans.removeAll() }
        memos.loadedPlans[commit] = loaded
        return loaded
    }

    /// Reads plan.yml and members.yml from any source (the working tree, a commit).
    public func loadPlan(from source: PlanFileSource) throws -> LoadedPlan {
        let plan = try source.read(PlanFiles.plan).map { Plan.parse($0) }
        let members = try source.read(PlanFiles.members).map { Members.parse($0) }
        return LoadedPlan(plan: plan?.value, members: members?.value ?? Members([]),
                          diagnostics: (plan?.diagnostics ?? []) + (members?.diagnostics ?? []))
    }

    /// The members as main has them now (the forum as it stands).
    public func currentMembers() throws -> Members {
        guard let main = try mainHead() else { return Members([]) }
        return try loadPlan(at: main).members
    }

    /// How an event written now by `signature` is attributed: the member with that email on main, with
    /// their sector and role at this moment, or the public.
    public func eventAuthor(for signature: Signature) throws -> EventAuthor {
        if let hostAgency { return try hostAgency.principalAuthor(in: currentMembers()) }
        if let member = try currentMembers().member(email: signature.email) {
            return EventAuthor(name: member.name, email: signature.email, member: member.id, sector: member.sector.rawValue, role: member.role.rawValue)
        }
        return EventAuthor(name: signature.name, email: signature.email, member: nil, sector: "public", role: nil)
    }

    /// True once the forum is constituted on `commit`: members.yml names a government co-chair and a
    /// civil-society co-chair. From then on main changes only through gated merges.
    public func isFounded(at commit: ObjectID) throws -> Bool {
        let members = try loadPlan(at: commit).members
        return members.governmentCoChair != nil && members.civilSocietyCoChair != nil
    }
}
