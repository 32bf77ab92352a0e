import Foundation
import GitKit
import Localization
import SSHSig

/// Signs what nap writes, with the user's key when there is one (see `SigningKey.locate`). The key is
/// looked for the first time something is signed, so commands that only read never fail over a key.
///
/// Not Sendable: it belongs to one `PlanStore` (and its `Record`).
public final class Signer {
    let repository: Repository
    let environment: [String: String]
    private var loaded: Result<SigningKey?, PlanError>?
    private var checkedMembership = false

    /// Receives warnings (for example: the key is not the one members.yml lists for this person). The
    /// command line prints them; PlanKit never does.
    public var warningHandler: ((String) -> Void)?

    public init(repository: Repository, environment: [String: String]) {
        self.repository = repository
        self.environment = environment
    }

    /// The key nap would sign with; nil when there is none. Throws when a key is named or present but
    /// cannot be used (passphrase, type, damage), with a message that says how to proceed.
    public func key() throws -> SigningKey? {
        if loaded == nil {
            do {
                loaded = .success(try SigningKey.locate(environment: environment, repository: repository))
            } catch let error as PlanError {
                loaded = .failure(error)
            }
        }
        return try loaded?.get() ?? nil
    }

    /// The key to sign with now; warns once when it is not the key members.yml on main gives the user.
    func keyForSigning() throws -> SSHPrivateKey? {
        guard let key = try key() else { return nil }
        if !checkedMembership {
            checkedMembership = true
            if let warning = membershipWarning(for: key) { warningHandler?(warning) }
        }
        return key.privateKey
    }

    /// Signs `bytes` for `namespace`; nil when there is no key.
    func sign(_ bytes: [UInt8], namespace: String) throws -> String? {
        guard let key = try keyForSigning() else { return nil }
        do throws(SSHSigError) {
            return try SSHSignature.sign(message: bytes, namespace: namespace, key: key)
        } catch {
            throw PlanError.refused(reason: L("could not sign: \(error.description)"), hint: nil)
        }
    }

    /// Writes a commit, signed (SSHSIG, namespace `git`, in the `gpgsig` header) when there is a key.
    /// Moves no reference.
    public func writeCommit(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String) throws -> ObjectID {
        guard let key = try keyForSigning() else {
            return try PlanError.wrap {
                try repository.createCommit(tree: tree, parents: parents, author: author, committer: committer, message: message)
            }
        }
        let content = try PlanError.wrap {
            try repository.commitContent(tree: tree, parents: parents, author: author, committer: committer, message: message)
        }
        let armored: String
        do throws(SSHSigError) {
            armored = try SSHSignature.sign(message: content, namespace: SigningNamespace.git, key: key)
        } catch {
            throw PlanError.refused(reason: L("could not sign the commit: \(error.description)"), hint: nil)
        }
        return try PlanError.wrap { try repository.createSignedCommit(content: content, signature: armored) }
    }

    /// The warning for a key that members.yml on main does not list for the user's identity.
    private func membershipWarning(for key: SigningKey) -> String? {
        guard let email = identityEmail(), let main = try? repository.referenceTarget(RefNames.main),
              let tree = try? repository.treeID(ofCommit: main),
              let bytes = try? repository.fileData(tree: tree, path: PlanFiles.members),
              let member = Members.parse(bytes).value?.member(email: email),
              let registered = member.key, let listed = try? SSHPublicKey(authorizedKeyLine: registered),
              listed != key.publicKey
        else { return nil }
        return "signing with \(key.path) (\(key.publicKey.fingerprint)), but members.yml on main gives \(member.name) (\(member.id)) "
            + "the key \(listed.fingerprint): what you sign now will not count as signed by you; "
            + "use that key (NAP_SIGNING_KEY or git config user.signingkey), or change your key in members.yml through a proposal"
    }

    private func identityEmail() -> String? {
        if let email = environment["GIT_AUTHOR_EMAIL"], !email.isEmpty { return email }
        return repository.defaultSignature()?.email
    }
}
