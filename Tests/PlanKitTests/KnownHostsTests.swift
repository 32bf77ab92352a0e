import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// known_hosts as OpenSSH reads it, checked against stock `ssh-keygen` where it can tell (hashed names,
/// fingerprints), and ssh host names from URLs.
@Suite struct KnownHostsTests {
    private func key(_ sandbox: Sandbox, _ name: String) throws -> (type: String, blob: [UInt8], line: String) {
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-f", sandbox.path(name)], in: sandbox.root.path)
        let line = try String(contentsOfFile: sandbox.path(name + ".pub"), encoding: .utf8)
        let fields = line.split(separator: " ")
        return (String(fields[0]), [UInt8](try #require(Data(base64Encoded: String(fields[1])))), fields.prefix(2).joined(separator: " "))
    }

    @Test func patternsHashesRevokedKeysAndFingerprints() throws {
        let sandbox = try Sandbox("known-hosts")
        let server = try key(sandbox, "server"), other = try key(sandbox, "other")
        let file = sandbox.path("known_hosts")
        let lines = """
            # a comment, then a blank line

            git.example.org,10.0.0.*,!10.0.0.9 \(server.line)
            [hub.example.org]:2222 \(server.line)
            @revoked * \(other.line)
            @cert-authority *.example.org \(other.line)
            mirror.example.org \(other.line)

            """
        try Data(lines.utf8).write(to: URL(fileURLWithPath: file))
        let known = KnownHosts(files: [file])
        func verdict(_ host: String, _ port: Int?, _ k: (type: String, blob: [UInt8], line: String)) -> HostKeyVerdict {
            known.verdict(for: SSHHostKey(host: host, port: port, type: k.type, blob: k.blob))
        }
        #expect(verdict("git.example.org", nil, server) == .trusted)
        #expect(verdict("GIT.example.org", 22, server) == .trusted, "host names match without regard to case; port 22 is the plain name")
        #expect(verdict("10.0.0.7", nil, server) == .trusted)
        #expect(verdict("hub.example.org", 2222, server) == .trusted)
        guard case .refused(let negated) = verdict("10.0.0.9", nil, server) else { Issue.record("a negated host matched"); return }
        #expect(negated.contains("is unknown"))
        guard case .refused(let otherPort) = verdict("hub.example.org", nil, server) else { Issue.record("another port matched"); return }
        #expect(otherPort.contains("is unknown"))
        guard case .refused(let changed) = verdict("mirror.example.org", nil, server) else { Issue.record("a changed key was trusted"); return }
        #expect(changed.contains("does not match") && changed.contains("line 7"))
        guard case .refused(let revoked) = verdict("mirror.example.org", nil, other) else { Issue.record("a revoked key was trusted"); return }
        #expect(revoked.contains("revoked"))

        // Hashed by stock ssh-keygen: still matched, and the fingerprint is ssh-keygen's.
        try sshKeygen(["-q", "-H", "-f", file], in: sandbox.root.path)
        let hashed = KnownHosts(files: [file])
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("hub.example.org"), "hashed (lines with wildcards are left as they are)")
        #expect(hashed.verdict(for: SSHHostKey(host: "hub.example.org", port: 2222, type: server.type, blob: server.blob)) == .trusted)
        let fingerprint = try run("/usr/bin/ssh-keygen", ["-l", "-f", sandbox.path("server.pub")], in: sandbox.root.path, environment: [:]).stdout
        #expect(fingerprint.contains(KnownHosts.fingerprint(server.blob)))
    }

    @Test func hostsAndPortsOfSSHAddresses() {
        #expect(SSHHostKey.hostAndPort(of: "ssh://git@hub.example.org:2222/plan.git") == ("hub.example.org", 2222))
        #expect(SSHHostKey.hostAndPort(of: "ssh://hub.example.org/plan.git") == ("hub.example.org", nil))
        #expect(SSHHostKey.hostAndPort(of: "ssh://git@[::1]:22/plan.git") == ("::1", 22))
        #expect(SSHHostKey.hostAndPort(of: "git@github.com:forum/plan.git") == ("github.com", nil))
        #expect(SSHHostKey(host: "h", port: 22, type: "", blob: []).knownHostsName == "h")
        #expect(SSHHostKey(host: "h", port: 2222, type: "", blob: []).knownHostsName == "[h]:2222")
    }

    /// Key files with a passphrase are left to ssh-agent; the others are offered after the agent.
    @Test func keyFilesWithAPassphraseAreSkipped() throws {
        let sandbox = try Sandbox("ssh-keys")
        let ssh = sandbox.path(".ssh")
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-f", ssh + "/id_ed25519"], in: ssh)
        try sshKeygen(["-q", "-t", "ecdsa", "-N", "secret phrase", "-f", ssh + "/id_ecdsa"], in: ssh)
        try sshKeygen(["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "secret phrase", "-f", ssh + "/id_rsa"], in: ssh)
        let keys = SSHKeys.candidates(user: "wang", home: sandbox.root.path, environment: ["SSH_AUTH_SOCK": "/tmp/agent"])
        #expect(keys == [.sshAgent(username: "wang"), .sshKeyFile(username: "wang", privateKey: ssh + "/id_ed25519", publicKey: ssh + "/id_ed25519.pub")])
        #expect(SSHKeys.candidates(user: "wang", home: sandbox.root.path, environment: [:]).count == 1)
    }
}
