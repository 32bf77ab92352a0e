import Foundation
import Testing
@testable import SSHSig

@Suite("SSHPrivateKey")
struct PrivateKeyTests {
    @Test("reads an ssh-keygen key and writes it back byte for byte")
    func readsSSHKeygenKey() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let file = try tool.generateKey("id")
        let key = try SSHPrivateKey(openSSHFormat: file)
        let publicLine = try tool.read("id.pub").trimmingCharacters(in: .newlines)
        #expect(key.publicKey == (try SSHPublicKey(authorizedKeyLine: publicLine)))
        #expect(key.publicKey.authorizedKeyLine == publicLine)
        #expect(key.comment == "alice@example.org")
        #expect(key.openSSHFormat == file)
    }

    @Test("a generated key is read back by ssh-keygen -y, and written with mode 0600")
    func generatedKeyReadBySSHKeygen() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let key = SSHPrivateKey.generate(comment: "bob@example.org")
        let url = URL(fileURLWithPath: tool.path("generated"))
        try key.write(to: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try tool.read("generated") == key.openSSHFormat)

        let derived = try tool.sshKeygen(["-y", "-f", url.path]).trimmingCharacters(in: .newlines)
        #expect(derived == key.publicKey.authorizedKeyLine)
        #expect(try SSHPublicKey(authorizedKeyLine: derived) == key.publicKey)
        #expect(try SSHPrivateKey(openSSHFormat: key.openSSHFormat).publicKey == key.publicKey)
    }

    @Test("write(to:) refuses to overwrite")
    func refusesOverwrite() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        try tool.write("existing", "keep me\n")
        let url = URL(fileURLWithPath: tool.path("existing"))
        #expect(throws: SSHSigError.fileExists(path: url.path)) { try SSHPrivateKey.generate().write(to: url) }
        #expect(try tool.read("existing") == "keep me\n")
        let missingFolder = URL(fileURLWithPath: tool.path("missing/key"))
        #expect(throws: SSHSigError.self) { try SSHPrivateKey.generate().write(to: missingFolder) }
    }

    @Test("a passphrase-protected key gives encryptedKey")
    func rejectsEncryptedKey() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let file = try tool.generateKey("locked", passphrase: "secret")
        #expect(throws: SSHSigError.encryptedKey(cipher: "aes256-ctr")) { try SSHPrivateKey(openSSHFormat: file) }
        #expect(SSHSigError.encryptedKey(cipher: "aes256-ctr").description.contains("ssh-keygen -p"))
    }

    @Test("an RSA private key gives unsupportedKeyType")
    func rejectsRSAKey() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let file = try tool.generateKey("rsa", type: "rsa")
        #expect(throws: SSHSigError.unsupportedKeyType("ssh-rsa")) { try SSHPrivateKey(openSSHFormat: file) }
    }

    @Test("differing check integers give checkIntMismatch")
    func rejectsWrongCheckInts() throws {
        // Header: magic 15, "none" 8, "none" 8, "" 4, count 4, public key 4+51, section length 4.
        let file = try corrupt(SSHPrivateKey.generate().openSSHFormat, byteAt: 98)
        #expect(throws: SSHSigError.checkIntMismatch) { try SSHPrivateKey(openSSHFormat: file) }
    }

    @Test("a stored public key that does not match the seed gives publicKeyMismatch")
    func rejectsMismatchedPublicKey() throws {
        // The last byte of the outer public key (bytes 62..<94).
        let file = try corrupt(SSHPrivateKey.generate().openSSHFormat, byteAt: 93)
        #expect(throws: SSHSigError.publicKeyMismatch) { try SSHPrivateKey(openSSHFormat: file) }
    }

    @Test("bad padding is rejected")
    func rejectsBadPadding() throws {
        // With a 3-byte comment the section is 134 bytes, so 2 padding bytes end the blob.
        let key = SSHPrivateKey.generate(comment: "abc")
        let blob = try Armor.unwrap(key.openSSHFormat, label: SSHPrivateKey.armorLabel)
        let file = try corrupt(key.openSSHFormat, byteAt: blob.count - 1)
        #expect(throws: SSHSigError.malformedPrivateKey("the padding after the comment is not 1, 2, 3, …")) {
            try SSHPrivateKey(openSSHFormat: file)
        }
    }

    @Test("text that is not an OpenSSH private key is rejected", arguments: [
        "",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx+u7EFeu4zm3vZkhHRK5vqI7+YUxxbeVC3Er7NTcEI",
        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----\n",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n#$%^\n-----END OPENSSH PRIVATE KEY-----\n",
    ])
    func rejectsNonKeys(text: String) {
        #expect(throws: SSHSigError.self) { try SSHPrivateKey(openSSHFormat: text) }
    }

    @Test("a truncated key file is rejected")
    func rejectsTruncatedKey() throws {
        let key = SSHPrivateKey.generate()
        var blob = try Armor.unwrap(key.openSSHFormat, label: SSHPrivateKey.armorLabel)
        blob.removeLast(40)
        #expect(throws: SSHSigError.truncated("private section")) {
            try SSHPrivateKey(openSSHFormat: Armor.wrap(blob, label: SSHPrivateKey.armorLabel))
        }
    }

    @Test("the description shows the fingerprint, not the secret")
    func descriptionHidesSecret() {
        let key = SSHPrivateKey.generate(comment: "carol@example.org")
        #expect(String(describing: key).contains(key.publicKey.fingerprint))
        #expect(!String(describing: key).contains(Data(key.seed).base64EncodedString()))
    }

    /// The file with one byte of its decoded blob flipped.
    private func corrupt(_ file: String, byteAt offset: Int) throws -> String {
        var blob = try Armor.unwrap(file, label: SSHPrivateKey.armorLabel)
        blob[offset] ^= 0x01
        return Armor.wrap(blob, label: SSHPrivateKey.armorLabel)
    }
}
