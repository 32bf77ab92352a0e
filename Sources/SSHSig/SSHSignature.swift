/// A detached SSH signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig), the format of
/// `ssh-keygen -Y sign` and of git's `gpg.format=ssh` signatures.
///
/// The blob is `"SSHSIG" ‖ uint32(1) ‖ string(public key) ‖ string(namespace) ‖ string(reserved)
/// ‖ string(hash algorithm) ‖ string(signature)`, armored between `-----BEGIN SSH SIGNATURE-----`
/// and `-----END SSH SIGNATURE-----`. Only Ed25519 keys are supported. Signing and verifying live in
/// `SSHSignature+Signing.swift`.
public struct SSHSignature: Sendable, Equatable {
    /// How the message is hashed before it is signed. nap signs with sha512, as OpenSSH does.
    public enum HashAlgorithm: String, Sendable, CaseIterable {
        case sha256
        case sha512
    }

    static let armorLabel = "SSH SIGNATURE"
    static let magic = Array("SSHSIG".utf8)
    static let version: UInt32 = 1

    /// The key that made the signature (taken from the signature itself; check it against the keys
    /// you trust).
    public let publicKey: SSHPublicKey
    /// The purpose the signature was made for, such as `git`.
    public var namespace: String { String(decoding: namespaceBytes, as: UTF8.self) }
    /// How the message was hashed.
    public let hashAlgorithm: HashAlgorithm
    /// The 64-byte Ed25519 signature.
    public let rawSignature: [UInt8]
    /// The namespace as stored, compared byte for byte when verifying.
    let namespaceBytes: [UInt8]
    /// The reserved field; empty in every signature OpenSSH makes, and not covered by the signature.
    let reserved: [UInt8]

    init(
        publicKey: SSHPublicKey,
        namespaceBytes: [UInt8],
        hashAlgorithm: HashAlgorithm,
        rawSignature: [UInt8],
        reserved: [UInt8] = []
    ) {
        self.publicKey = publicKey
        self.namespaceBytes = namespaceBytes
        self.hashAlgorithm = hashAlgorithm
        self.rawSignature = rawSignature
        self.reserved = reserved
    }

    /// Reads an armored signature without checking it against any message.
    ///
    /// Throws `badArmor`, `truncated`, `trailingData`, `badMagic`, `unsupportedVersion`,
    /// `unsupportedHash`, `unsupportedKeyType` or `invalidSignature` (a malformed signature field).
    public static func parse(armored: String) throws(SSHSigError) -> SSHSignature {
        try SSHSignature(blob: Armor.unwrap(armored, label: armorLabel))
    }

    /// Reads the binary (de-armored) form.
    public init(blob: [UInt8]) throws(SSHSigError) {
        var reader = WireReader(blob)
        guard try reader.readBytes(Self.magic.count, field: "SSHSIG magic") == Self.magic else { throw .badMagic }
        let version = try reader.readUInt32(field: "signature version")
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let publicKey = try SSHPublicKey(wireFormat: try reader.readString(field: "signer's public key"))
        let namespace = try reader.readString(field: "namespace")
        let reserved = try reader.readString(field: "reserved field")
        let hashName = String(decoding: try reader.readString(field: "hash algorithm"), as: UTF8.self)
        let signatureBlob = try reader.readString(field: "signature")
        try reader.expectEnd(of: "SSH signature")
        guard let hash = HashAlgorithm(rawValue: hashName) else { throw .unsupportedHash(hashName) }

        var signatureReader = WireReader(signatureBlob)
        let type = String(decoding: try signatureReader.readString(field: "signature type"), as: UTF8.self)
        guard type == SSHPublicKey.keyType else { throw .unsupportedKeyType(type) }
        let raw = try signatureReader.readString(field: "signature bytes")
        try signatureReader.expectEnd(of: "signature field")
        guard raw.count == 64 else { throw .invalidSignature }

        self.init(
            publicKey: publicKey,
            namespaceBytes: namespace,
            hashAlgorithm: hash,
            rawSignature: raw,
            reserved: reserved
        )
    }

    /// The binary form.
    public var blob: [UInt8] {
        var signature = WireWriter()
        signature.append(string: SSHPublicKey.keyType)
        signature.append(string: rawSignature)
        var writer = WireWriter()
        writer.append(raw: Self.magic)
        writer.append(Self.version)
        writer.append(string: publicKey.wireFormat)
        writer.append(string: namespaceBytes)
        writer.append(string: reserved)
        writer.append(string: hashAlgorithm.rawValue)
        writer.append(string: signature.bytes)
        return writer.bytes
    }

    /// The armored text, as `ssh-keygen -Y sign` writes it: 70-column base64, final newline.
    public var armored: String {
        Armor.wrap(blob, label: Self.armorLabel)
    }
}
