import Foundation
import Testing
@testable import SSHSig

/// Signatures that must not verify, each with the precise error.
@Suite("SSHSignature rejections")
struct SignatureRejectionTests {
    let key = SSHPrivateKey.generate(comment: "alice@example.org")
    let message = Array("approve proposal 12\n".utf8)

    private func signed(namespace: String = "git") throws -> String {
        try SSHSignature.sign(message: message, namespace: namespace, key: key)
    }

    private func blob(_ armored: String) throws -> [UInt8] {
        try Armor.unwrap(armored, label: SSHSignature.armorLabel)
    }

    private func armor(_ blob: [UInt8]) -> String {
        Armor.wrap(blob, label: SSHSignature.armorLabel)
    }

    @Test("a signature over other bytes")
    func otherBytes() throws {
        let armored = try signed()
        #expect(throws: SSHSigError.invalidSignature) {
            try SSHSignature.verify(armored: armored, message: message + [0x0A], namespace: "git")
        }
    }

    @Test("a wrong namespace")
    func wrongNamespace() throws {
        let armored = try signed(namespace: "nap-event")
        #expect(throws: SSHSigError.namespaceMismatch(expected: "git", found: "nap-event")) {
            try SSHSignature.verify(armored: armored, message: message, namespace: "git")
        }
    }

    @Test("a truncated signature")
    func truncated() throws {
        var bytes = try blob(try signed())
        bytes.removeLast(10)
        #expect(throws: SSHSigError.truncated("signature")) {
            try SSHSignature.verify(armored: armor(bytes), message: message, namespace: "git")
        }
        // Cut in the middle of the text: the END line is gone.
        let text = try signed()
        let half = String(text.prefix(text.count / 2))
        #expect(throws: SSHSigError.badArmor("it does not end with '-----END SSH SIGNATURE-----'")) {
            try SSHSignature.verify(armored: half, message: message, namespace: "git")
        }
    }

    @Test("a garbled signature")
    func garbled() throws {
        var bytes = try blob(try signed())
        bytes[bytes.count - 1] ^= 0x80
        #expect(throws: SSHSigError.invalidSignature) {
            try SSHSignature.verify(armored: armor(bytes), message: message, namespace: "git")
        }
        let notBase64 = try signed().replacingOccurrences(of: "U1NIU0lH", with: "U1N!U0lH")
        #expect(throws: SSHSigError.badArmor("the text between the BEGIN and END lines is not valid base64")) {
            try SSHSignature.verify(armored: notBase64, message: message, namespace: "git")
        }
    }

    @Test("bad armor", arguments: [
        "",
        "U1NIU0lH",
        "-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----\n",
        "-----BEGIN PGP SIGNATURE-----\nU1NIU0lH\n-----END PGP SIGNATURE-----\n",
    ])
    func badArmor(text: String) {
        #expect {
            try SSHSignature.parse(armored: text)
        } throws: { error in
            guard case .badArmor = error as? SSHSigError else { return false }
            return true
        }
    }

    @Test("bad magic, unknown version, unsupported hash, trailing data")
    func badHeaderFields() throws {
        let good = try SSHSignature.parse(armored: try signed())
        var bytes = good.blob
        bytes[0] = UInt8(ascii: "X")
        #expect(throws: SSHSigError.badMagic) { try SSHSignature.parse(armored: armor(bytes)) }

        bytes = good.blob
        bytes[9] = 2 // the last byte of the big-endian version
        #expect(throws: SSHSigError.unsupportedVersion(2)) { try SSHSignature.parse(armored: armor(bytes)) }

        var writer = WireWriter()
        writer.append(raw: SSHSignature.magic)
        writer.append(1)
        writer.append(string: key.publicKey.wireFormat)
        writer.append(string: "git")
        writer.append(string: "")
        writer.append(string: "sha1")
        writer.append(string: Array(good.blob.suffix(87))) // the signature field: 4+11+4+64 bytes + length
        #expect(throws: SSHSigError.unsupportedHash("sha1")) { try SSHSignature.parse(armored: armor(writer.bytes)) }

        #expect(throws: SSHSigError.trailingData("SSH signature")) {
            try SSHSignature.parse(armored: armor(good.blob + [0]))
        }
    }

    @Test("a signature made with an RSA key")
    func rsaSignature() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        try tool.generateKey("rsa", type: "rsa")
        try tool.write("message", bytes: message)
        try tool.sshKeygen(["-Y", "sign", "-n", "git", "-f", tool.path("rsa"), tool.path("message")])
        let armored = try tool.read("message.sig")
        #expect(throws: SSHSigError.unsupportedKeyType("ssh-rsa")) {
            try SSHSignature.verify(armored: armored, message: message, namespace: "git")
        }
    }

    @Test("a valid signature by a key that is not allowed")
    func notAllowed() throws {
        let armored = try signed()
        let other = SSHPrivateKey.generate().publicKey
        #expect(throws: SSHSigError.signerNotAllowed(fingerprint: key.publicKey.fingerprint)) {
            try SSHSignature.verify(armored: armored, message: message, namespace: "git", allowedKeys: [other])
        }
        #expect(throws: SSHSigError.signerNotAllowed(fingerprint: key.publicKey.fingerprint)) {
            try SSHSignature.verify(armored: armored, message: message, namespace: "git", allowedKeys: [])
        }
    }

    @Test("another key's signature with this key swapped in")
    func swappedKey() throws {
        let other = SSHPrivateKey.generate()
        let forged = SSHSignature(
            publicKey: key.publicKey,
            namespaceBytes: Array("git".utf8),
            hashAlgorithm: .sha512,
            rawSignature: try SSHSignature.parse(
                armored: try SSHSignature.sign(message: message, namespace: "git", key: other)
            ).rawSignature
        )
        #expect(throws: SSHSigError.invalidSignature) {
            try SSHSignature.verify(armored: forged.armored, message: message, namespace: "git")
        }
    }

    @Test("namespaces that cannot be signed", arguments: ["", "git nap", "git,nap", "g*t", "\"git\"", "!git", "git\n"])
    func invalidNamespace(namespace: String) {
        #expect(throws: SSHSigError.invalidNamespace(namespace)) {
            try SSHSignature.sign(message: message, namespace: namespace, key: key)
        }
    }
}
