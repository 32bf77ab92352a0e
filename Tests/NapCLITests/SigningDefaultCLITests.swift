import Foundation
import NapTestSupport
import Testing

/// Authenticated by default: a new plan requires signatures, `init` and `member add` say how to make
/// and register a key, and `show`, `merge` and `verify` say plainly when approvals are not authenticated.
@Suite struct SigningDefaultCLITests {
    static let note = "note: this plan does not require signatures (policy require-signatures: false in plan.yml on main): "
        + "anyone who can push to the hub can write an approval or a response in a member's name; see docs/SIGNING.md and docs/SECURITY.md"

    @Test func initRequiresSignaturesAndSaysHowToMakeAndRegisterAKey() throws {
        let h = try NapHarness("nap-default")
        let result = try h.nap(["init", h.plan, "--period", "2025-01..2028-12"], plan: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try h.read("plan.yml").contains("\n  require-signatures: true\n"))
        #expect(try h.git(["show", "main:plan.yml"]).contains("\n  require-signatures: true\n"))
        let out = result.stdout
        #expect(out.contains("nap key generate"))
        #expect(out.contains("--key <their key>.pub"))
        #expect(out.contains("nap member key <id> <their key>.pub"))
        #expect(out.contains("This plan requires signatures (plan.yml policy require-signatures: true): "
            + "approvals, reasoned responses, change requests, withdrawals and resolutions count only when signed"))
        #expect(!out.contains("note: this plan does not require signatures"))
    }

    @Test func memberAddWithoutAKeySaysHowToRegisterOne() throws {
        let h = try NapHarness("nap-default")
        try h.ok(["init", h.plan, "--period", "2025-01..2028-12"], plan: false)
        let keyless = try h.ok(["member", "add", "ndc-chair", "--name", Person.govChair.name, "--email", Person.govChair.email,
                                "--sector", "government", "--role", "co-chair"])
        #expect(keyless.contains("Next: 國發會主委 (ndc-chair) has no signing key in members.yml yet."))
        #expect(keyless.contains("This plan requires signatures (plan.yml policy require-signatures: true)"))
        #expect(keyless.contains("nap key generate"))
        #expect(keyless.contains("nap member key ndc-chair <their key>.pub"))
        // With a key, nothing more to do.
        try FileManager.default.createDirectory(atPath: h.sandbox.path("keys"), withIntermediateDirectories: true)
        let generated = try h.nap(["key", "generate", "--path", h.sandbox.path("keys/civil")], plan: false)
        #expect(generated.status == 0, "\(generated.stderr)")
        let keyed = try h.ok(["member", "add", "civil-chair", "--name", Person.civilChair.name, "--email", Person.civilChair.email,
                              "--sector", "civil-society", "--role", "co-chair", "--key", h.sandbox.path("keys/civil.pub")])
        #expect(keyed.contains("Added 民間共同主席 (civil-chair, civil-society, co-chair) to members.yml."))
        #expect(!keyed.contains("Next:"))
        #expect(!keyed.contains("nap key generate"))
        // Where the plan does not require signatures, the step says so.
        try h.setRequireSignatures(false)
        let relaxed = try h.ok(["member", "add", "g0v-wang", "--name", Person.wang.name, "--email", Person.wang.email, "--sector", "civil-society"])
        #expect(relaxed.contains("Next: 王向榮 (g0v-wang) has no signing key in members.yml yet."))
        #expect(relaxed.contains("This plan does not require signatures (plan.yml policy require-signatures: false): approvals are not authenticated"))
        #expect(relaxed.contains("nap member key g0v-wang <their key>.pub"))
    }

    @Test func aNewPlanDoesNotCountUnsignedApprovals() throws {
        // Founded straight from the template, without keys: nothing that changes the gate can be written.
        let h = try NapHarness("nap-default")
        try h.ok(["init", h.plan, "--period", "2025-01..2028-12"], plan: false)
        try h.ok(["member", "add", "ndc-chair", "--name", Person.govChair.name, "--email", Person.govChair.email, "--sector", "government", "--role", "co-chair"])
        try h.ok(["member", "add", "civil-chair", "--name", Person.civilChair.name, "--email", Person.civilChair.email, "--sector", "civil-society", "--role", "co-chair"])
        try h.ok(["member", "add", "g0v-wang", "--name", Person.wang.name, "--email", Person.wang.email, "--sector", "civil-society"])
        try h.ok(["save", "-m", "成立論壇 Constitute the forum"])
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.ok(["save", "-m", "新增承諾事項"], as: .wang)
        // Responses and approvals without a registered key would not count: nap refuses to write them.
        for (arguments, person) in [(["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], Person.govChair),
                                    (["review", "political-donations", "--approve"], .govChair),
                                    (["review", "political-donations", "--approve"], .civilChair)] {
            let refused = try h.nap(arguments, as: person)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("this plan requires signatures, and members.yml on main lists no key for \(person.name)"), "\(refused.stderr)")
        }
        try h.ok(["switch", "main"])
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect(show["signatures_required"] as? Bool == true)
        let blockers = show["blockers"] as? [String] ?? []
        #expect(Array(blockers.prefix(2)) == [
            "waiting for the approval of 國發會主委 (government co-chair)",
            "waiting for the approval of 民間共同主席 (civil-society co-chair)",
        ])
        // The template also asks for 14 days of discussion (min-discussion-days).
        #expect(blockers.count == 4 && blockers[2].hasPrefix("the proposal has been open for discussion 0 days; the policy asks for 14"), "\(blockers)")
        // Unsigned, the proposal is read as the public's: it is owed a reasoned response.
        #expect(blockers.last == "the proposal itself from 王向榮 (public) has no reasoned response")
        let refused = try h.nap(["merge", "political-donations"], as: .govChair)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("lists no key for 國發會主委"))
    }

    @Test func showMergeAndVerifySayApprovalsAreNotAuthenticatedWhenSignaturesAreNotRequired() throws {
        let s = try SignedPlan.founded(requireSignatures: false)
        try s.proposal()
        let show = try s.ok(["show", "political-donations"])
        #expect(show.contains("Ready to merge"))
        #expect(show.contains(Self.note))
        #expect(try s.json(["show", "political-donations"])["signatures_required"] as? Bool == false)
        let merge = try s.ok(["merge", "political-donations"], as: .civilChair)
        #expect(merge.contains("Merged proposal political-donations into main"))
        #expect(merge.contains(Self.note))
        let verify = try s.ok(["verify"])
        #expect(verify.contains("OK: main"))
        #expect(verify.contains(Self.note))
        #expect(try s.verify().report["signatures_required"] as? Bool == false)
        // `verify REV` names the revision whose plan.yml it read.
        let earlier = try s.ok(["verify", "main^"])
        #expect(earlier.contains("(policy require-signatures: false in plan.yml on main^)"))
        // JSON stays JSON: the note is text output only.
        let json = try s.ok(["show", "political-donations", "--json"])
        #expect(!json.contains("note:"))
    }

    @Test func showMergeAndVerifySayNothingOfTheKindWhenSignaturesAreRequired() throws {
        let s = try SignedPlan.founded(requireSignatures: true)
        try s.proposal()
        let show = try s.ok(["show", "political-donations"])
        #expect(show.contains("Ready to merge"))
        #expect(!show.contains("does not require signatures"))
        #expect(try s.json(["show", "political-donations"])["signatures_required"] as? Bool == true)
        let merged = try s.json(["merge", "political-donations"], as: .civilChair)
        #expect(merged["signatures_required"] as? Bool == true)
        #expect(merged["slug"] as? String == "political-donations")
        #expect((merged["commit"] as? String)?.count == 40)
        #expect(merged.keys.sorted() == ["commit", "proposal", "signatures_required", "slug"])
        let verify = try s.ok(["verify"])
        #expect(verify.contains("OK: main"))
        #expect(!verify.contains("does not require signatures"))
        #expect(try s.verify().report["signatures_required"] as? Bool == true)
        // A merge as text, on a second proposal: no note.
        try s.ok(["propose", "second", "--title", "第二案"], as: .wang)
        try s.h.write("commitments/second.md", donationCommitment(id: "second"))
        try s.ok(["save", "-m", "第二案"], as: .wang)
        try s.ok(["respond", "second", "--disposition", "adopted", "-m", "第二次諮詢會議決議納入行動方案"], as: .govChair)
        for chair in [Person.govChair, .civilChair] { try s.ok(["review", "second", "--approve"], as: chair) }
        try s.ok(["switch", "main"])
        let text = try s.ok(["merge", "second"], as: .govChair)
        #expect(text.contains("Merged proposal second into main"))
        #expect(!text.contains("does not require signatures"))
    }

    @Test func mergeJSONSaysWhenApprovalsWereNotAuthenticated() throws {
        let s = try SignedPlan.founded(requireSignatures: false)
        try s.proposal()
        let merged = try s.json(["merge", "political-donations"], as: .civilChair)
        #expect(merged["signatures_required"] as? Bool == false)
        #expect(merged.keys.sorted() == ["commit", "proposal", "signatures_required", "slug"])
    }
}
