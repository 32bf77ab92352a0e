import Foundation
import NapTestSupport
import Testing

/// A plan whose people have throwaway ed25519 keys (made with stock `ssh-keygen`), each running nap with
/// `NAP_SIGNING_KEY` pointing at their own key.
final class SignedPlan: @unchecked Sendable {
    let h: NapHarness
    var sandbox: Sandbox { h.sandbox }
    var plan: String { h.plan }
    /// When set, every run of nap is dated by it (`GIT_AUTHOR_DATE`, which nap reads for its events and
    /// commits) and the clock then moves on by `tick`. Tests of keys over time use it, so that what they
    /// check does not depend on how many of the machine's seconds a step took, nor on its clock being
    /// stepped back while they run.
    var clock: Date?
    var tick: TimeInterval = 60

    init(_ name: String = "nap-sign") throws {
        h = try NapHarness(name)
        try FileManager.default.createDirectory(atPath: sandbox.path("keys"), withIntermediateDirectories: true)
        for person in [Person.founder, .govChair, .civilChair, .wang, .ministry, .citizen] {
            try makeKey(Self.keyName(person))
        }
    }

    static func keyName(_ person: Person) -> String {
        String(person.email.prefix { $0 != "@" }) + "-" + String(person.email.split(separator: "@").last?.prefix(5) ?? "")
    }

    /// The private key file of a person (or of a named extra key).
    func key(_ person: Person) -> String { sandbox.path("keys/" + Self.keyName(person)) }
    func key(named name: String) -> String { sandbox.path("keys/" + name) }

    /// Makes a key with stock ssh-keygen; `passphrase` encrypts it, `type` picks another algorithm.
    @discardableResult
    func makeKey(_ name: String, passphrase: String = "", type: String = "ed25519") throws -> String {
        let path = key(named: name)
        var arguments = ["-q", "-t", type, "-N", passphrase, "-C", name, "-f", path]
        if type == "rsa" { arguments += ["-b", "2048"] }
        let result = try run("/usr/bin/ssh-keygen", arguments, in: sandbox.root.path, environment: sandbox.environment())
        guard result.status == 0 else { throw SandboxError.failed("ssh-keygen: \(result.stderr)") }
        return path
    }

    /// Runs nap as `person`, signing with their key, or with `key` (a path, or `none`).
    @discardableResult
    func nap(_ arguments: [String], as person: Person = .founder, key: String? = nil, inPlan: Bool = true) throws -> ProcessResult {
        var extra = ["NAP_SIGNING_KEY": key ?? self.key(person)]
        if let clock {
            extra["GIT_AUTHOR_DATE"] = "@\(Int(clock.timeIntervalSince1970))"
            self.clock = clock.addingTimeInterval(tick)
        }
        let environment = sandbox.environment(name: person.name, email: person.email, extra: extra)
        return try run(NapHarness.binary, (inPlan ? ["-C", plan] : []) + arguments, in: sandbox.root.path, environment: environment)
    }

