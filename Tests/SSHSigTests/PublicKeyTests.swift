import Foundation
import Testing
@testable import SSHSig

@Suite("SSHPublicKey")
struct PublicKeyTests {
    @Test("reads a .pub line from ssh-keygen and writes it back unchanged")
    func roundTrip() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        try tool.generateKey("id")
        let line = try tool.read("id.pub").trimmingCharacters(in: .newlines)
        let key = try SSHPublicKey(authorizedKeyLine: line)
        #expect(key.comment == "alice@example.org")
        #expect(key.authorizedKeyLine == line)
        #expect(key.rawRepresentation.count == 32)
    }

    @Test("fingerprint equals ssh-keygen -lf")
    func fingerprint() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        try tool.generateKey("id")
        let key = try SSHPublicKey(authorizedKeyLine: try tool.read("id.pub"))
        // "256 SHA256:… alice@example.org (ED25519)"
        let printed = try tool.sshKeygen(["-lf", tool.path("id.pub")]).split(separator: " ")
        #expect(printed.count >= 2)
        #expect(key.fingerprint == String(printed[1]))
        #expect(!key.fingerprint.hasSuffix("="))
    }

    @Test("equality ignores the comment")
    func equality() throws {
        let line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx+u7EFeu4zm3vZkhHRK5vqI7+YUxxbeVC3Er7NTcEI"
        let plain = try SSHPublicKey(authorizedKeyLine: line)
        let commented = try SSHPublicKey(authorizedKeyLine: line + " someone else")
        #expect(plain == commented)
        #expect(Set([plain, commented]).count == 1)
        #expect(plain.comment == nil)
        #expect(plain.authorizedKeyLine == line)
        #expect(plain != SSHPrivateKey.generate().publicKey)
    }

    @Test("an ssh-rsa key is rejected with its type named")
    func rejectsRSA() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        try tool.generateKey("rsa", type: "rsa")
        let line = try tool.read("rsa.pub")
        #expect(throws: SSHSigError.unsupportedKeyType("ssh-rsa")) { try SSHPublicKey(authorizedKeyLine: line) }
        #expect(SSHSigError.unsupportedKeyType("ssh-rsa").description.contains("ssh-rsa"))
    }

    @Test("an ecdsa key is rejected with its type named")
    func rejectsECDSA() {
        let line = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= x"
        #expect(throws: SSHSigError.unsupportedKeyType("ecdsa-sha2-nistp256")) {
            try SSHPublicKey(authorizedKeyLine: line)
        }
    }

    @Test("garbled lines are rejected", arguments: [
        "",
        "hello world",
        "ssh-ed25519",
        "ssh-ed25519 not*base64!",
        // Valid base64, but the blob is cut short after the key type.
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAA=",
        // A 31-byte key.
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAHwABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4=",
        // The blob says ssh-rsa although the line says ssh-ed25519.
        "ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAAAEAAAAAAAAAAAAAAAAAAAAAA=",
    ])
    func rejectsGarbled(line: String) {
        #expect(throws: SSHSigError.self) { try SSHPublicKey(authorizedKeyLine: line) }
    }

    @Test("trailing bytes after the key are rejected")
    func rejectsTrailingBytes() throws {
        let key = SSHPrivateKey.generate().publicKey
        let blob = Data(key.wireFormat + [0]).base64EncodedString()
        #expect(throws: SSHSigError.trailingData("public key")) {
            try SSHPublicKey(authorizedKeyLine: "ssh-ed25519 \(blob)")
        }
    }
}
