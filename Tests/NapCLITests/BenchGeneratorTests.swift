import Foundation
import NapTestSupport
import Testing

/// `nap-bench`, the generator behind `make bench`, at a tiny size: what it writes is a valid git
/// repository for stock git, and a plan nap reads.
@Suite struct BenchGeneratorTests {
    /// The nap-bench executable built beside nap.
    static let generator = URL(fileURLWithPath: NapHarness.binary).deletingLastPathComponent().appendingPathComponent("nap-bench").path

    @Test func aTinyPlanIsValidForGitAndNap() throws {
        let h = try NapHarness("nap-bench")
        let output = h.sandbox.path("bench")
        let data = FormatFixturePaths.sharedData
        try #require(FileManager.default.fileExists(atPath: data), "the shared texts are not at \(data)")
        let generated = try run(Self.generator, ["--out", output, "--data", data, "--commitments", "5", "--proposals", "12", "--events", "400",
                                                 "--commits", "80", "--versions", "2", "--big-comments", "30", "--public", "20"],
                                in: FormatFixturePaths.root, environment: h.sandbox.environment())
        #expect(generated.status == 0, "nap-bench: \(generated.stderr)")
        #expect(generated.stdout.contains("PROPOSALS='12'"))
        let plan = output + "/plan"
        let fsck = try h.sandbox.git(["fsck", "--strict", "--no-progress"], in: plan)
        #expect(fsck.status == 0, "git fsck --strict: \(fsck.stderr)")
        #expect(try h.sandbox.gitOK(["tag", "-l"], in: plan).split(separator: "\n") == ["v1", "v2"])
        let proposals = try h.nap(["-C", plan, "proposals", "--state", "all", "--json"], as: .govChair, plan: false)
        #expect(proposals.status == 0, "nap proposals: \(proposals.stderr)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(proposals.stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == 12)
        #expect(listed.allSatisfy { $0["has_record"] as? Bool == true })
        let validated = try h.nap(["-C", plan, "validate"], plan: false)
        #expect(validated.status == 0, "nap validate: \(validated.stdout) \(validated.stderr)")
        let show = try h.nap(["-C", plan, "show", "big"], plan: false)
        #expect(show.status == 0, "nap show big: \(show.stderr)")
        // `make bench` times `nap merge ready`: its record is unsigned, so the plan does not require signatures.
        let ready = try h.nap(["-C", plan, "show", "ready", "--json"], plan: false)
        let readyJSON = try #require(try JSONSerialization.jsonObject(with: Data(ready.stdout.utf8)) as? [String: Any])
        #expect(readyJSON["blockers"] as? [String] == [], "\(readyJSON["blockers"] ?? "")")
        #expect(readyJSON["signatures_required"] as? Bool == false)
    }
}

/// Where the project and the shared texts are, found from this file's path.
enum FormatFixturePaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let sharedData = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared/data").path
}
