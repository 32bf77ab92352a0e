import Foundation
import GitKit
import NapTestSupport
import PlanKit
import Testing

extension Person {
    /// The identity of a server (`nap serve`) listed in members.yml as a host.
    static let webHost = Person(name: "參與平台 Web host", email: "web@host.example")
}

/// A signed plan (require-signatures on) to which a host, `web`, was added through the gate: a proposal
/// by 王向榮 that adds it to members.yml (and sets `host-attested-approvals` when asked), answered,
/// approved by both co-chairs and merged. `store(for:)` opens the plan in this process as the host, the
/// way `nap serve` does, and returns `onBehalf(of:)`.
final class HostedPlan: @unchecked Sendable {
    let s: SignedPlan
    var h: NapHarness { s.h }
    let hostKey: String

    init(_ name: String, hostAttestedApprovals: Bool = false) throws {
        s = try SignedPlan.founded(requireSignatures: true, name)
        hostKey = try s.makeKey("web-host")
        let slug = "add-web-host"
        try s.ok(["propose", slug, "--title", "新增參與平台主機 Add the participation site's host"], as: .wang)
        try s.ok(["member", "add", "web", "--name", Person.webHost.name, "--email", Person.webHost.email, "--sector", "government",
                  "--role", "host", "--key", hostKey + ".pub"], as: .wang)
        if hostAttestedApprovals {
            let plan = try h.read("plan.yml")
            #expect(plan.contains("\n  host-attested-approvals: false\n"), "the template names the policy")
            try h.write("plan.yml", plan.replacingOccurrences(of: "\n  host-attested-approvals: false\n", with: "\n  host-attested-approvals: true\n"))
        }
        try s.ok(["save", "-m", "新增主機 web"], as: .wang)
        try s.ok(["respond", slug, "--disposition", "adopted", "-m", "論壇同意由參與平台代為記錄意見"], as: .govChair)
        for chair in [Person.govChair, .civilChair] { try s.ok(["review", slug, "--approve"], as: chair) }
        try s.ok(["switch", "main"])
        try s.ok(["merge", slug], as: .govChair)
    }

    /// The environment `nap serve` would run with: the host's git identity and key.
    var hostEnvironment: [String: String] {
        s.sandbox.environment(name: Person.webHost.name, email: Person.webHost.email, extra: ["NAP_SIGNING_KEY": hostKey])
    }

    /// The plan opened in this process as the host, writing on behalf of `principal`.
    func store(for principal: Principal) throws -> PlanStore {
        try PlanStore(repository: try Repository.open(at: s.plan), environment: hostEnvironment).onBehalf(of: principal)
    }

    /// The plan opened in this process as `person`, signing with their key (a direct, CLI-like writer).
    func store(as person: Person) throws -> PlanStore {
        try PlanStore(repository: try Repository.open(at: s.plan),
                      environment: s.sandbox.environment(name: person.name, email: person.email, extra: ["NAP_SIGNING_KEY": s.key(person)]))
    }

    /// Opens `slug` by 王向榮 with a change to a commitment (left on main afterwards); returns its id.
    @discardableResult
    func proposal(_ slug: String = "political-donations") throws -> String {
        try s.ok(["propose", slug, "--title", "政治獻金再透明化"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "修法要求大額政治獻金即時公開。"))
        try s.ok(["save", "-m", "修改承諾事項 " + slug], as: .wang)
        try s.ok(["switch", "main"])
        return try #require(try s.json(["show", slug])["id"] as? String)
    }

    func show(_ slug: String = "political-donations") throws -> [String: Any] {
        try s.json(["show", slug])
    }

    func comments(_ slug: String = "political-donations") throws -> [[String: Any]] {
        try show(slug)["comments"] as? [[String: Any]] ?? []
    }

    /// Stock git checks the plan: fsck --strict, and the named commits' signatures against nap's allowed signers.
    func stockGitAccepts(_ revisions: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fsck = try s.sandbox.git(["fsck", "--strict"], in: s.plan)
        #expect(fsck.status == 0, "git fsck: \(fsck.stderr)", sourceLocation: sourceLocation)
        for revision in revisions {
            let verify = try s.stockGit(["verify-commit", revision])
            #expect(verify.status == 0, "git verify-commit \(revision): \(verify.stderr)", sourceLocation: sourceLocation)
        }
    }
}
