import Foundation
import NapTestSupport
import Testing

/// Plans for the process tests: a founded plan with a timeline and the forum's promises in plan.yml, a
/// published plan whose commitment `political-donations` is led by 內政部 (member `moi`), and nap run at
/// a stated time (`GIT_AUTHOR_DATE`) so that deadlines and overdue milestones are tested without waiting.
extension NapHarness {
    /// The `process:` block and policy lines the process tests use (the plan's period is 2025-01..2028-12).
    static let processBlock = """
    process:
      timeline-published: 2024-05-01
      phases:
        - phase: call-for-input
          start: 2024-06-01
          end: 2024-07-31
        - phase: drafting
          start: 2024-08-01
          end: 2024-10-31
        - phase: consultation
          start: 2024-11-01
          end: 2024-11-30
        - phase: publication
          start: 2024-12-01
          end: 2024-12-31
        - phase: implementation
          start: 2025-01-01
          end: 2028-12-31
      minutes-within-days: 14
      agenda-days-before: 7
      meeting-every-months: 6
      implementation-meetings: 2

    """

    /// Replaces the template's process block in plan.yml with `processBlock`, and sets policy lines
    /// (`key: value`, replacing the template's line for that key; `!key` removes it) (working tree; before
    /// the founding).
    func addProcess(policy: [String] = [], leadAgency: Bool = false) throws {
        var text = try read("plan.yml")
        if let process = text.range(of: "\nprocess:\n") { text = String(text[..<process.lowerBound]) + "\n" }
        if leadAgency {
            text = text.replacingOccurrences(of: "    - civil-society-co-chair\n", with: "    - civil-society-co-chair\n    - lead-agency\n")
        }
        var lines = text.components(separatedBy: "\n")
        for line in policy where line.hasPrefix("!") {
            lines.removeAll { $0.hasPrefix("  " + line.dropFirst() + ":") }
        }
        for line in policy where !line.hasPrefix("!") {
            let key = "  " + String(line.prefix { $0 != ":" }) + ":"
            if let index = lines.firstIndex(where: { $0.hasPrefix(key) }) {
                lines[index] = "  " + line
            } else if let index = lines.firstIndex(where: { $0.hasPrefix("  require-signatures:") }) {
                lines.insert("  " + line, at: index + 1)
            }
        }
        try write("plan.yml", lines.joined(separator: "\n") + "\n" + Self.processBlock)
    }

    /// A founded plan with the process block (and `policy` lines), saved on main.
    static func foundedWithProcess(_ name: String, policy: [String] = [], leadAgency: Bool = false, daysAgo: Int? = nil) throws -> NapHarness {
        let h = try NapHarness(name)
        let when = daysAgo.map { ["GIT_AUTHOR_DATE": Self.date(daysAgo: $0), "GIT_COMMITTER_DATE": Self.date(daysAgo: $0)] } ?? [:]
        try h.okAt(["init", h.plan, "--title-zh", "臺灣開放政府國家行動方案", "--title-en", "Taiwan Open Government National Action Plan",
                    "--period", "2025-01..2028-12"], env: when, plan: false)
        try h.setRequireSignatures(false)
        try h.setMinDiscussionDays(0)
        try h.addProcess(policy: policy, leadAgency: leadAgency)
        let members: [(String, Person, String, String, String)] = [
            ("ndc-chair", .govChair, "government", "co-chair", "國家發展委員會"), ("civil-chair", .civilChair, "civil-society", "co-chair", "台灣民主實驗室"),
            ("g0v-wang", .wang, "civil-society", "member", "g0v"), ("moi", .ministry, "government", "member", "內政部"),
            ("ndc-staff", .secretariat, "government", "member", "國家發展委員會"),
        ]
        for (id, person, sector, role, organization) in members {
            try h.ok(["member", "add", id, "--name", person.name, "--email", person.email, "--sector", sector, "--role", role, "--organization", organization])
        }
        try h.okAt(["save", "-m", "成立論壇 Constitute the forum"], env: when)
        return h
    }

    /// A founded plan with the process block whose commitment political-donations was merged and
    /// published as v1 (`published` days ago, so that the milestone due 2026-06 is overdue today).
    static func published(_ name: String, commitment: String = donationCommitment()) throws -> NapHarness {
        let h = try foundedWithProcess(name)
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.write("commitments/political-donations.md", commitment)
        try h.ok(["save", "-m", "新增承諾事項"], as: .wang)
        try h.ok(["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .civilChair)
        try h.ok(["switch", "main"])
        try h.ok(["merge", "political-donations"], as: .civilChair)
        try h.ok(["publish", "v1", "-m", "第一版"], as: .govChair)
        return h
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, `days` days before now.
    static func date(daysAgo days: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date().addingTimeInterval(-Double(days) * 86_400))
    }

    /// A day (YYYY-MM-DD, UTC) `days` days from today (negative: in the past).
    static func day(_ days: Int) -> String {
        String(date(daysAgo: -days).prefix(10))
    }

    /// Runs nap as `person` with extra environment (a stated time, a key).
    @discardableResult
    func napAt(_ arguments: [String], as person: Person = .founder, env: [String: String] = [:], plan usePlan: Bool = true) throws -> ProcessResult {
        try run(NapHarness.binary, (usePlan ? ["-C", plan] : []) + arguments, in: sandbox.root.path,
                environment: sandbox.environment(name: person.name, email: person.email, extra: env))
    }

    /// `napAt`, requiring exit 0; returns standard output.
    @discardableResult
    func okAt(_ arguments: [String], as person: Person = .founder, env: [String: String] = [:], plan usePlan: Bool = true,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try napAt(arguments, as: person, env: env, plan: usePlan)
        #expect(result.status == 0, "nap \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed("nap \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    /// The record branch's commit (to prove that a refused command wrote nothing).
    func recordHead() throws -> String {
        (try? git(["rev-parse", "refs/heads/nap/record"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? "none"
    }

    /// A JSON object printed by nap.
    func object(_ arguments: [String], as person: Person = .founder) throws -> [String: Any] {
        try #require(try json(arguments, as: person) as? [String: Any])
    }
}

extension Person {
    /// A member of the government co-chair's organisation: the forum's secretariat.
    static let secretariat = Person(name: "國發會秘書處", email: "secretariat@ndc.gov.example")
}

/// A meeting document (docs/FORMAT.md, "Meetings") with the given front-matter lines.
func meetingDocument(date: String, kind: String = "consultation", extra: String = "", minutes: Bool = true) -> String {
    """
    ---
    date: \(date)
    kind: \(kind)
    title:
      zh-Hant: 承諾事項提案諮詢會議
      en: Consultation on proposals for the plan
    \(extra)---

    """ + (minutes ? """
    # 會議紀錄 {lang=zh-Hant}

    內政部逐點回應政治獻金提案；委員討論後決議列入備選提案。

    # Minutes {lang=en}

    The Ministry of the Interior answered the proposal point by point; the forum kept it in reserve.

    """ : "")
}
