import PlanKit

/// Who a web action is for: a signed-in member (by id in members.yml) or a member of the public (by the
/// display name they gave). The server never writes as itself.
enum WebPrincipal: Sendable, Equatable {
    case member(id: String)
    case publicPerson(displayName: String)
}

extension PlanStore {
    /// The store that writes for `principal`.
    /// INTERIM (until PlanKit's `onBehalf(of:)` lands on main): the server's own store, so events are the
    /// server identity's. Replaced by `try onBehalf(of: Principal(principal))`.
    func acting(for principal: WebPrincipal) throws -> PlanStore {
        self
    }
}

extension NapServe {
    /// Whether co-chairs can hide inputs from the web (PlanKit's `hide(_:on:reason:)` through the host).
    static let canHide = false
}

extension PlanWriter {
    /// Hides an input (a co-chair): not available before PlanKit's host API.
    func hide(_ target: String, on proposal: String, reason: String, member: String) async throws {
        throw PlanError.refused(reason: "hiding inputs needs the host API", hint: nil)
    }
}
