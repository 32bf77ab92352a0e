/// Whom a host (a server listed in members.yml with `role: host`, such as `nap serve`) acts for when it
/// writes an event (docs/SECURITY.md, "Hosts").
public enum Principal: Sendable, Hashable {
    /// A member signed in through an invitation; acts as their role and sector allow.
    case member(id: String)
    /// Anyone, under the name they gave (no address: a contact address stays with the server, never in the
    /// record). A member of the public only comments.
    case publicPerson(displayName: String)
}

/// Who vouches for an event: its author's own identity (their git address, and their signature where
/// the plan requires one), or a host that wrote it on the author's behalf and signed it with the host's key.
public enum Attestation: Sendable, Hashable {
    case author
    /// Written through the host with this member id (`role: host` in members.yml).
    case host(String)

    /// The host's member id, for an event written through a host.
    public var host: String? {
        if case .host(let id) = self { return id }
        return nil
    }
}

/// The `on-behalf-of` field of an event a host wrote: the host's member id, and the member it acted for
/// (absent for a member of the public, whose display name is the event author's name). The field is a
/// claim; `EventAdmission` believes it only when the event is signed by that host's key.
public struct OnBehalfOf: Codable, Sendable, Hashable {
    public var host: String
    /// The member id the host acted for; nil for a member of the public.
    public var member: String?

    public init(host: String, member: String?) {
        self.host = host
        self.member = member
    }

    /// The address-shaped placeholder stored as the email of a public person's events written through a
    /// host: `public.<host id>.invalid` — no `@`, so it is never an address and never matches a member,
    /// and `.invalid` (RFC 2606) says so to any tool that tries. The person's real address, if they gave
    /// one, stays with the server.
    public static func publicPlaceholder(host: String) -> String {
        "public.\(host).invalid"
    }

    /// Whether `email` is such a placeholder (any host's).
    public static func isPublicPlaceholder(_ email: String) -> Bool {
        email.hasPrefix("public.") && email.hasSuffix(".invalid") && !email.contains("@")
    }
}
