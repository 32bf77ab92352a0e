import Foundation
import NapTestSupport
import Testing

/// A person acting in a test: their git identity.
struct Person: Sendable {
    let name: String
    let email: String

    static let founder = Person(name: "創始人 Founder", email: "founder@example.org")
    static let govChair = Person(name: "國發會主委", email: "chair@ndc.gov.example")
    static let civilChair = Person(name: "民間共同主席", email: "chair@civil.example")
    static let wang = Person(name: "王向榮", email: "wang@g0v.example")
    static let ministry = Person(name: "內政部民政司", email: "moi@gov.example")
    static let citizen = Person(name: "路人甲", email: "citizen@example.net")
}

/// Runs the real `nap` binary in a sandbox, as a given person, and stock git beside it.
final class NapHarness: @unchecked Sendable {
    let sandbox: Sandbox
    /// The plan's folder.
    let plan: String

    init(_ name: String = "nap-cli") throws {
        sandbox = try Sandbox(name)
        plan = sandbox.path("plan")
    }

    /// The nap executable built beside the test bundle.
    static let binary: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("nap").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/nap").path
    }()

    /// Runs `nap arguments…` with `-C plan` as `person`.
    @discardableResult
    func nap(_ arguments: [String], as person: Person = .founder, in directory: String? = nil, input: String? = nil, plan usePlan: Bool = true) throws -> ProcessResult {
        let args = (usePlan ? ["-C", directory ?? plan] : []) + arguments
        return try run(NapHarness.binary, args, in: sandbox.root.path, input: input.map { Array($0.utf8) },
                       environment: sandbox.environment(name: person.name, email: person.email))
    }

    /// Runs nap and requires exit 0; returns standard output.
    @discardableResult
    func ok(_ arguments: [String], as person: Person = .founder, input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try nap(arguments, as: person, input: input)
        #expect(result.status == 0, "nap \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed("nap \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    /// Runs stock git in the plan.
    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        try sandbox.gitOK(arguments, in: plan)
    }

    /// A founded plan: init, both co-chairs and three members, saved on main.
    static func founded(_ name: String = "nap-cli") throws -> NapHarness {
        let h = try NapHarness(name)
        try h.ok(["init", h.plan, "--title-zh", "臺灣開放政府國家行動方案", "--title-en", "Taiwan Open Government National Action Plan", "--period", "2025-01..2028-12"], plan: false)
        try h.setRequireSignatures(false)
        try h.setMinDiscussionDays(0)
        try h.ok(["member", "add", "ndc-chair", "--name", Person.govChair.name, "--email", Person.govChair.email, "--sector", "government", "--role", "co-chair", "--organization", "國家發展委員會"])
        try h.ok(["member", "add", "civil-chair", "--name", Person.civilChair.name, "--email", Person.civilChair.email, "--sector", "civil-society", "--role", "co-chair", "--organization", "台灣民主實驗室"])
        try h.ok(["member", "add", "g0v-wang", "--name", Person.wang.name, "--email", Person.wang.email, "--sector", "civil-society", "--organization", "g0v"])
        try h.ok(["member", "add", "moi", "--name", Person.ministry.name, "--email", Person.ministry.email, "--sector", "government", "--organization", "內政部"])
        try h.ok(["save", "-m", "成立論壇 Constitute the forum"])
        return h
    }

    func ok(_ arguments: [String], as person: Person = .founder, plan usePlan: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try nap(arguments, as: person, plan: usePlan)
        #expect(result.status == 0, "nap \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed(result.stderr) }
    }

    /// Sets `require-signatures` in plan.yml in the working tree. A new plan requires signatures (the
    /// template says `true`); tests that are not about signing have no keys, so they turn it off right
    /// after `nap init`, before the forum is founded, through this one helper.
    func setRequireSignatures(_ required: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let line = "  require-signatures: \(required)"
        var found = false
        let updated = try read("plan.yml").split(separator: "\n", omittingEmptySubsequences: false).map { current -> String in
            guard current.hasPrefix("  require-signatures:") else { return String(current) }
            found = true
            return line
        }
        #expect(found, "plan.yml has no require-signatures line", sourceLocation: sourceLocation)
        try write("plan.yml", updated.joined(separator: "\n"))
    }

    /// Sets `min-discussion-days` in plan.yml in the working tree. The template asks for 14 days of
    /// discussion; tests that are not about it merge at once, so they set 0 before the founding.
    func setMinDiscussionDays(_ days: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try read("plan.yml")
        #expect(text.contains("\n  min-discussion-days: 14\n"), "plan.yml has no min-discussion-days line", sourceLocation: sourceLocation)
        try write("plan.yml", text.replacingOccurrences(of: "\n  min-discussion-days: 14\n", with: "\n  min-discussion-days: \(days)\n"))
    }

    /// Writes a file in the plan's working tree.
    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: plan + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: plan + "/" + relative, encoding: .utf8)
    }

    /// Decodes nap's JSON output.
    func json(_ arguments: [String], as person: Person = .founder) throws -> Any {
        let out = try ok(arguments + ["--json"], as: person)
        return try JSONSerialization.jsonObject(with: Data(out.utf8))
    }
}
