import Crypto
import Foundation

/// Making and checking SSHSIG signatures. The signed bytes are
/// `"SSHSIG" ‖ string(namespace) ‖ string("") ‖ string(hash name) ‖ string(hash(message))`.
extension SSHSignature {
    /// Signs `message` for `namespace` (such as `git`) and returns the armored signature, byte for byte
    /// what `ssh-keygen -Y sign -n NAMESPACE -f KEY` writes.
    public static func sign(
        message: some DataProtocol,
        namespace: String,
        key: SSHPrivateKey
    ) throws(SSHSigError) -> String {
        try make(message: message, namespace: namespace, key: key, hashAlgorithm: .sha512).armored
    }

    /// Signs with a chosen hash algorithm (nap always uses sha512; sha256 exists for tests).
    static func make(
        message: some DataProtocol,
        namespace: String,
        key: SSHPrivateKey,
        hashAlgorithm: HashAlgorithm
    ) throws(SSHSigError) -> SSHSignature {
        try validate(namespace: namespace)
        let namespaceBytes = Array(namespace.utf8)
        let toSign = signedData(namespace: namespaceBytes, hashAlgorithm: hashAlgorithm, message: message)
        return SSHSignature(
            publicKey: key.publicKey,
            namespaceBytes: namespaceBytes,
            hashAlgorithm: hashAlgorithm,
            rawSignature: try key.sign(toSign)
        )
    }

    /// Checks this signature over `message` for `namespace` and returns the signer's key.
    ///
    /// A valid signature only proves that the holder of `publicKey` signed; whether that key is
    /// trusted is the caller's question (see `verify(armored:message:namespace:allowedKeys:)`).
    public func verify(message: some DataProtocol, namespace: String) throws(SSHSigError) -> SSHPublicKey {
        guard namespaceBytes == Array(namespace.utf8) else {
            throw .namespaceMismatch(expected: namespace, found: self.namespace)
        }
        let signed = Self.signedData(namespace: namespaceBytes, hashAlgorithm: hashAlgorithm, message: message)
        guard try publicKey.signingKey.isValidSignature(rawSignature, for: signed) else {
            throw .invalidSignature
        }
        return publicKey
    }

    /// Parses and checks an armored signature; returns the signer's key when it is valid.
    public static func verify(
        armored: String,
        message: some DataProtocol,
        namespace: String
    ) throws(SSHSigError) -> SSHPublicKey {
        try parse(armored: armored).verify(message: message, namespace: namespace)
    }

    /// Like `verify(armored:message:namespace:)`, and the signer must be one of `allowedKeys`.
    /// Returns the matching element of `allowedKeys` (with its comment).
    public static func verify(
        armored: String,
        message: some DataProtocol,
        namespace: String,
        allowedKeys: some Sequence<SSHPublicKey>
    ) throws(SSHSigError) -> SSHPublicKey {
        let signer = try verify(armored: armored, message: message, namespace: namespace)
        guard let allowed = allowedKeys.first(where: { $0 == signer }) else {
            throw .signerNotAllowed(fingerprint: signer.fingerprint)
        }
        return allowed
    }

    /// Throws `invalidNamespace` for a namespace that OpenSSH or an allowed-signers file cannot
    /// express exactly: empty, or containing whitespace, control characters, quotes, commas or the
    /// pattern characters `*`, `?`, `!`.
    static func validate(namespace: String) throws(SSHSigError) {
        let forbidden: Set<Character> = ["\"", "'", ",", "*", "?", "!", "\\"]
        let isValid = !namespace.isEmpty && !namespace.contains { character in
            forbidden.contains(character) || character.isWhitespace
                || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        guard isValid else { throw .invalidNamespace(namespace) }
    }

    private static func signedData(
        namespace: [UInt8],
        hashAlgorithm: HashAlgorithm,
        message: some DataProtocol
    ) -> [UInt8] {
        let digest: [UInt8] = switch hashAlgorithm {
        case .sha256: Array(SHA256.hash(data: message))
        case .sha512: Array(SHA512.hash(data: message))
        }
        var writer = WireWriter()
        writer.append(raw: magic)
        writer.append(string: namespace)
        writer.append(string: [UInt8]())
        writer.append(string: hashAlgorithm.rawValue)
        writer.append(string: digest)
        return writer.bytes
    }
}
