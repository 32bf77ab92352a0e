import Foundation
import NapTestSupport
import Testing

/// plan.yml's `process:` block and the new policy fields: read, validated with located errors, shown by
/// `nap timeline`.
@Suite struct TimelineCLITests {
    @Test func timelineShowsThePhasesAndTheCurrentOne() throws {
        let h = try NapHarness.foundedWithProcess("timeline")
        let timeline = try h.object(["timeline"])
        #expect(timeline["timeline_published"] as? String == "2024-05-01")
        let phases = try #require(timeline["phases"] as? [[String: Any]])
        #expect(phases.map { $0["phase"] as? String } == ["call-for-input", "drafting", "consultation", "publication", "implementation"])
        // Today falls in implementation (2025-01-01..2028-12-31) while the tests run before 2029.
        #expect(timeline["current_phase"] as? String == "implementation")
        #expect(phases.filter { $0["current"] as? Bool == true }.count == 1)
        let text = try h.ok(["timeline"])
        #expect(text.contains("▶ 2025-01-01 – 2028-12-31  執行 Implementation"), "\(text)")
        // Stock git reads plan.yml as nap wrote it: the block is on main.
        #expect(try h.git(["show", "main:plan.yml"]).contains("timeline-published: 2024-05-01"))
    }

    /// Each bad timeline or policy value is an error at its line and column; nothing else is needed.
    @Test(arguments: [
        ("      start: 2024-08-01\n      end: 2024-10-31", "      start: 2024-07-15\n      end: 2024-10-31", "phase drafting starts on 2024-07-15, before call-for-input ends (2024-07-31); phases may not overlap"),
        ("    - phase: drafting", "    - phase: implementation", "phase consultation is listed after implementation; the phases go in their order"),
        ("timeline-published: 2024-05-01", "timeline-published: 2024-06-15", "the timeline was published on 2024-06-15, after call-for-input started (2024-06-01)"),
        ("      start: 2024-11-01", "      start: 2024-11-31", "phase consultation start: '2024-11-31'"),
        ("      end: 2024-12-31", "      end: 2024-11-15", "phase publication ends (2024-11-15) before it starts (2024-12-01)"),
        ("    - phase: publication", "    - phase: publishing", "'publishing' is not a phase"),
        ("  minutes-within-days: 14", "  minutes-within-days: 99999999999999999999", "process.minutes-within-days must be a whole number from 0 to 366"),
    ])
    func badTimelinesAreLocatedErrors(_ from: String, _ to: String, _ message: String) throws {
        let h = try NapHarness("timeline-bad")
        try h.ok(["init", h.plan, "--title-zh", "計畫", "--title-en", "Plan", "--period", "2025-01..2028-12"], plan: false)
        try h.addProcess()
        let text = try h.read("plan.yml")
        #expect(text.contains(from))
        try h.write("plan.yml", text.replacingOccurrences(of: from, with: to))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try h.nap(["validate", "--json"]).stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let found = diagnostics.first { ($0["message"] as? String)?.contains(message) == true }
        #expect(found?["path"] as? String == "plan.yml", "\(diagnostics)")
        #expect(found?["severity"] as? String == "error")
        // At the value: a line of the process block (after the template's policy), a column past the key.
        #expect((found?["line"] as? Int ?? 0) > 50, "\(diagnostics)")
        #expect((found?["column"] as? Int ?? 0) > 1)
    }

    @Test(arguments: [
        ("min-discussion-days: 14 days", "policy.min-discussion-days must be a whole number from 0 to 366, not '14 days'"),
        ("min-discussion-days: -3", "policy.min-discussion-days must be a whole number from 0 to 366, not '-3'"),
        ("response-days: 0", "policy.response-days must be a whole number from 1 to 366, not '0'"),
        ("response-days: 1e3", "policy.response-days must be a whole number from 1 to 366, not '1e3'"),
    ])
    func badPolicyNumbersAreLocatedErrors(_ line: String, _ message: String) throws {
        let h = try NapHarness("policy-bad")
        try h.ok(["init", h.plan, "--title-zh", "計畫", "--title-en", "Plan", "--period", "2025-01..2028-12"], plan: false)
        try h.setRequireSignatures(false)
        try h.addProcess(policy: [line])
        let result = try h.nap(["validate"])
        #expect(result.status == 1)
        let lineNumber = try h.read("plan.yml").components(separatedBy: "\n").firstIndex { $0 == "  " + line }.map { $0 + 1 }
        let column = line.firstIndex(of: ":").map { line.distance(from: line.startIndex, to: $0) + 5 } ?? 0
        #expect(result.stdout.contains("plan.yml:\(lineNumber ?? 0):\(column): error: \(message)"), "\(result.stdout)")
    }

    @Test func aPlanWithoutProcessHasNoTimeline() throws {
        let h = try NapHarness.founded("timeline-none")
        #expect(try h.ok(["timeline"]).contains("no timeline"))
        let timeline = try h.object(["timeline"])
        #expect((timeline["phases"] as? [Any])?.isEmpty == true)
        #expect(timeline["current_phase"] is NSNull)
    }
}
