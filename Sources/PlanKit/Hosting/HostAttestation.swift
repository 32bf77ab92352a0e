import Foundation
import Localization

/// The admission rule of an event that says a host wrote it (`on-behalf-of`, docs/SECURITY.md "Hosts"):
/// it counts only when signed by the key members.yml gave that host at the event's time, and then it is
/// the principal's — a member who was one then (never the host itself, never another host), or a member
/// of the public, who only comments. Whatever the event says about its author beyond the public person's
/// display name is not believed.
enum HostAttestation {
    /// The event's author as the host vouches for them, or why the event is quarantined.
    static func author(of event: Event, through proxy: OnBehalfOf, authority: EventAuthority) throws -> Result<EventAuthor, QuarantineReason> {
        let when = Timestamp.format(event.time)
        guard let host = try authority.member(id: proxy.host, at: event.time), host.role == .host else {
            return .failure(.init(L("it says host '\(proxy.host)' wrote it, and members.yml listed no such host at \(when)")))
        }
        guard try authority.isSigned(event, by: host) else {
            return .failure(.init(L("it says host '\(host.id)' wrote it, but it is not signed with that host's key in members.yml at \(when)")))
        }
        guard let id = proxy.member else {
            switch event.body {
            case .comment, .revised: break
            default:
                return .failure(.init(L("host '\(host.id)' wrote a \(event.body.typeName) event for a member of the public, who may only comment")))
            }
            var author = EventAuthor(name: event.author.name, email: OnBehalfOf.publicPlaceholder(host: host.id), member: nil, sector: "public", role: nil)
            author.attestation = .host(host.id)
            return .success(author)
        }
        guard id != host.id else {
            return .failure(.init(L("host '\(host.id)' wrote it on behalf of itself; a host has no voice of its own")))
        }
        guard let member = try authority.member(id: id, at: event.time) else {
            return .failure(.init(L("host '\(host.id)' wrote it on behalf of '\(id)', who was not a member at \(when)")))
        }
        guard member.role != .host else {
            return .failure(.init(L("host '\(host.id)' wrote it on behalf of '\(id)', another host; hosts act only for people")))
        }
        var author = EventAuthor(name: member.name, email: member.email, member: member.id, sector: member.sector.rawValue, role: member.role.rawValue)
        author.attestation = .host(host.id)
        return .success(author)
    }
}
