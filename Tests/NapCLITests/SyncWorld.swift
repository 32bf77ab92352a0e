import Foundation
import NapTestSupport
import Testing

/// A plan, a bare hub and clones of it in one sandbox, each clone worked on by its own person with the
/// real nap binary: the forum as it is, spread over several computers.
final class SyncWorld: @unchecked Sendable {
    let h: NapHarness
    var sandbox: Sandbox { h.sandbox }
    /// The founder's copy, where the plan was created.
    var plan: String { h.plan }
    /// The bare hub (a path); `hubURL` may name it through a network transport instead.
    let hub: String

    init(_ h: NapHarness) throws {
        self.h = h
        hub = h.sandbox.path("hub.git")
        // A plain bare repository, as people make hubs: its HEAD names master, which never exists.
        try h.sandbox.gitOK(["init", "--bare", "-q", "-b", "master", hub], in: h.sandbox.root.path)
    }

    /// A founded plan with the political-donations proposal from g0v, and an empty hub.
    static func withProposal(_ name: String) throws -> SyncWorld {
        let h = try NapHarness.founded(name)
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化", "--description", "大額政治獻金即時公開"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.ok(["save", "-m", "新增承諾事項：政治獻金再透明化"], as: .wang)
        return try SyncWorld(h)
    }

    /// The folder of the clone `name`.
    func path(_ name: String) -> String { name.hasPrefix("/") ? name : sandbox.path(name) }

    /// Runs nap in a copy as `person`.
    @discardableResult
    func nap(_ copy: String, _ arguments: [String], as person: Person) throws -> ProcessResult {
        try h.nap(arguments, as: person, in: path(copy))
    }

    /// Runs nap in a copy and requires exit 0; returns standard output.
    @discardableResult
    func ok(_ copy: String, _ arguments: [String], as person: Person, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try nap(copy, arguments, as: person)
        #expect(result.status == 0, "nap \(arguments.joined(separator: " ")) in \(copy) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed("nap \(arguments.joined(separator: " ")) in \(copy): \(result.stderr)") }
        return result.stdout
    }

    /// `nap clone url copy` as `person`.
    @discardableResult
    func clone(_ url: String, _ copy: String, as person: Person, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try h.nap(["clone", url, path(copy)], as: person, plan: false)
        #expect(result.status == 0, "nap clone \(url) exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed(result.stderr) }
        return result.stdout
    }

    /// Stock git in a copy (or the hub).
    @discardableResult
    func git(_ copy: String, _ arguments: [String]) throws -> String {
        try sandbox.gitOK(arguments, in: path(copy))
    }

    /// The id a revision names in a copy, or nil.
    func rev(_ copy: String, _ revision: String) -> String? {
        (try? git(copy, ["rev-parse", "--verify", "-q", revision]))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The record's tree in a copy: equal trees mean identical records.
    func recordTree(_ copy: String) -> String? { rev(copy, "refs/heads/nap/record^{tree}") }

    /// The record's event files in a copy.
    func recordFiles(_ copy: String) throws -> [String] {
        try git(copy, ["ls-tree", "-r", "--name-only", "refs/heads/nap/record"]).split(separator: "\n").map(String.init)
    }

    /// `nap show <proposal> --json` in a copy.
    func show(_ copy: String, _ proposal: String, as person: Person = .founder) throws -> [String: Any] {
        let out = try ok(copy, ["show", proposal, "--json"], as: person)
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    /// `nap sync --json` in a copy, decoded, with its exit status.
    func syncJSON(_ copy: String, _ extra: [String] = [], as person: Person) throws -> (status: Int32, report: [String: Any], stderr: String) {
        let result = try nap(copy, ["sync", "--json"] + extra, as: person)
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
        return (result.status, report, result.stderr)
    }

    /// Writes a file in a copy's working tree.
    func write(_ copy: String, _ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(copy) + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
