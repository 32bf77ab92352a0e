/// The part of society a member of the forum speaks for.
public enum Sector: String, Sendable, Hashable, Codable, CaseIterable {
    case government
    case legislature
    case civilSociety = "civil-society"
    case privateSector = "private-sector"
    case academia
}

/// What a member does in the forum. Co-chairs approve merges; reviewers comment but never approve;
/// observers follow.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case coChair = "co-chair"
    case member
    case reviewer
    case observer
}

/// One person in the multi-stakeholder forum, as listed in `members.yml`.
public struct Member: Sendable, Hashable, Codable {
    /// A short safe id (see `Identifier`), e.g. `ndc-lin`.
    public var id: String
    public var name: String
    /// The address of the person's git identity; matched case-insensitively.
    public var email: String
    public var sector: Sector
    public var organization: String?
    public var role: Role
    /// The person's public key as an OpenSSH line: `ssh-ed25519 AAAA… comment`.
    public var key: String?

    public init(
        id: String, name: String, email: String, sector: Sector, organization: String? = nil,
        role: Role = .member, key: String? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.sector = sector
        self.organization = organization
        self.role = role
        self.key = key
    }
}
