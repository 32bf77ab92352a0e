/// The plan's rules for merging proposals, from the `policy:` section of `plan.yml`. Every field is
/// optional in the file; the defaults follow OGP's co-creation standards.
public struct Policy: Sendable, Hashable, Codable {
    /// Someone whose approval a proposal needs.
    public enum Approver: String, Sendable, Hashable, Codable, CaseIterable {
        case governmentCoChair = "government-co-chair"
        case civilSocietyCoChair = "civil-society-co-chair"
        /// A member of the lead agency of every commitment the proposal changes (a member whose
        /// `organization` is one of the commitment's `lead` institutions).
        case leadAgency = "lead-agency"

        /// The co-chair's sector, for the two co-chair approvers.
        public var coChairSector: Sector? {
            switch self {
            case .governmentCoChair: .government
            case .civilSocietyCoChair: .civilSociety
            case .leadAgency: nil
            }
        }

        /// How people read the approver: `government co-chair`.
        public var label: String {
            switch self {
            case .governmentCoChair: "government co-chair"
            case .civilSocietyCoChair: "civil-society co-chair"
            case .leadAgency: "lead agency"
            }
        }
    }

    /// The largest number of days `min-discussion-days` and `response-days` can be (a year).
    public static let maximumDays = 366

    /// Whose current approval a merge needs (default: both co-chairs).
    public var approvals: [Approver]
    /// Whether every comment from outside government needs a reasoned response before a merge (default true).
    public var requireResponses: Bool
    /// Whether an open request-changes review from an approver blocks a merge (default true).
    public var requestChangesBlocks: Bool
    /// Whether approvals count only when signed with the member's key (default false).
    public var requireSignatures: Bool
    /// A proposal can be merged only when it was opened at least this many days before (0: no minimum).
    public var minDiscussionDays: Int
    /// How many days the government has to give an input its reasoned response; nil: no deadline is
    /// counted. `nap inbox` and `nap show` count it down.
    public var responseDays: Int?
    /// Whether approvals written through a host (`nap serve`, on behalf of a member signed in there)
    /// count for a merge, and so whether a co-chair may merge through a host (default false: only
    /// approvals signed or written by the members themselves count; docs/SECURITY.md, "Hosts").
    public var hostAttestedApprovals: Bool = false

    public init(
        approvals: [Approver] = [.governmentCoChair, .civilSocietyCoChair], requireResponses: Bool = true,
        requestChangesBlocks: Bool = true, requireSignatures: Bool = false, minDiscussionDays: Int = 0, responseDays: Int? = nil
    ) {
        self.approvals = approvals
        self.requireResponses = requireResponses
        self.requestChangesBlocks = requestChangesBlocks
        self.requireSignatures = requireSignatures
        self.minDiscussionDays = minDiscussionDays
        self.responseDays = responseDays
    }
}
