import Foundation
import NapTestSupport
import Testing

/// Sync over ssh: Debian's sshd on 127.0.0.1 run by the test (its own host key and authorized keys),
/// nap logging in with the key files git would use or with ssh-agent, the host key checked against
/// `~/.ssh/known_hosts`.
@Suite(.serialized) struct SSHSyncCLITests {
    /// A world whose hub is served over ssh, accepting the key made at `~/.ssh/id_ed25519` (or, with
    /// `keyInAgentOnly`, one only an ssh-agent holds); the server's host key in known_hosts unless
    /// `knownHosts` says otherwise.
    private static func world(_ name: String, knownHosts: String? = nil, keyInAgentOnly: Bool = false) throws -> (SyncWorld, SSHGitServer, SSHAgent?) {
        let w = try SyncWorld.withProposal(name)
        let ssh = w.sandbox.path(".ssh")
        try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let keyFolder = keyInAgentOnly ? w.sandbox.path("agent-keys") : ssh
        try FileManager.default.createDirectory(atPath: keyFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-C", "wang@g0v", "-f", keyFolder + "/id_ed25519"], in: keyFolder)
        try FileManager.default.createDirectory(atPath: w.sandbox.path("server"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: keyFolder + "/id_ed25519.pub", toPath: w.sandbox.path("server/authorized_keys"))
        let server = try SSHGitServer(authorizedKeys: w.sandbox.path("server/authorized_keys"), folder: w.sandbox.path("server"))
        try Data((knownHosts ?? server.knownHostsLine()).utf8).write(to: URL(fileURLWithPath: ssh + "/known_hosts"))
        var agent: SSHAgent?
        if keyInAgentOnly {
            let started = try SSHAgent(folder: w.sandbox.path("agent-keys"))
            try started.add(keyFolder + "/id_ed25519")
            w.sandbox.extraEnvironment = ["SSH_AUTH_SOCK": started.socket]
            agent = started
        }
        return (w, server, agent)
    }

    @Test func theWholeCycleAndCutTransfersOverSSHWithAKeyFile() throws {
        let (w, server, _) = try Self.world("ssh-cycle")
        defer { server.stop() }
        var scenarios = TransportScenarios(w)
        try scenarios.wholeCycle(server.url(w.hub))
        let relay = try CuttingRelay(to: server.port, cutPushes: false, after: 48 * 1024, recognizesPushes: false)
        let knownHosts = w.sandbox.path(".ssh/known_hosts")
        try Data((server.knownHostsLine() + server.knownHostsLine(port: relay.port)).utf8).write(to: URL(fileURLWithPath: knownHosts))
        try scenarios.cutTransfers(relay: relay, relayURL: "ssh://\(server.user)@127.0.0.1:\(relay.port)\(w.hub)")
    }

    /// With the key only in ssh-agent (no key file), clone and sync work; a hashed known_hosts line
    /// (`ssh-keygen -H`) is matched too.
    @Test func aKeyInSSHAgentAndAHashedKnownHostsLine() throws {
        let (w, server, agent) = try Self.world("ssh-agent", keyInAgentOnly: true)
        defer { server.stop(); agent?.stop() }
        #expect(!FileManager.default.fileExists(atPath: w.sandbox.path(".ssh/id_ed25519")))
        try sshKeygen(["-q", "-H", "-f", w.sandbox.path(".ssh/known_hosts")], in: w.sandbox.root.path)
        #expect(try String(contentsOfFile: w.sandbox.path(".ssh/known_hosts"), encoding: .utf8).hasPrefix("|1|"))
        try w.ok(w.plan, ["sync", server.url(w.hub)], as: .founder)
        try w.clone(server.url(w.hub), "gov", as: .govChair)
        try w.ok("gov", ["comment", "political-donations", "-m", "經由 ssh-agent"], as: .govChair)
        try w.ok("gov", ["sync"], as: .govChair)
        #expect(w.recordTree(w.hub) == w.recordTree("gov"))
        try w.git(w.hub, ["fsck", "--strict", "--no-dangling"])
    }

    /// An unknown host and a changed host key: refused before any key is offered, with the fingerprint
    /// the server shows and what to do; never accepted silently, never added to known_hosts.
    @Test func unknownAndChangedHostKeysAreRefused() throws {
        let (w, server, _) = try Self.world("ssh-hostkeys", knownHosts: "")
        defer { server.stop() }
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        let unknown = try w.h.nap(["clone", server.url(w.hub), w.path("gov")], as: .govChair, plan: false)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("ssh host [127.0.0.1]:\(server.port) is unknown"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("SHA256:"), "the fingerprint is shown")
        #expect(unknown.stderr.contains("ssh-keyscan -p \(server.port) 127.0.0.1"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.path("gov")))
        #expect(try String(contentsOfFile: w.sandbox.path(".ssh/known_hosts"), encoding: .utf8).isEmpty, "nothing was added")

        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-f", w.sandbox.path("other")], in: w.sandbox.root.path)
        let other = try String(contentsOfFile: w.sandbox.path("other.pub"), encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try Data("[127.0.0.1]:\(server.port) \(other)\n".utf8).write(to: URL(fileURLWithPath: w.sandbox.path(".ssh/known_hosts")))
        let changed = try w.h.nap(["clone", server.url(w.hub), w.path("gov")], as: .govChair, plan: false)
        #expect(changed.status != 0)
        #expect(changed.stderr.contains("does not match the one known for it"), "\(changed.stderr)")
        #expect(changed.stderr.contains("known_hosts line 1"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.path("gov")))
        let log = try String(contentsOfFile: w.sandbox.path("server/sshd.log"), encoding: .utf8)
        #expect(!log.contains("Accepted publickey"), "no key was offered to an unverified server")
    }

    /// A key the server does not accept: a clear message naming the key files tried.
    @Test func aRefusedKeyIsReportedClearly() throws {
        let (w, server, _) = try Self.world("ssh-refused")
        defer { server.stop() }
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        try FileManager.default.removeItem(atPath: w.sandbox.path(".ssh/id_ed25519"))
        try FileManager.default.removeItem(atPath: w.sandbox.path(".ssh/id_ed25519.pub"))
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-f", w.sandbox.path(".ssh/id_ed25519")], in: w.sandbox.root.path)
        let result = try w.h.nap(["clone", server.url(w.hub), w.path("gov")], as: .govChair, plan: false)
        #expect(result.status != 0)
        #expect(result.stderr.contains("authentication failed"), "\(result.stderr)")
        #expect(result.stderr.contains("ssh keys tried: \(w.sandbox.path(".ssh/id_ed25519"))"), "\(result.stderr)")
        #expect(result.stderr.contains("ssh-add"), "\(result.stderr)")
    }
}
