import Foundation
import GitKit
import NapTestSupport
import Testing

/// GitKit over ssh against Debian's sshd on loopback: the host key reaches the check as the server's
/// own key with the URL's port, nothing is sent to a server no check trusted, and key files are offered
/// one after another when the server refuses one.
@Suite struct SSHRemoteTests {
    @Test func hostKeysAreCheckedAndKeyFilesOfferedInTurn() throws {
        let sandbox = try Sandbox("nap-ssh-remote")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        let work = try Repository.create(at: sandbox.path("work"))
        _ = try Repository.create(at: sandbox.path("hub.git"), bare: true)
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-f", sandbox.path("good")], in: sandbox.root.path)
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-f", sandbox.path("wrong")], in: sandbox.root.path)
        try FileManager.default.createDirectory(atPath: sandbox.path("server"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sandbox.path("good.pub"), toPath: sandbox.path("server/authorized_keys"))
        let server = try SSHGitServer(authorizedKeys: sandbox.path("server/authorized_keys"), folder: sandbox.path("server"))
        defer { server.stop() }
        let remote = try work.anonymousRemote(url: server.url(sandbox.path("hub.git")))
        let keys: [Credential] = [.sshKeyFile(username: server.user, privateKey: sandbox.path("wrong"), publicKey: sandbox.path("wrong.pub")),
                                  .sshKeyFile(username: server.user, privateKey: sandbox.path("good"), publicKey: sandbox.path("good.pub"))]
        let offer: (CredentialRequest) -> Credential? = { request in keys.first { !request.refusedKeys.contains($0) } }

        // No check given: refused before any key is offered.
        var asked = 0
        let unchecked = #expect(throws: GitError.self) {
            try remote.listReferences(callbacks: RemoteCallbacks(credentials: { asked += 1; return offer($0) }))
        }
        #expect(unchecked?.isServerIdentity == true)
        #expect(asked == 0)

        // The check sees the server's own key and port; trusted, the wrong key is refused and the good one taken.
        var seen: [SSHHostKey] = []
        var requests: [CredentialRequest] = []
        let references = try remote.listReferences(callbacks: RemoteCallbacks(
            credentials: { requests.append($0); return offer($0) },
            hostKeyCheck: { seen.append($0); return .trusted }))
        #expect(references.isEmpty)
        let expected = try #require(Data(base64Encoded: String(server.hostKey.split(separator: " ")[1])))
        #expect(seen.count == 1)
        #expect(seen.first?.blob == [UInt8](expected))
        #expect(seen.first?.type == "ssh-ed25519")
        #expect(seen.first?.knownHostsName == "[127.0.0.1]:\(server.port)")
        #expect(requests.last?.refusedKeys == [keys[0]])

        // Refused by the check: its reason is the error.
        let refused = #expect(throws: GitError.self) {
            try remote.listReferences(callbacks: RemoteCallbacks(credentials: offer, hostKeyCheck: { _ in .refused("not this key") }))
        }
        #expect(refused?.message == "not this key")
        #expect(refused?.isServerIdentity == true)
    }
}
