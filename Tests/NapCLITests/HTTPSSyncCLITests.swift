import Foundation
import NapTestSupport
import Testing

/// Sync over smart HTTP with TLS and basic authentication: stock `git http-backend` behind Debian's
/// lighttpd on 127.0.0.1, a certificate from a CA made for the test, the token in git's credential store.
@Suite(.serialized) struct HTTPSSyncCLITests {
    static let token = "nap-TOKEN-7f3a9c1e5b2d"

    /// A world whose hub is served over https, with the test CA trusted (`http.sslCAInfo`) and the
    /// token in `credential.helper store` for `ports` (the server's, and a relay's).
    private static func world(_ name: String, password: String = token) throws -> (SyncWorld, HTTPSGitServer, TestCertificateAuthority) {
        let w = try SyncWorld.withProposal(name)
        let ca = try TestCertificateAuthority(in: w.sandbox.path("server/ca"))
        let server = try HTTPSGitServer(root: w.sandbox.root.path, user: "wang", password: token, authority: ca, folder: w.sandbox.path("server"))
        try w.sandbox.gitOK(["config", "--global", "credential.helper", "store"], in: w.sandbox.root.path)
        try w.sandbox.gitOK(["config", "--global", "http.sslCAInfo", ca.certificate], in: w.sandbox.root.path)
        try storeCredential(w, port: server.port, password: password)
        return (w, server, ca)
    }

    private static func storeCredential(_ w: SyncWorld, port: UInt16, password: String) throws {
        let file = w.sandbox.path(".git-credentials")
        let old = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        try Data((old + "https://wang:\(password)@127.0.0.1%3a\(port)\n").utf8).write(to: URL(fileURLWithPath: file))
    }

    /// Every file under the sandbox that nap or git wrote, but the credential store and the server's
    /// own files: none may hold the token; nor may any history.
    private static func expectTokenNowhere(_ w: SyncWorld, _ printed: [String], copies: [String]) throws {
        for text in printed { #expect(!text.contains(token), "the token was printed") }
        let root = w.sandbox.root.path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        #expect(files.count > 100)
        for file in files where file != ".git-credentials" && !file.hasPrefix("server/") {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
            #expect(data.range(of: Data(token.utf8)) == nil, "the token is in \(file)")
        }
        for copy in copies {
            let history = try w.git(copy, ["log", "--all", "-p", "--format=%H%n%B"])
            #expect(!history.contains(token), "the token is in the history of \(copy)")
        }
    }

    @Test func theWholeCycleAndCutTransfersOverHTTPS() throws {
        let (w, server, _) = try Self.world("https-cycle")
        defer { server.stop() }
        var scenarios = TransportScenarios(w)
        try scenarios.wholeCycle(server.url("hub.git"))
        let relay = try CuttingRelay(to: server.port, cutPushes: false, after: 48 * 1024, recognizesPushes: false)
        try Self.storeCredential(w, port: relay.port, password: Self.token)
        try scenarios.cutTransfers(relay: relay, relayURL: "https://127.0.0.1:\(relay.port)/git/hub.git")
        try Self.expectTokenNowhere(w, scenarios.printed, copies: [w.plan, "gov", "civil", "wang", w.hub])
    }

    /// A token written into the URL itself (no credential helper): it works, and nap shows it as `***`
    /// in what it prints, also when the server refuses it.
    @Test func aTokenInTheURLIsNeverShown() throws {
        let (w, server, _) = try Self.world("https-url-token")
        defer { server.stop() }
        try w.sandbox.gitOK(["config", "--global", "--unset", "credential.helper"], in: w.sandbox.root.path)
        try FileManager.default.removeItem(atPath: w.sandbox.path(".git-credentials"))
        let withToken = "https://wang:\(Self.token)@127.0.0.1:\(server.port)/git/hub.git"
        let seeded = try w.nap(w.plan, ["sync", withToken, "--json"], as: .founder)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stdout.contains("https://wang:***@127.0.0.1"), "\(seeded.stdout)")
        let cloned = try w.h.nap(["clone", withToken, w.path("gov")], as: .govChair, plan: false)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        let wrong = try w.nap(w.plan, ["sync", "https://wang:wrong-\(Self.token)@127.0.0.1:\(server.port)/git/hub.git"], as: .founder)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("authentication failed for https://wang:***@127.0.0.1"), "\(wrong.stderr)")
        for text in [seeded.stdout, seeded.stderr, cloned.stdout, cloned.stderr, wrong.stdout, wrong.stderr] {
            #expect(!text.contains(Self.token), "the token was printed: \(text)")
        }
    }

    /// A token the server refuses: a clear message that does not show it, nothing left behind, and
    /// git's `credential reject` removes it from the store (as git does).
    @Test func aRefusedTokenIsReportedAndForgotten() throws {
        let (w, server, _) = try Self.world("https-refused", password: "wrong-TOKEN-0000")
        defer { server.stop() }
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        let result = try w.h.nap(["clone", server.url("hub.git"), w.path("gov")], as: .govChair, plan: false)
        #expect(result.status != 0)
        #expect(result.stderr.contains("authentication failed"), "\(result.stderr)")
        #expect(result.stderr.contains("refused the credentials"), "\(result.stderr)")
        #expect(result.stderr.contains("credential helper"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("wrong-TOKEN"))
        #expect(!FileManager.default.fileExists(atPath: w.path("gov")))
        let store = (try? String(contentsOfFile: w.sandbox.path(".git-credentials"), encoding: .utf8)) ?? ""
        #expect(!store.contains("wrong-TOKEN"), "the refused token was rejected from the store")
    }

    /// A server whose certificate this machine does not trust (the test CA not configured): refused
    /// with a message that says so and how to trust a forum's own CA; no credential is asked for.
    @Test func anUntrustedCertificateIsRefusedClearly() throws {
        let (w, server, ca) = try Self.world("https-untrusted")
        defer { server.stop() }
        try w.sandbox.gitOK(["config", "--global", "--unset", "http.sslCAInfo"], in: w.sandbox.root.path)
        let result = try w.h.nap(["clone", server.url("hub.git"), w.path("gov")], as: .govChair, plan: false)
        #expect(result.status != 0)
        #expect(result.stderr.contains("TLS certificate of 127.0.0.1 is not trusted"), "\(result.stderr)")
        #expect(result.stderr.contains("http.sslCAInfo"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.path("gov")))
        // Trusted through GIT_SSL_CAINFO instead, the same server answers (an empty hub: not a plan).
        w.sandbox.extraEnvironment = ["GIT_SSL_CAINFO": ca.certificate]
        let trusted = try w.h.nap(["clone", server.url("hub.git"), w.path("gov")], as: .govChair, plan: false)
        #expect(trusted.stderr.contains("is not a plan"), "\(trusted.stderr)")
    }
}
