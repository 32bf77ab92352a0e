import Foundation
import Localization

/// What a store returned by `PlanStore.onBehalf(of:)` writes as: the host (a `role: host` entry of
/// members.yml on main, whose key signs every event) and the principal it acts for.
struct HostAgency {
    let host: Member
    let principal: Principal

    /// The `on-behalf-of` field stamped on each event.
    var stamp: OnBehalfOf {
        switch principal {
        case .member(let id): OnBehalfOf(host: host.id, member: id)
        case .publicPerson: OnBehalfOf(host: host.id, member: nil)
        }
    }

    /// The author of an event written now for the principal: the member as `members` lists them, or the
    /// public person under their display name with the placeholder address.
    func principalAuthor(in members: Members) throws -> EventAuthor {
        var author: EventAuthor
        switch principal {
        case .member(let id):
            guard let member = members.member(id: id), member.role != .host else {
                throw PlanError.refused(reason: L("'\(id)' is not a member in members.yml on main (any more); host \(host.id) cannot act for them"), hint: nil)
            }
            author = EventAuthor(name: member.name, email: member.email, member: member.id, sector: member.sector.rawValue, role: member.role.rawValue)
        case .publicPerson(let name):
            author = EventAuthor(name: name, email: OnBehalfOf.publicPlaceholder(host: host.id), member: nil, sector: "public", role: nil)
        }
        author.attestation = .host(host.id)
        return author
    }

    /// Refuses, before anything is written, an event a member of the public may not have written through a
    /// host (they only comment; a `revised` event only records where a proposal branch already is).
    static func check(_ body: EventBody, for stamp: OnBehalfOf) throws {
        guard stamp.member == nil else { return }
        switch body {
        case .comment, .revised: return
        default:
            throw PlanError.refused(reason: L("a member of the public only comments; a \(body.typeName) event is written by members"), hint: nil)
        }
    }

    /// A display name the record can hold: one line, not empty, not too long, and not an address (a
    /// contact address is kept by the server, never in the record).
    static func checkedDisplayName(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw PlanError.invalidInput(L("the display name is empty; any name or pseudonym will do")) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) else {
            throw PlanError.invalidInput(L("the display name holds control characters or line breaks"))
        }
        guard name.count <= 100, name.utf8.count <= EventBounds.maximumNameBytes else {
            throw PlanError.invalidInput(L("the display name is longer than 100 characters"))
        }
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" || $0 == "," })
        if words.contains(where: { $0.contains("@") && EmailAddress.isWellFormed(String($0)) }) {
            throw PlanError.invalidInput(L("the display name looks like an email address; addresses are never published: give a name or pseudonym, and the address separately"))
        }
        return name
    }
}