    @discardableResult
    func ok(_ arguments: [String], as person: Person = .founder, key: String? = nil, inPlan: Bool = true,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try nap(arguments, as: person, key: key, inPlan: inPlan)
        #expect(result.status == 0, "nap \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed("nap \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    func json(_ arguments: [String], as person: Person = .founder) throws -> [String: Any] {
        let out = try ok(arguments + ["--json"], as: person)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    /// Stock git in the plan, with nap's allowed-signers file (regenerated first).
    func stockGit(_ arguments: [String]) throws -> ProcessResult {
        try ok(["key", "allowed-signers"])
        return try sandbox.git(["-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=" + plan + "/.nap/allowed_signers"] + arguments, in: plan)
    }

    @discardableResult
    func git(_ arguments: [String], as person: Person? = nil) throws -> String {
        guard let person else { return try h.git(arguments) }
        let result = try sandbox.git(arguments, in: plan, env: [
            "GIT_AUTHOR_NAME": person.name, "GIT_AUTHOR_EMAIL": person.email,
            "GIT_COMMITTER_NAME": person.name, "GIT_COMMITTER_EMAIL": person.email,
        ])
        guard result.status == 0 else { throw SandboxError.failed("git \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    func rev(_ name: String) throws -> String {
        try h.git(["rev-parse", name]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A founded plan whose members all registered keys; `requireSignatures` says whether the policy
    /// (on in a new plan) stays on.
    static func founded(requireSignatures: Bool, _ name: String = "nap-sign", clock: Date? = nil) throws -> SignedPlan {
        let s = try SignedPlan(name)
        s.clock = clock
        try s.ok(["init", s.plan, "--title-zh", "臺灣開放政府國家行動方案", "--title-en", "Taiwan Open Government National Action Plan",
                  "--period", "2025-01..2028-12"], inPlan: false)
        let members: [(String, Person, String, String)] = [
            ("ndc-chair", .govChair, "government", "co-chair"), ("civil-chair", .civilChair, "civil-society", "co-chair"),
            ("g0v-wang", .wang, "civil-society", "member"), ("moi", .ministry, "government", "member"),
        ]
        for (id, person, sector, role) in members {
            try s.ok(["member", "add", id, "--name", person.name, "--email", person.email, "--sector", sector, "--role", role,
                      "--key", s.key(person) + ".pub"])
        }
        #expect(try s.h.read("plan.yml").contains("\n  require-signatures: true\n"), "a new plan requires signatures")
        if !requireSignatures { try s.h.setRequireSignatures(false) }
        try s.h.setMinDiscussionDays(0)
        try s.ok(["save", "-m", "成立論壇 Constitute the forum"])
        return s
    }

    /// Opens `slug` (by 王向榮), changes a commitment, answers the proposal, and lets the given co-chairs approve.
    func proposal(_ slug: String = "political-donations", text: String = "修法要求大額政治獻金即時公開。", approvedBy chairs: [Person] = [.govChair, .civilChair]) throws {
        try ok(["propose", slug, "--title", "政治獻金再透明化"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: text))
        try ok(["save", "-m", "修改承諾事項 " + slug], as: .wang)
        try ok(["respond", slug, "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        for chair in chairs { try ok(["review", slug, "--approve"], as: chair) }
        try ok(["switch", "main"])
    }

    func blockers(_ slug: String = "political-donations") throws -> [String] {
        try json(["show", slug])["blockers"] as? [String] ?? []
    }

    /// The latest review of `person` in `nap show --json`.
    func review(by person: Person, _ slug: String = "political-donations") throws -> [String: Any] {
        let reviews = try json(["show", slug])["reviews"] as? [[String: Any]] ?? []
        return try #require(reviews.last { ($0["author"] as? [String: Any])?["email"] as? String == person.email })
    }

    /// What a failed check of signatures over time needs to be understood: main's first-parent line with
    /// committer times, the keys each person's files hold, and every event of the record with its time
    /// and the key its signature names.
    func timesAndSigners() throws -> String {
        var lines = ["main (first parent), newest first:"]
        lines.append(try h.git(["log", "--first-parent", "--format=%h %ct %s", "main"]))
        let keys = try FileManager.default.contentsOfDirectory(atPath: sandbox.path("keys")).filter { $0.hasSuffix(".pub") }.sorted()
        for name in keys {
            let print = try run("/usr/bin/ssh-keygen", ["-l", "-f", sandbox.path("keys/" + name)], in: sandbox.root.path, environment: sandbox.environment())
            lines.append("key \(name): \(print.stdout.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let files = try h.git(["ls-tree", "-r", "--name-only", "nap/record"]).split(separator: "\n").filter { $0.hasSuffix(".json") }
        for file in files {
            let text = try h.git(["show", "nap/record:" + file])
            let time = text.range(of: "\"time\" *: *\"[^\"]*\"", options: .regularExpression).map { String(text[$0]) } ?? "?"
            let author = text.range(of: "\"email\" *: *\"[^\"]*\"", options: .regularExpression).map { String(text[$0]) } ?? "?"
            lines.append("\(file.split(separator: "/").last ?? "") \(time) \(author)")
        }
        return lines.joined(separator: "\n")
    }

    /// `nap verify --json` and its exit status.
    func verify() throws -> (status: Int32, report: [String: Any]) {
        let result = try nap(["verify", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (result.status, report)
    }
}
