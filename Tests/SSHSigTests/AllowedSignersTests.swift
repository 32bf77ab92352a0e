import Foundation
import Testing
@testable import SSHSig

@Suite("AllowedSigners")
struct AllowedSignersTests {
    let key = SSHPrivateKey.generate(comment: "a comment that is not written")

    @Test("writes the ssh-keygen(1) ALLOWED SIGNERS syntax")
    func syntax() throws {
        let other = SSHPrivateKey.generate()
        let signers = AllowedSigners(entries: [
            try .init(principal: "alice@example.org", namespaces: ["git", "nap-event"], key: key.publicKey),
            try .init(principal: "bob@example.org", namespaces: ["git"], key: other.publicKey),
        ])
        let keyText = { (key: SSHPrivateKey) in
            "ssh-ed25519 " + Data(key.publicKey.wireFormat).base64EncodedString()
        }
        #expect(signers.text == """
            alice@example.org namespaces="git,nap-event" \(keyText(key))
            bob@example.org namespaces="git" \(keyText(other))

            """)
        #expect(AllowedSigners(entries: []).text == "")
    }

    @Test("ssh-keygen finds each principal and verifies through the file")
    func readBySSHKeygen() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let other = SSHPrivateKey.generate()
        let signers = AllowedSigners(entries: [
            try .init(principal: "o'brien+nap@example.org", namespaces: ["git"], key: key.publicKey),
            try .init(principal: "bob@example.org", namespaces: ["git", "nap-event"], key: other.publicKey),
        ])
        try tool.write("allowed_signers", signers.text)
        let message = Array("hello\n".utf8)
        for (principal, signer) in [("o'brien+nap@example.org", key), ("bob@example.org", other)] {
            try tool.write("sig", try SSHSignature.sign(message: message, namespace: "git", key: signer))
            let found = try tool.sshKeygen([
                "-Y", "find-principals", "-f", tool.path("allowed_signers"), "-s", tool.path("sig"),
            ])
            #expect(found == principal + "\n")
            try tool.sshKeygen([
                "-Y", "verify", "-f", tool.path("allowed_signers"), "-I", principal, "-n", "git",
                "-s", tool.path("sig"),
            ], input: message)
        }
    }

    @Test("principals that would change meaning in the file are rejected", arguments: [
        "", "alice @example.org", "\"alice\"@example.org", "alice@example.org,bob@example.org",
        "*@example.org", "alice?@example.org", "!alice@example.org", "#alice@example.org", "alice\t@example.org",
        "alice\n@example.org",
    ])
    func rejectsPrincipal(principal: String) {
        #expect {
            try AllowedSigners.Entry(principal: principal, namespaces: ["git"], key: key.publicKey)
        } throws: { error in
            guard case .invalidPrincipal(let rejected, _) = error as? SSHSigError else { return false }
            return rejected == principal
        }
    }

    @Test("namespaces are required and checked")
    func checksNamespaces() {
        #expect(throws: SSHSigError.noNamespaces(principal: "alice@example.org")) {
            try AllowedSigners.Entry(principal: "alice@example.org", namespaces: [], key: key.publicKey)
        }
        #expect(throws: SSHSigError.invalidNamespace("git\"")) {
            try AllowedSigners.Entry(principal: "alice@example.org", namespaces: ["git\""], key: key.publicKey)
        }
    }
}
