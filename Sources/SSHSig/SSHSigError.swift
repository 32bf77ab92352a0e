import Foundation

/// Everything that can go wrong while reading keys, signing, verifying or writing allowed-signers files.
///
/// Each case carries the data a user needs to act on it; `description` is a sentence for the user.
public enum SSHSigError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The key type is a real OpenSSH type that nap does not sign with (only `ssh-ed25519` is supported).
    case unsupportedKeyType(String)
    /// An `ssh-ed25519 AAAA… comment` line that cannot be read; the reason says why.
    case malformedPublicKey(String)
    /// An OpenSSH private key file that cannot be read; the reason says why.
    case malformedPrivateKey(String)
    /// The private key is protected by a passphrase (encrypted with the named cipher).
    case encryptedKey(cipher: String)
    /// The two check integers of a private key differ: the key is corrupt (or was decrypted wrongly).
    case checkIntMismatch
    /// The public key stored in a private key file does not belong to its private part.
    case publicKeyMismatch
    /// A `-----BEGIN …-----` / `-----END …-----` block is missing, misplaced or not base64.
    case badArmor(String)
    /// The data ends before the named field could be read.
    case truncated(String)
    /// Bytes follow the last field of the named structure.
    case trailingData(String)
    /// The signature does not start with the `SSHSIG` magic bytes.
    case badMagic
    /// The signature uses a format version other than 1.
    case unsupportedVersion(UInt32)
    /// The signature hashes the message with an algorithm other than sha256 or sha512.
    case unsupportedHash(String)
    /// The signature was made for another purpose (namespace) than the one being checked.
    case namespaceMismatch(expected: String, found: String)
    /// A namespace that cannot be used (empty, or with characters that would break an allowed-signers file).
    case invalidNamespace(String)
    /// The signature does not match the message and key: the message or the signature was changed.
    case invalidSignature
    /// The cryptography library refused to sign (carries its message).
    case signingFailed(String)
    /// The signature is valid but its key is not among the allowed keys.
    case signerNotAllowed(fingerprint: String)
    /// An identity (email) that cannot be written into an allowed-signers file; the reason says why.
    case invalidPrincipal(String, reason: String)
    /// An allowed-signers entry without namespaces (which would allow every namespace).
    case noNamespaces(principal: String)
    /// A private key file was not written because a file already exists at that path.
    case fileExists(path: String)
    /// A file could not be written; carries the path and the system's message.
    case writeFailed(path: String, message: String)

    public var description: String {
        switch self {
        case .unsupportedKeyType(let type):
            "unsupported key type '\(type)': nap signs only with ed25519 keys "
                + "(create one with `ssh-keygen -t ed25519`)"
        case .malformedPublicKey(let reason):
            "not a valid OpenSSH public key: \(reason)"
        case .malformedPrivateKey(let reason):
            "not a valid OpenSSH private key: \(reason)"
        case .encryptedKey(let cipher):
            "the private key is protected by a passphrase (\(cipher)); nap cannot ask for passphrases. "
                + "Use a key without a passphrase (remove it with `ssh-keygen -p -f KEYFILE`) "
                + "or keep the protected key in ssh-agent"
        case .checkIntMismatch:
            "the private key is corrupt: its check integers do not match"
        case .publicKeyMismatch:
            "the private key is corrupt: its public key does not belong to its private part"
        case .badArmor(let reason):
            "not a valid armored block: \(reason)"
        case .truncated(let field):
            "the data is truncated: it ends while reading the \(field)"
        case .trailingData(let structure):
            "unexpected bytes after the end of the \(structure)"
        case .badMagic:
            "not an SSH signature: it does not start with SSHSIG"
        case .unsupportedVersion(let version):
            "unsupported SSH signature version \(version) (only version 1 exists)"
        case .unsupportedHash(let name):
            "unsupported hash algorithm '\(name)' in the signature (expected sha256 or sha512)"
        case .namespaceMismatch(let expected, let found):
            "the signature was made for namespace '\(found)', not '\(expected)'"
        case .invalidNamespace(let namespace):
            "invalid signature namespace '\(namespace)': it must be non-empty and must not contain "
                + "spaces, quotes, commas, '*', '?' or '!'"
        case .invalidSignature:
            "the signature does not match: the signed data or the signature was changed"
        case .signingFailed(let message):
            "could not sign: \(message)"
        case .signerNotAllowed(let fingerprint):
            "the signature is valid but key \(fingerprint) is not an allowed signer"
        case .invalidPrincipal(let principal, let reason):
            "cannot write '\(principal)' into an allowed-signers file: \(reason)"
        case .noNamespaces(let principal):
            "the allowed signer '\(principal)' has no namespaces; list at least one"
        case .fileExists(let path):
            "not overwriting \(path): the file already exists"
        case .writeFailed(let path, let message):
            "could not write \(path): \(message)"
        }
    }

    public var errorDescription: String? { description }
}
