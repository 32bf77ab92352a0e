import GitKit

/// What a published version's tag signature proves, judged as `nap verify` judges it: an SSHSIG over the
/// tag object (namespace `git`), made by the tagger's key in members.yml of the tagged commit.
public enum VersionSignatureStatus: Sendable, Equatable {
    /// Signed by the tagger's registered key.
    case good(fingerprint: String)
    /// A valid signature, by a key members.yml does not give the tagger.
    case wrongKey(fingerprint: String)
    /// A garbled signature, or one over other bytes.
    case invalid(reason: String)
    /// An OpenPGP or X.509 signature, which nap does not check.
    case notChecked
    /// No signature; `required` when plan.yml of the tagged commit requires signatures.
    case unsigned(required: Bool)

    /// `good`, `wrong-key`, `invalid`, `not-checked`, `unsigned`.
    public var name: String {
        switch self {
        case .good: "good"
        case .wrongKey: "wrong-key"
        case .invalid: "invalid"
        case .notChecked: "not-checked"
        case .unsigned: "unsigned"
        }
    }
}

extension PlanStore {
    /// The signature status of a published version's tag.
    public func signatureStatus(of version: PublishedVersion) throws -> VersionSignatureStatus {
        let raw = try PlanError.wrap { try repository.readObject(version.tag) }.data
        guard let split = Verifier.signatureStart(in: raw) else {
            let required = (try loadPlan(at: version.commit).plan?.policy.requireSignatures) ?? false
            return .unsigned(required: required)
        }
        let armored = String(decoding: raw[split...], as: UTF8.self)
        guard armored.contains("-----BEGIN SSH SIGNATURE-----") else { return .notChecked }
        switch Record.signatureState(armored: armored, message: Array(raw[..<split]), namespace: SigningNamespace.git) {
        case .invalid(let reason):
            return .invalid(reason: reason.description)
        case .unsigned:
            return .unsigned(required: false)
        case .signed(let key):
            let members = try loadPlan(at: version.commit).members
            let expected = version.tagger.flatMap { members.member(email: $0.email) }.flatMap(MembersTimeline.key(of:))
            return key == expected ? .good(fingerprint: key.fingerprint) : .wrongKey(fingerprint: key.fingerprint)
        }
    }
}
