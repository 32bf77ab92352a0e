/// The part of society a member of the forum speaks for.
public enum Sector: String, Sendable, Hashable, Codable, CaseIterable {
    case government
    case legislature
    case civilSociety = "civil-society"
    case privateSector = "private-sector"
    case academia
}

/// What a member does in the forum. Co-chairs approve merges; reviewers comment but never approve;
/// observers follow. A host is not a person: it is a server (`nap serve`) trusted by the forum to write
/// events on behalf of members and the public (Hosting/); it never speaks for itself.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case coChair = "co-chair"
    case member
    case reviewer
    case observer
    case host
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
    /// The thematic working groups the member belongs to, by area id (commitments name their `area`).
    public var groups: [String] = []

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

extension Member {
    enum CodingKeys: String, CodingKey { case id, name, email, sector, organization, role, key, groups }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
                  email: try container.decode(String.self, forKey: .email), sector: try container.decode(Sector.self, forKey: .sector),
                  organization: try container.decodeIfPresent(String.self, forKey: .organization),
                  role: try container.decodeIfPresent(Role.self, forKey: .role) ?? .member, key: try container.decodeIfPresent(String.self, forKey: .key))
        groups = try container.decodeIfPresent([String].self, forKey: .groups) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(email, forKey: .email)
        try container.encode(sector, forKey: .sector)
        try container.encodeIfPresent(organization, forKey: .organization)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(key, forKey: .key)
        if !groups.isEmpty { try container.encode(groups, forKey: .groups) }
    }
}
