import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import NapTestSupport
import Testing

/// A hosted plan, a bare hub seeded from it, and clones of the hub that `nap serve --hub origin` runs in,
/// each configured as the forum's host (its git identity and key) — servers on their own copies of one hub.
struct ServeHubWorld: Sendable {
    let plan: HostedPlan
    /// The open proposal's id.
    let proposal: String
    /// The bare hub (a path).
    let hub: String

    init(_ name: String) throws {
        plan = try HostedPlan(name, hostAttestedApprovals: true)
        proposal = try plan.proposal()
        hub = plan.h.sandbox.path("hub.git")
        try plan.h.sandbox.gitOK(["init", "--bare", "-q", "-b", "master", hub], in: plan.h.sandbox.root.path)
        try plan.s.ok(["sync", hub])
    }

    /// A clone of the hub (`nap clone`) set up as the host's copy; returns its folder.
    func hostCopy(_ name: String) throws -> String {
        let copy = plan.h.sandbox.path(name)
        try plan.s.ok(["clone", hub, copy], inPlan: false)
        for (key, value) in [("user.name", Person.webHost.name), ("user.email", Person.webHost.email), ("user.signingkey", plan.hostKey)] {
            try plan.h.sandbox.gitOK(["config", key, value], in: copy)
        }
        return copy
    }

    /// A server over `copy` syncing with its `origin` in the background, every `interval` seconds.
    static func server(_ copy: String, interval: Double = 0.2) throws -> NapServe {
        try NapServe(options: ServeOptions(planPath: copy, host: "127.0.0.1", port: 0, hub: "origin",
                                           limits: ServeLimits(postsPerAddress: 100), syncInterval: interval))
    }

    /// Posts a public comment through a server's form; returns the event id from the "received" address.
    static func comment(_ client: some TestClientProtocol, body: String, name: String) async throws -> String {
        var browser = Browser()
        let (csrf, proposal) = try await ServeCommentTests.openForm(client, browser: &browser)
        let fields = ServeCommentTests.fields(csrf: csrf, proposal: proposal, body: body, name: name, contact: "")
        let location = try await client.execute(uri: "/en/comment", method: .post, headers: browser.headers(form: true),
                                                body: Browser.form(fields)) { response in
            #expect(response.status == .seeOther, "\(response.text)")
            return response.headers[.location] ?? ""
        }
        let range = try #require(location.range(of: "&comment="))
        return String(location[range.upperBound...])
    }

    /// The proposal's page as a server shows it now.
    static func page(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/en/proposals/\(ServeWorld.slug).html", method: .get) { $0.text }
    }

    /// Waits (up to `seconds`) until `condition` holds; returns whether it did.
    static func eventually(_ seconds: Double = 30, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        return try await condition()
    }

    /// The comments' bodies `nap show` lists in `copy`.
    func commentBodies(in copy: String) throws -> [String] {
        let result = try plan.h.nap(["show", ServeWorld.slug, "--json"], in: copy)
        #expect(result.status == 0, "\(result.stderr)")
        let show = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (show["comments"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
    }

    /// The record's event files in a copy or the hub that are the event `id`.
    func recordFiles(named id: String, in repository: String) throws -> Int {
        let files = try plan.h.sandbox.gitOK(["ls-tree", "-r", "--name-only", "refs/heads/nap/record"], in: repository)
        return files.split(separator: "\n").filter { $0.hasSuffix("/" + id + ".json") }.count
    }

    /// `nap verify` in a copy: exit 0.
    func verifies(_ copy: String) throws -> Bool {
        let result = try plan.h.nap(["verify"], in: copy)
        #expect(result.status == 0, "nap verify in \(copy): \(result.stdout)\(result.stderr)")
        return result.status == 0
    }
}
