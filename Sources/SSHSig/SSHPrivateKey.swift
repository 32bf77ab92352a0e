import Crypto

/// An Ed25519 private key as OpenSSH stores it (`~/.ssh/id_ed25519`), unencrypted.
///
/// Read one with `init(openSSHFormat:)`, create one with `generate(comment:)`, save it with
/// `openSSHFormat` or `write(to:)`. The description shows only the public fingerprint, never the secret.
public struct SSHPrivateKey: Sendable, CustomStringConvertible {
    /// The 32-byte Ed25519 seed (the secret).
    let seed: [UInt8]
    /// The public half, carrying the key's comment.
    public let publicKey: SSHPublicKey
    /// The key's comment (often an email address); empty when there is none.
    public let comment: String
    /// The random check integer stored twice in the file; kept so that a key read from a file is
    /// written back byte for byte.
    let checkInt: UInt32

    /// A key from its 32-byte seed.
    init(seed: [UInt8], comment: String, checkInt: UInt32) throws(SSHSigError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw .malformedPrivateKey("an ed25519 seed has 32 bytes, not \(seed.count)")
        }
        self.init(key: key, comment: comment, checkInt: checkInt)
    }

    private init(key: Curve25519.Signing.PrivateKey, comment: String, checkInt: UInt32) {
        self.seed = Array(key.rawRepresentation)
        self.comment = comment
        self.checkInt = checkInt
        self.publicKey = SSHPublicKey(
            checkedRawRepresentation: Array(key.publicKey.rawRepresentation),
            comment: comment
        )
    }

    /// A new random Ed25519 key.
    public static func generate(comment: String = "") -> SSHPrivateKey {
        SSHPrivateKey(key: Curve25519.Signing.PrivateKey(), comment: comment, checkInt: .random(in: .min ... .max))
    }

    /// Signs raw bytes with Ed25519 (deterministic on Linux, where swift-crypto uses BoringSSL).
    func sign(_ data: [UInt8]) throws(SSHSigError) -> [UInt8] {
        do {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            return Array(try key.signature(for: data))
        } catch {
            throw .signingFailed(String(describing: error))
        }
    }

    public var description: String {
        "SSHPrivateKey(\(publicKey.fingerprint)\(comment.isEmpty ? "" : " \(comment)"))"
    }
}
