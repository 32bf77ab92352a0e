import PlanKit

/// Who a web action is for: a signed-in member (by id in members.yml) or a member of the public (by the
/// display name they gave). The server never writes as itself.
enum WebPrincipal: Sendable, Equatable {
    case member(id: String)
    case publicPerson(displayName: String)

    /// PlanKit's principal of a host's writes.
    var principal: Principal {
        switch self {
        case .member(let id): .member(id: id)
        case .publicPerson(let name): .publicPerson(displayName: name)
        }
    }
}

extension PlanStore {
    /// The store that writes for `principal`: through the host (this copy's git identity and key, a
    /// `role: host` member of members.yml on main), every event signed by the host key and naming the
    /// principal (`on-behalf-of`). Refuses when this copy's identity is not such a host.
    func acting(for principal: WebPrincipal) throws -> PlanStore {
        try onBehalf(of: principal.principal)
    }
}

extension NapServe {
    /// Whether co-chairs can hide inputs from the web (PlanKit's `hide(_:on:reason:)` through the host).
    static let canHide = true
}

extension PlanWriter {
    /// Hides an input (a co-chair, with a reason): an event; the input stays in the record.
    nonisolated func hide(_ target: String, on proposal: String, reason: String, member: String) async throws {
        _ = try await write(for: .member(id: member)) { try $0.hide(target, on: proposal, reason: reason) }
        await site.wrote(proposal: proposal)
    }
}
