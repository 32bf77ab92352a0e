import Foundation
import Testing
@testable import SSHSig

/// Swift signatures against stock `ssh-keygen -Y` and the Python reference signer.
@Suite("SSHSignature with OpenSSH")
struct SignatureInteropTests {
    /// Bytes that exercise binary content and a message that is not valid UTF-8.
    static let message: [UInt8] = Array("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nApprove commitment 3\n".utf8)
        + [0x00, 0xFF, 0xFE, 0x0A]

    /// Ed25519 signing is deterministic with swift-crypto's BoringSSL backend (Linux); CryptoKit on
    /// Apple platforms randomises signatures, so byte-identical comparisons only hold on Linux.
    static let deterministicSigning: Bool = {
        #if os(Linux)
        true
        #else
        false
        #endif
    }()

    @Test("signing gives byte-identical output to ssh-keygen -Y sign", .enabled(if: deterministicSigning))
    func goldenAgainstSSHKeygen() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let key = try SSHPrivateKey(openSSHFormat: try tool.generateKey("id"))
        try tool.write("message", bytes: Self.message)
        try tool.sshKeygen(["-Y", "sign", "-n", "git", "-f", tool.path("id"), tool.path("message")])
        let expected = try tool.read("message.sig")
        #expect(try SSHSignature.sign(message: Self.message, namespace: "git", key: key) == expected)
        #expect(try SSHSignature.sign(message: Data(Self.message), namespace: "git", key: key) == expected)
    }

    /// The project's Python reference signer. It lives outside the repository, in `shared/docs/`, a
    /// sibling folder of the repository's root (both here and in CI); found from this file's path.
    static let referenceScript: String = {
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/docs/sshsig-reference.py").path
    }()

    /// Runs wherever signing is deterministic (Linux). The script and Python's `cryptography` package are
    /// required there (scripts/install-deps.sh installs it): a missing one fails the test rather than
    /// skipping it.
    @Test("signing gives byte-identical output to sshsig-reference.py", .enabled(if: deterministicSigning))
    func goldenAgainstPythonReference() throws {
        let script = Self.referenceScript
        try #require(FileManager.default.fileExists(atPath: script), "the reference signer is missing at \(script)")
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let python = try tool.run("python3", ["-c", "import cryptography"])
        try #require(python.status == 0, "python3 cannot import cryptography (apt-get install python3-cryptography): \(python.errors)")
        let key = try SSHPrivateKey(openSSHFormat: try tool.generateKey("id"))
        try tool.write("message", bytes: Self.message)
        let result = try tool.run("python3", [script, tool.path("id"), tool.path("message")])
        try #require(result.status == 0, "python3 \(script): \(result.errors)")
        #expect(try SSHSignature.sign(message: Self.message, namespace: "git", key: key) == result.output)
    }

    @Test("ssh-keygen -Y verify accepts a Swift signature", arguments: ["git", "nap-event"])
    func sshKeygenVerifiesSwift(namespace: String) throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let key = SSHPrivateKey.generate(comment: "alice@example.org")
        let signers = AllowedSigners(entries: [
            try .init(principal: "alice@example.org", namespaces: ["git", "nap-event"], key: key.publicKey),
        ])
        try tool.write("allowed_signers", signers.text)
        try tool.write("sig", try SSHSignature.sign(message: Self.message, namespace: namespace, key: key))
        let output = try tool.sshKeygen([
            "-Y", "verify", "-f", tool.path("allowed_signers"), "-I", "alice@example.org",
            "-n", namespace, "-s", tool.path("sig"),
        ], input: Self.message)
        #expect(output.contains("Good \"\(namespace)\" signature for alice@example.org"))
    }

    @Test("ssh-keygen -Y verify rejects a Swift signature over other bytes or in another namespace")
    func sshKeygenRejects() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let key = SSHPrivateKey.generate()
        let signers = AllowedSigners(entries: [
            try .init(principal: "alice@example.org", namespaces: ["git"], key: key.publicKey),
        ])
        try tool.write("allowed_signers", signers.text)
        try tool.write("git.sig", try SSHSignature.sign(message: Self.message, namespace: "git", key: key))
        try tool.write("event.sig", try SSHSignature.sign(message: Self.message, namespace: "nap-event", key: key))
        func verify(_ sig: String, namespace: String, input: [UInt8]) throws -> Int32 {
            try tool.run("ssh-keygen", [
                "-Y", "verify", "-f", tool.path("allowed_signers"), "-I", "alice@example.org",
                "-n", namespace, "-s", tool.path(sig),
            ], input: input).status
        }
        #expect(try verify("git.sig", namespace: "git", input: Self.message) == 0)
        #expect(try verify("git.sig", namespace: "git", input: Self.message + [0]) != 0)
        #expect(try verify("git.sig", namespace: "nap-event", input: Self.message) != 0)
        // Signed for nap-event, but the allowed-signers line only allows git.
        #expect(try verify("event.sig", namespace: "nap-event", input: Self.message) != 0)
    }

    @Test("Swift verify accepts an ssh-keygen signature", arguments: ["sha512", "sha256"])
    func swiftVerifiesSSHKeygen(hash: String) throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        try tool.generateKey("id")
        let publicKey = try SSHPublicKey(authorizedKeyLine: try tool.read("id.pub"))
        try tool.write("message", bytes: Self.message)
        try tool.sshKeygen([
            "-Y", "sign", "-n", "git", "-O", "hashalg=\(hash)", "-f", tool.path("id"), tool.path("message"),
        ])
        let armored = try tool.read("message.sig")
        let signer = try SSHSignature.verify(armored: armored, message: Self.message, namespace: "git")
        #expect(signer == publicKey)
        let parsed = try SSHSignature.parse(armored: armored)
        #expect(parsed.hashAlgorithm.rawValue == hash)
        #expect(parsed.namespace == "git")
        #expect(parsed.armored == armored)
        let allowed = try SSHSignature.verify(
            armored: armored, message: Data(Self.message), namespace: "git", allowedKeys: [publicKey]
        )
        #expect(allowed.comment == "alice@example.org")
    }

    @Test("ssh-keygen accepts a Swift sha256 signature")
    func sha256AcceptedBySSHKeygen() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let key = SSHPrivateKey.generate()
        let signature = try SSHSignature.make(message: Self.message, namespace: "git", key: key, hashAlgorithm: .sha256)
        try tool.write("allowed_signers", AllowedSigners(entries: [
            try .init(principal: "alice@example.org", namespaces: ["git"], key: key.publicKey),
        ]).text)
        try tool.write("sig", signature.armored)
        try tool.sshKeygen([
            "-Y", "verify", "-f", tool.path("allowed_signers"), "-I", "alice@example.org",
            "-n", "git", "-s", tool.path("sig"),
        ], input: Self.message)
        #expect(try signature.verify(message: Self.message, namespace: "git") == key.publicKey)
    }

    @Test("an empty message signs and verifies both ways")
    func emptyMessage() throws {
        let tool = try OpenSSHTool()
        defer { tool.removeFolder() }
        let key = try SSHPrivateKey(openSSHFormat: try tool.generateKey("id"))
        try tool.write("empty", bytes: [])
        try tool.sshKeygen(["-Y", "sign", "-n", "git", "-f", tool.path("id"), tool.path("empty")])
        let fromSSHKeygen = try tool.read("empty.sig")
        #expect(try SSHSignature.verify(armored: fromSSHKeygen, message: [UInt8](), namespace: "git") == key.publicKey)
        let fromSwift = try SSHSignature.sign(message: [UInt8](), namespace: "git", key: key)
        #expect(try SSHSignature.verify(armored: fromSwift, message: [UInt8](), namespace: "git") == key.publicKey)
    }
}
