/// The forum's members, from `members.yml`, with lookups by id and by email (case-insensitive).
public struct Members: Sendable, Hashable, Codable {
    /// Every member, in file order.
    public let all: [Member]
    private let indexByID: [String: Int]
    private let indexByEmail: [String: Int]

    /// Members in the given order; when ids or emails repeat, lookups find the first.
    public init(_ members: [Member]) {
        all = members
        var byID: [String: Int] = [:]
        var byEmail: [String: Int] = [:]
        for (index, member) in members.enumerated() {
            if byID[member.id] == nil { byID[member.id] = index }
            let email = member.email.lowercased()
            if byEmail[email] == nil { byEmail[email] = index }
        }
        indexByID = byID
        indexByEmail = byEmail
    }

    public func member(id: String) -> Member? {
        indexByID[id].map { all[$0] }
    }

    /// The member with this email address, compared case-insensitively.
    public func member(email: String) -> Member? {
        indexByEmail[email.lowercased()].map { all[$0] }
    }

    /// The co-chair for government, when members.yml names one.
    public var governmentCoChair: Member? { coChair(of: .government) }

    /// The co-chair for civil society, when members.yml names one.
    public var civilSocietyCoChair: Member? { coChair(of: .civilSociety) }

    /// The first co-chair of `sector`.
    public func coChair(of sector: Sector) -> Member? {
        all.first { $0.role == .coChair && $0.sector == sector }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Member].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(all)
    }

    public static func == (lhs: Members, rhs: Members) -> Bool { lhs.all == rhs.all }

    public func hash(into hasher: inout Hasher) { hasher.combine(all) }
}
