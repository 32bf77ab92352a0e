/// The plan's rules for merging proposals, from the `policy:` section of `plan.yml`. Every field is
/// optional in the file; the defaults follow OGP's co-creation standards.
public struct Policy: Sendable, Hashable, Codable {
    /// Someone whose approval a proposal needs.
    public enum Approver: String, Sendable, Hashable, Codable, CaseIterable {
        case governmentCoChair = "government-co-chair"
        case civilSocietyCoChair = "civil-society-co-chair"
    }

    /// Whose current approval a merge needs (default: both co-chairs).
    public var approvals: [Approver]
    /// Whether every comment from outside government needs a reasoned response before a merge (default true).
    public var requireResponses: Bool
    /// Whether an open request-changes review from an approver blocks a merge (default true).
    public var requestChangesBlocks: Bool
    /// Whether approvals count only when signed with the member's key (default false).
    public var requireSignatures: Bool

    public init(
        approvals: [Approver] = [.governmentCoChair, .civilSocietyCoChair], requireResponses: Bool = true,
        requestChangesBlocks: Bool = true, requireSignatures: Bool = false
    ) {
        self.approvals = approvals
        self.requireResponses = requireResponses
        self.requestChangesBlocks = requestChangesBlocks
        self.requireSignatures = requireSignatures
    }
}
