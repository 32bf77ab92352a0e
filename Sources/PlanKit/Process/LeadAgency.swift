/// The members who answer for a commitment: those whose `organization` in members.yml is one of the
/// commitment's `lead` institutions, in any of the plan's languages (docs/FORMAT.md, "Lead agencies").
/// A lead agency approves changes to its own commitments when the policy asks for it
/// (`approvals: [..., lead-agency]`), records their implementation progress, and receives the input
/// on them in its inbox.
public struct LeadAgency: Sendable, Hashable {
    /// The commitment it leads.
    public let commitment: String
    /// The lead institutions' names, as the commitment writes them (every language).
    public let institutions: [String]
    /// The members of those institutions, in members.yml order.
    public let members: [Member]

    /// The lead agency of `commitment` among `members`.
    public init(of commitment: Commitment, in members: Members) {
        self.init(commitment: commitment.id, leads: commitment.lead, members: members)
    }

    /// The lead agency of a commitment whose `lead:` list is `leads`.
    public init(commitment: String, leads: [LocalizedText], members: Members) {
        self.commitment = commitment
        var names: [String] = []
        for lead in leads {
            for (_, name) in lead.sorted(by: { $0.key < $1.key }) where !names.contains(name) { names.append(name) }
        }
        institutions = names
        self.members = members.all.filter { member in
            guard let organization = member.organization?.trimmed, !organization.isEmpty else { return false }
            return names.contains(organization)
        }
    }

    /// Whether the member with this email is one of the lead agency's members.
    public func includes(email: String) -> Bool {
        members.contains { $0.email.lowercased() == email.lowercased() }
    }

    /// The institutions for people: `內政部 / Ministry of the Interior`.
    public var label: String { institutions.joined(separator: " / ") }
}
