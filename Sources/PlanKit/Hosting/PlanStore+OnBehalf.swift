import Foundation
import Localization
import SSHSig

extension PlanStore {
    /// The same plan, writing as this repository's host identity (git user + signing key, which must be a
    /// host in members.yml on main) on behalf of `principal`. Every event it writes carries `on-behalf-of`
    /// and is signed by the host key; refuses when the configured identity is not a host or has no key.
    ///
    /// With that store, `comment(on:…)`, `respond(to:…)`, `setResolved(_:resolved:)`, `review(_:verdict:body:)`,
    /// `hide(_:on:reason:)` and `merge(_:)` act as the principal, with the same rules as on the command line:
    /// a member does what their role and sector allow, a member of the public only comments. A merge
    /// through a host needs `host-attested-approvals: true` in the plan's policy.
    ///
    /// The store returned shares this store's memos (what one write read serves the next), its signer, and, inside
    /// `appendingTogether`, its gathering of appends into one commit.
    public func onBehalf(of principal: Principal) throws -> PlanStore {
        guard hostAgency == nil else {
            throw PlanError.refused(reason: L("this store already writes on behalf of someone; call onBehalf(of:) on the host's own store"), hint: nil)
        }
        let signature = try identity()
        let members = try currentMembers()
        let hint = L("add the server through a proposal: nap member add <id> --role host --sector <who runs it> --email \(signature.email) --key <host key>.pub (docs/SECURITY.md, \"Hosts\")")
        guard let host = members.member(email: signature.email), host.role == .host else {
            throw PlanError.refused(reason: L("\(signature.email) is not a host in members.yml on main; only a host writes on behalf of others"), hint: hint)
        }
        guard let registered = registeredKey(of: host) else {
            throw PlanError.refused(reason: L("members.yml on main lists no key for host \(host.id)"), hint: hint)
        }
        guard let key = try signer.key() else {
            throw PlanError.refused(reason: L("nap found no signing key for host \(host.id); every event a host writes is signed"),
                                    hint: L("set NAP_SIGNING_KEY or git config user.signingkey to the host's private key"))
        }
        guard key.publicKey == registered else {
            throw PlanError.refused(reason: L("the signing key (\(key.publicKey.fingerprint)) is not the key members.yml lists for host \(host.id) (\(registered.fingerprint))"),
                                    hint: L("set NAP_SIGNING_KEY or git config user.signingkey to the host's private key"))
        }
        let checked: Principal
        switch principal {
        case .member(let id):
            guard id != host.id else { throw PlanError.refused(reason: L("host \(host.id) cannot act on behalf of itself"), hint: nil) }
            guard let member = members.member(id: id) else { throw PlanError.notFound(kind: L("member"), name: id) }
            guard member.role != .host else { throw PlanError.refused(reason: L("\(id) is a host; a host acts only for people"), hint: nil) }
            checked = principal
        case .publicPerson(let name):
            checked = .publicPerson(displayName: try HostAgency.checkedDisplayName(name))
        }
        let store = try PlanStore(sharingMemosOf: self)
        let agency = HostAgency(host: host, principal: checked)
        store.hostAgency = agency
        store.record.onBehalfOf = agency.stamp
        store.record.batch = record.batch
        return store
    }

    /// The host this store writes through and the principal it acts for; nil for a store that writes as
    /// its own user.
    public var actingFor: (host: String, principal: Principal)? {
        hostAgency.map { ($0.host.id, $0.principal) }
    }
}
