import Foundation
import NapTestSupport
import Testing

/// `nap check` on real plans: one verdict per minimum requirement with its evidence, exit 1 on a
/// failure, "not checkable" never a pass, and `--at` judging only what the repository held then.
@Suite struct CheckCLITests {
    /// The verdicts by id, from `nap check --json` (which exits 1 when something fails).
    static func verdicts(_ h: NapHarness, _ extra: [String] = [], expectStatus: Int32) throws -> (json: [String: Any], byID: [String: [String: Any]]) {
        let result = try h.nap(["check", "--json"] + extra)
        #expect(result.status == expectStatus, "\(result.stdout)\n\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let list = try #require(json["requirements"] as? [[String: Any]])
        return (json, Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) }))
    }

    static func outcome(_ verdict: [String: Any]?) -> String? { verdict?["outcome"] as? String }
    static func reasons(_ verdict: [String: Any]?) -> String { ((verdict?["reasons"] as? [String]) ?? []).joined(separator: "\n") }
    static func evidence(_ verdict: [String: Any]?) -> [[String: Any]] { verdict?["evidence"] as? [[String: Any]] ?? [] }

    @Test func aPublishedPlanGetsAnHonestMixedResult() throws {
        let h = try NapHarness.published("check-mixed")
        let (json, v) = try Self.verdicts(h, expectStatus: 1)
        #expect(json["ok"] as? Bool == false)
        #expect(Self.outcome(v["forum-co-chairs"]) == "pass", "\(v["forum-co-chairs"] ?? [:])")
        #expect(Self.evidence(v["forum-co-chairs"]).contains { ($0["reference"] as? String)?.hasPrefix("GOVERNANCE.md@") == true })
        // The timeline starts 2024-06-01 and no meeting was ever recorded: more than six months without one.
        #expect(Self.outcome(v["forum-meetings"]) == "fail")
        #expect(Self.reasons(v["forum-meetings"]).contains("since the start of the plan's life (2024-06-01) with no forum meeting recorded"), "\(Self.reasons(v["forum-meetings"]))")
        #expect(Self.outcome(v["repository-updated"]) == "pass")
        #expect(Self.outcome(v["timeline"]) == "pass", "\(Self.reasons(v["timeline"]))")
        #expect(Self.evidence(v["timeline"]).contains { $0["kind"] as? String == "event" })
        #expect(Self.outcome(v["min-discussion-days"]) == "pass")
        #expect(Self.reasons(v["min-discussion-days"]).contains("sets no minimum"))
        #expect(Self.outcome(v["response-days"]) == "pass", "\(Self.reasons(v["response-days"]))")
        #expect(Self.outcome(v["implementation-meetings"]) == "pending")
        #expect(Self.outcome(v["published-languages"]) == "pass", "\(Self.reasons(v["published-languages"]))")
        #expect(Self.evidence(v["published-languages"]).first?["reference"] as? String == "v1")
        for id in ["public-website", "outreach", "forum-selection"] {
            #expect(Self.outcome(v[id]) == "not-checkable")
            #expect(Self.reasons(v[id]).hasPrefix("not checkable from the repository"))
        }
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts == ["pass": 6, "fail": 1, "pending": 1, "not-checkable": 3], "\(counts)")
        // The text form says the same, and exits 1 too.
        let text = try h.nap(["check"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("✘ FAIL  forum-meetings") && text.stdout.contains("? NOT-CHECKABLE  public-website"), "\(text.stdout)")
        #expect(text.stdout.contains("6 passed, 1 failed, 1 pending, 3 not checkable from the repository."))
    }

    @Test func meetingsEverySixMonthsAndTwoImplementationMeetingsPass() throws {
        let h = try NapHarness.published("check-meetings")
        // A meeting every five months from the timeline's start to today, the recent ones implementation meetings.
        var day = "2024-06-20"
        var index = 0
        let today = NapHarness.day(0)
        while day <= today {
            let kind = day >= "2025-01-01" ? "implementation" : "consultation"
            try h.write("../m\(index).md", meetingDocument(date: day, kind: kind, extra: "attendees:\n  - moi\n  - g0v-wang\n"))
            try h.ok(["meeting", "add", "m-\(index)", "--file", h.sandbox.path("m\(index).md")], as: .govChair)
            index += 1
            day = try #require(monthsLater(day, 5))
        }
        let (_, v) = try Self.verdicts(h, expectStatus: 0)
        #expect(Self.outcome(v["forum-meetings"]) == "pass", "\(Self.reasons(v["forum-meetings"]))")
        #expect(Self.outcome(v["implementation-meetings"]) == "pass", "\(Self.reasons(v["implementation-meetings"]))")
        #expect(Self.evidence(v["implementation-meetings"]).allSatisfy { $0["kind"] as? String == "meeting" })
    }

    @Test func lateAndMissingResponsesFailAndFutureOnesArePending() throws {
        let h = try NapHarness.foundedWithProcess("check-responses", policy: ["response-days: 30"], daysAgo: 60)
        try h.okAt(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 50)])
        try h.okAt(["comment", "political-donations", "-m", "期程太長"], as: .citizen, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 45)])
        try h.okAt(["comment", "political-donations", "-m", "請公開會議紀錄"], as: .citizen, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 2)])
        // The proposal is answered late (40 days after it was opened); the first comment never.
        try h.okAt(["respond", "political-donations", "--disposition", "deferred", "-m", "列入備選提案，待內政部評估修法期程"], as: .govChair, env: ["GIT_AUTHOR_DATE": NapHarness.date(daysAgo: 10)])
        let (_, v) = try Self.verdicts(h, expectStatus: 1)
        let verdict = v["response-days"]
        #expect(Self.outcome(verdict) == "fail")
        let reasons = Self.reasons(verdict)
        #expect(reasons.contains("the proposal political-donations (\(NapHarness.day(-50))) was answered 10 days late"), "\(reasons)")
        #expect(reasons.contains("a comment by 路人甲 on political-donations (\(NapHarness.day(-45))) has no government response; it was due on \(NapHarness.day(-15))"), "\(reasons)")
        #expect(reasons.contains("a comment by 路人甲 on political-donations awaits its response, due on \(NapHarness.day(28))"), "\(reasons)")
        #expect(Self.evidence(verdict).filter { $0["kind"] as? String == "event" }.count == 3)
        // As of the day before the first comment was due, nothing had failed yet.
        let (_, earlier) = try Self.verdicts(h, ["--at", NapHarness.day(-16)], expectStatus: 1)
        #expect(Self.outcome(earlier["response-days"]) == "fail", "the proposal was overdue already: \(Self.reasons(earlier["response-days"]))")
        #expect(!Self.reasons(earlier["response-days"]).contains("路人甲 on political-donations (\(NapHarness.day(-45))) has no"))
    }

    @Test func atADayBeforeAnythingWasWrittenNothingIsJudgedAsPassed() throws {
        let h = try NapHarness.published("check-at")
        let (json, v) = try Self.verdicts(h, ["--at", "2020-01-01"], expectStatus: 0)
        #expect(json["main"] is NSNull)
        #expect(json["at"] as? String == "2020-01-01T23:59:59Z")
        for id in ["forum-co-chairs", "repository-updated", "timeline"] { #expect(Self.outcome(v[id]) == "pending", "\(id)") }
        #expect(Self.outcome(v["published-languages"]) != "pass")
        let bad = try h.nap(["check", "--at", "2024-13-01"])
        #expect(bad.status == 1 && bad.stderr.contains("--at 2024-13-01"), "\(bad.stderr)")
    }
}

/// The day `months` months after `text` (same day of the month, at most the 28th).
private func monthsLater(_ text: String, _ months: Int) -> String? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    let total = parts[0] * 12 + (parts[1] - 1) + months
    return String(format: "%04d-%02d-%02d", total / 12, total % 12 + 1, min(parts[2], 28))
}
