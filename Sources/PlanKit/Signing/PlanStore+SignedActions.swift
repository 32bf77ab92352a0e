import Foundation
import Localization
import SSHSig

extension PlanStore {
    /// Refuses, before anything is written, an action whose event would not count: under
    /// `require-signatures`, an event that changes the merge gate (a review, a response, a withdrawal, a
    /// resolution, a merge) counts only when signed by the key members.yml on main lists for its author
    /// (docs/SECURITY.md), so writing it unsigned, or signed with another key, would only leave a
    /// quarantined event behind.
    /// Through a host (`onBehalf(of:)`), the host's key, checked when that store was made, is what counts.
    func requireCountingSignature(for action: Message, author: EventAuthor) throws {
        if let hostAgency {
            guard author.member != nil else {
                throw PlanError.refused(reason: L("only members \(action); host \(hostAgency.host.id) acts here for a member of the public"), hint: nil)
            }
            return
        }
        guard let main = try mainHead(), try loadPlan(at: main).plan?.policy.requireSignatures == true else { return }
        let hint = L("make a key with `nap key generate`, register its .pub in members.yml through a proposal (`nap member key <id> <file>.pub`), and sign with it (NAP_SIGNING_KEY or ~/.ssh/id_ed25519); docs/SIGNING.md")
        guard author.member != nil, let member = try currentMembers().member(email: author.email) else {
            throw PlanError.refused(reason: L("this plan requires signatures, and only members with a registered key can \(action); \(author.email) is not a member"), hint: nil)
        }
        guard let registered = member.key.flatMap({ try? SSHPublicKey(authorizedKeyLine: $0) }) else {
            throw PlanError.refused(reason: L("this plan requires signatures, and members.yml on main lists no key for \(member.name); \(action) unsigned would not count"), hint: hint)
        }
        guard let key = try signer.key() else {
            throw PlanError.refused(reason: L("this plan requires signatures, and nap found no signing key for you; \(action) unsigned would not count"), hint: hint)
        }
        guard key.publicKey == registered else {
            throw PlanError.refused(reason: L("this plan requires signatures, and your signing key (\(key.publicKey.fingerprint)) is not the one members.yml lists for \(member.name) (\(registered.fingerprint)); \(action) with it would not count"), hint: hint)
        }
    }
}
