/// The `openssh-key-v1` file format (OpenSSH PROTOCOL.key), unencrypted, one Ed25519 key:
///
///     "openssh-key-v1\0" ‖ string(cipher "none") ‖ string(kdf "none") ‖ string(kdf options "")
///     ‖ uint32(1) ‖ string(public key blob) ‖ string(private section)
///
/// The private section is `uint32 checkint ‖ uint32 checkint ‖ string("ssh-ed25519") ‖ string(pub)
/// ‖ string(seed ‖ pub) ‖ string(comment)` padded with 1, 2, 3, … to a multiple of 8 bytes.
/// This file does not handle encrypted keys (it reports them) or files holding several keys.
extension SSHPrivateKey {
    static let armorLabel = "OPENSSH PRIVATE KEY"
    private static let magic = Array("openssh-key-v1\0".utf8)
    private static let blockSize = 8

    /// Reads the text of an unencrypted OpenSSH Ed25519 private key file.
    ///
    /// Checks the check integers, the padding, and that the stored public key belongs to the seed.
    /// A passphrase-protected key throws `encryptedKey`.
    public init(openSSHFormat text: String) throws(SSHSigError) {
        let blob: [UInt8]
        do throws(SSHSigError) {
            blob = try Armor.unwrap(text, label: Self.armorLabel)
        } catch .badArmor(let reason) {
            throw .malformedPrivateKey(reason)
        }
        var reader = WireReader(blob)
        guard try reader.readBytes(Self.magic.count, field: "file magic") == Self.magic else {
            throw .malformedPrivateKey("it does not start with 'openssh-key-v1'")
        }
        let cipher = String(decoding: try reader.readString(field: "cipher name"), as: UTF8.self)
        let kdf = String(decoding: try reader.readString(field: "key derivation name"), as: UTF8.self)
        _ = try reader.readString(field: "key derivation options")
        guard cipher == "none" else { throw .encryptedKey(cipher: cipher) }
        guard kdf == "none" else {
            throw .malformedPrivateKey("key derivation '\(kdf)' is set although the key is not encrypted")
        }
        let keyCount = try reader.readUInt32(field: "number of keys")
        guard keyCount == 1 else {
            throw .malformedPrivateKey("the file holds \(keyCount) keys; nap reads files with exactly one")
        }
        let outerPublicKey = try SSHPublicKey(wireFormat: try reader.readString(field: "public key"))
        let privateSection = try reader.readString(field: "private section")
        try reader.expectEnd(of: "private key file")
        try self.init(privateSection: privateSection, expecting: outerPublicKey)
    }

    private init(privateSection: [UInt8], expecting outerPublicKey: SSHPublicKey) throws(SSHSigError) {
        guard privateSection.count % Self.blockSize == 0 else {
            throw .malformedPrivateKey("the private section is not a multiple of \(Self.blockSize) bytes")
        }
        var reader = WireReader(privateSection)
        let check1 = try reader.readUInt32(field: "first check integer")
        let check2 = try reader.readUInt32(field: "second check integer")
        guard check1 == check2 else { throw .checkIntMismatch }
        let type = String(decoding: try reader.readString(field: "private key type"), as: UTF8.self)
        guard type == SSHPublicKey.keyType else { throw .unsupportedKeyType(type) }
        let innerPublicKey = try SSHPublicKey(rawRepresentation: try reader.readString(field: "public key"))
        let secret = try reader.readString(field: "private key")
        let comment = String(decoding: try reader.readString(field: "comment"), as: UTF8.self)
        let padding = Array(reader.remaining)
        guard padding == (0..<padding.count).map({ UInt8(truncatingIfNeeded: $0 + 1) }) else {
            throw .malformedPrivateKey("the padding after the comment is not 1, 2, 3, …")
        }
        guard secret.count == 64 else {
            throw .malformedPrivateKey("an ed25519 private key has 64 bytes, not \(secret.count)")
        }
        try self.init(seed: Array(secret[0..<32]), comment: comment, checkInt: check1)
        guard innerPublicKey == outerPublicKey,
              Array(secret[32..<64]) == innerPublicKey.rawRepresentation,
              publicKey == innerPublicKey
        else { throw .publicKeyMismatch }
    }

    /// The key as OpenSSH writes it unencrypted (`ssh-keygen -N ''`): armored, 70-column base64,
    /// final newline. Suitable for `ssh-keygen -y -f` and `git -c user.signingkey=…`.
    public var openSSHFormat: String {
        var section = WireWriter()
        section.append(checkInt)
        section.append(checkInt)
        section.append(string: SSHPublicKey.keyType)
        section.append(string: publicKey.rawRepresentation)
        section.append(string: seed + publicKey.rawRepresentation)
        section.append(string: comment)
        var pad: UInt8 = 1
        while section.bytes.count % Self.blockSize != 0 {
            section.append(raw: [pad])
            pad += 1
        }
        var file = WireWriter()
        file.append(raw: Self.magic)
        file.append(string: "none")
        file.append(string: "none")
        file.append(string: "")
        file.append(1)
        file.append(string: publicKey.wireFormat)
        file.append(string: section.bytes)
        return Armor.wrap(file.bytes, label: Self.armorLabel)
    }
}
