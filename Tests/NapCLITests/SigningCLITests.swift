import Foundation
import NapTestSupport
import Testing

@Suite struct SigningCLITests {
    @Test func stockGitAndSSHKeygenAcceptWhatNapSigned() throws {
        let s = try SignedPlan.founded(requireSignatures: true)
        try s.proposal()
        try s.ok(["merge", "political-donations"], as: .govChair)
        // The drafter's save and the co-chair's merge: git verify-commit with nap's allowed signers.
        let save = try s.stockGit(["verify-commit", "-v", "main^2"])
        #expect(save.status == 0, "\(save.stderr)")
        #expect(save.stderr.contains("Good \"git\" signature for \(Person.wang.email)"))
        let merge = try s.stockGit(["verify-commit", "main"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stderr.contains("Good \"git\" signature for \(Person.govChair.email)"))
        let log = try s.stockGit(["log", "--show-signature", "-1", "main"])
        #expect(log.stdout.contains("Good \"git\" signature for \(Person.govChair.email)"))
        // Record commits are signed too.
        #expect(try s.stockGit(["verify-commit", "nap/record"]).status == 0)
        // An event and its .sig: ssh-keygen -Y verify in the nap-event namespace.
        let reviewID = try #require(try s.review(by: .civilChair)["id"] as? String)
        let files = try s.git(["ls-tree", "-r", "--name-only", "nap/record"]).split(separator: "\n").map(String.init)
        let json = try #require(files.first { $0.hasSuffix(reviewID + ".json") })
        let sig = String(json.dropLast(5)) + ".sig"
        #expect(files.contains(sig))
        try Data(try s.git(["show", "nap/record:" + sig]).utf8).write(to: URL(fileURLWithPath: s.sandbox.path("event.sig")))
        let bytes = Array(try s.git(["show", "nap/record:" + json]).utf8)
        let check = try run("/usr/bin/ssh-keygen", ["-Y", "verify", "-f", s.plan + "/.nap/allowed_signers", "-I", Person.civilChair.email,
                                                   "-n", "nap-event", "-s", s.sandbox.path("event.sig")],
                            in: s.plan, input: bytes, environment: s.sandbox.environment())
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Good \"nap-event\" signature for \(Person.civilChair.email)"))
        // The same signature is refused for git's namespace: namespaces keep uses apart.
        let wrongNamespace = try run("/usr/bin/ssh-keygen", ["-Y", "verify", "-f", s.plan + "/.nap/allowed_signers", "-I", Person.civilChair.email,
                                                            "-n", "git", "-s", s.sandbox.path("event.sig")],
                                     in: s.plan, input: bytes, environment: s.sandbox.environment())
        #expect(wrongNamespace.status != 0)
        #expect(try s.review(by: .civilChair)["signature"].flatMap { ($0 as? [String: Any])?["status"] as? String } == "good")
        // The working-tree copy of the allowed signers is never a change to commit.
        #expect(try s.git(["status", "--porcelain"]).isEmpty)
        let verified = try s.verify()
        #expect(verified.status == 0, "\(verified.report)")
        #expect(verified.report["ok"] as? Bool == true)
        #expect(verified.report["merges"] as? Int == 1)
        try s.git(["fsck", "--strict", "--no-dangling"])
    }

    @Test func unsignedAndForgedApprovalsDoNotCountWhenSignaturesAreRequired() throws {
        let s = try SignedPlan.founded(requireSignatures: true)
        try s.proposal(approvedBy: [.govChair])
        // An unsigned approval, or one signed with another key, would not count: nap refuses to write it.
        let unsigned = try s.nap(["review", "political-donations", "--approve"], as: .civilChair, key: "none")
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("this plan requires signatures, and nap found no signing key for you"))
        let forger = try s.makeKey("forger")
        let forged = try s.nap(["review", "political-donations", "--approve"], as: .civilChair, key: forger)
        #expect(forged.status == 1)
        #expect(forged.stderr.contains("is not the one members.yml lists for 民間共同主席"))
        let blockers = try s.blockers()
        #expect(blockers == ["waiting for the approval of 民間共同主席 (civil-society co-chair)"])
        let refused = try s.nap(["merge", "political-donations"], as: .govChair)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("waiting for the approval of 民間共同主席"))
        // The forger merges by hand with plain git, copying nap's trailers: nap verify catches it.
        let proposal = try #require(try s.json(["show", "political-donations"])["id"] as? String)
        let head = try s.rev("proposal/political-donations")
        let message = """
            Merge proposal political-donations

            Proposal: \(proposal)
            Proposal-Head: \(head)
            Approved-by: 國發會主委 <chair@ndc.gov.example> (government co-chair)
            Approved-by: 民間共同主席 <chair@civil.example> (civil-society co-chair)
            """
        try s.git(["merge", "--no-ff", "-m", message, "proposal/political-donations"], as: .govChair)
        let (status, report) = try s.verify()
        #expect(status == 1)
        let failures = report["failures"] as? [[String: Any]] ?? []
        let kinds = failures.compactMap { $0["kind"] as? String }
        #expect(kinds.contains("approval-missing"))
        #expect(kinds.contains("merge-mismatch"))
        #expect(kinds.contains("unsigned"))
        #expect(failures.contains { ($0["message"] as? String)?.contains("no approval by 民間共同主席") == true })
        // Signed by the right key, the approval counts.
        try s.git(["reset", "--hard", "main^"])
        try s.ok(["review", "political-donations", "--approve"], as: .civilChair)
        #expect(try s.blockers().isEmpty)
        try s.ok(["merge", "political-donations"], as: .civilChair)
        let clean = try s.verify()
        #expect(clean.status == 0)
        // The merge is remembered as verified (VerificationMemo) under its proposal's folder: when the
        // approval it rests on is rewritten in the record, the folder is another and the merge is
        // checked again.
        #expect(try s.verify().status == 0)
        let approval = try #require(try s.review(by: .civilChair)["id"] as? String)
        let files = try s.git(["ls-tree", "-r", "--name-only", "nap/record"]).split(separator: "\n").map(String.init)
        let event = try #require(files.first { $0.contains(approval) && !$0.hasSuffix(".sig") })
        try tamper(s, [event: "{}\n"])
        let (after, afterReport) = try s.verify()
        #expect(after == 1)
        let afterKinds = (afterReport["failures"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(afterKinds.contains("approval-missing"), "\(afterKinds)")
    }

    @Test func tagsOnMainAreChecked() throws {
        let s = try SignedPlan.founded(requireSignatures: true)
        try s.proposal()
        try s.ok(["merge", "political-donations"], as: .govChair)
        // A version tag signed by the co-chair with stock git (gpg.format=ssh) verifies in nap.
        try s.git(["-c", "gpg.format=ssh", "-c", "user.signingkey=" + s.key(.govChair), "tag", "-s", "v1", "-m", "第一版"], as: .govChair)
        #expect(try s.stockGit(["verify-tag", "v1"]).status == 0)
        let good = try s.verify()
        #expect(good.status == 0, "\(good.report)")
        #expect(good.report["tags"] as? Int == 1)
        // The same signature under another message, a lightweight tag and an unsigned tag fail.
        let object = try s.git(["cat-file", "tag", "v1"]).replacingOccurrences(of: "第一版", with: "第二版")
        let forged = try s.sandbox.git(["hash-object", "-t", "tag", "-w", "--stdin"], in: s.plan, input: Array(object.utf8)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try s.git(["update-ref", "refs/tags/v2", forged])
        try s.git(["tag", "light"])
        try s.git(["tag", "-a", "v3", "-m", "未簽章"], as: .govChair)
        let (status, report) = try s.verify()
        #expect(status == 1)
        let failures = report["failures"] as? [[String: Any]] ?? []
        #expect(failures.first { $0["tag"] as? String == "v2" }?["kind"] as? String == "bad-signature")
        #expect(failures.first { $0["tag"] as? String == "light" }?["kind"] as? String == "tag-not-annotated")
        #expect(failures.first { $0["tag"] as? String == "v3" }?["kind"] as? String == "unsigned")
        #expect(failures.first { $0["tag"] as? String == "v1" } == nil)
    }

    @Test func verifyReportsCommitsThatBypassedTheGate() throws {
        let s = try SignedPlan.founded(requireSignatures: false)
        try s.proposal()
        try s.ok(["merge", "political-donations"], as: .civilChair)
        let clean = try s.ok(["verify"])
        #expect(clean.contains("OK: main"))
        // A direct commit on main, pushed to a shared copy with plain git.
        try s.git(["clone", "--bare", "-q", s.plan, s.sandbox.path("shared.git")])
        try s.h.write("GOVERNANCE.md", try s.h.read("GOVERNANCE.md") + "\n偷偷加上的規則\n")
        try s.git(["commit", "-qam", "Quick fix"], as: .ministry)
        try s.git(["push", "-q", s.sandbox.path("shared.git"), "main"])
        let direct = try s.rev("main")
        // And a members.yml change that bypassed the gate.
        try s.h.write("members.yml", try s.h.read("members.yml") + "\n  - id: intruder\n    name: Intruder\n    email: intruder@example.net\n    sector: government\n    role: member\n")
        try s.git(["commit", "-qam", "Add a member"], as: .ministry)
        let governance = try s.rev("main")
        let text = try s.nap(["verify"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("commit \(direct.prefix(10)) by 內政部民政司 <moi@gov.example>"))
        #expect(text.stdout.contains("bypassed the gate: committed directly on main"))
        #expect(text.stdout.contains("commit \(governance.prefix(10)) by 內政部民政司 <moi@gov.example>"))
        #expect(text.stdout.contains("changed members.yml outside the gate"))
        let (status, report) = try s.verify()
        #expect(status == 1)
        let failures = report["failures"] as? [[String: Any]] ?? []
        #expect(failures.first { $0["commit"] as? String == direct }?["kind"] as? String == "bypassed-gate")
        #expect(failures.first { $0["commit"] as? String == governance }?["kind"] as? String == "governance-bypass")
        #expect(failures.count == 2)
        // Verifying the revision before the bypass passes.
        let earlier = try s.nap(["verify", direct + "^"])
        #expect(earlier.status == 0, "\(earlier.stdout)")
        // The copy that received the push is a plan too (bare: verify a clone of it).
        try s.git(["clone", "-q", s.sandbox.path("shared.git"), s.sandbox.path("copy")])
        let copy = try run(NapHarness.binary, ["-C", s.sandbox.path("copy"), "verify"], in: s.sandbox.root.path,
                           environment: s.sandbox.environment(name: Person.citizen.name, email: Person.citizen.email))
        #expect(copy.status == 1)
        #expect(copy.stdout.contains("bypassed the gate"))
    }

    @Test func garbledAndMisplacedEventSignaturesAreReported() throws {
        let s = try SignedPlan.founded(requireSignatures: true)
        try s.proposal()
        let show = try s.json(["show", "political-donations"])
        let gov = try #require(try s.review(by: .govChair)["id"] as? String)
        let civil = try #require(try s.review(by: .civilChair)["id"] as? String)
        #expect(show["blockers"] as? [String] == [])
        let files = try s.git(["ls-tree", "-r", "--name-only", "nap/record"]).split(separator: "\n").map(String.init)
        let govSig = try #require(files.first { $0.hasSuffix(gov + ".sig") })
        let civilSig = try #require(files.first { $0.hasSuffix(civil + ".sig") })
        // Verified clean, the folder is remembered (VerifiedFolders); a second run answers the same from it.
        let clean = try s.verify()
        #expect(clean.status == 0)
        #expect((clean.report["events"] as? Int ?? 0) > 0)
        let again = try s.verify()
        #expect(NSDictionary(dictionary: again.report) == NSDictionary(dictionary: clean.report))
        // Garble one signature (truncate its base64) and give the other one a signature over other bytes.
        let original = try s.git(["show", "nap/record:" + govSig])
        let lines = original.split(separator: "\n")
        let garbled = ([lines[0], lines[1].dropLast(7)] + lines[2...]).joined(separator: "\n") + "\n"
        let other = try s.git(["show", "nap/record:" + String(files.first { $0.hasSuffix(".sig") && $0 != govSig && $0 != civilSig } ?? govSig)])
        try tamper(s, [govSig: garbled, civilSig: other])
        // Approvals whose signatures do not hold are set aside: the gate waits for both, show says why.
        let after = try s.json(["show", "political-donations"])
        let blockers = after["blockers"] as? [String] ?? []
        #expect(blockers == ["waiting for the approval of 國發會主委 (government co-chair)", "waiting for the approval of 民間共同主席 (civil-society co-chair)"])
        let problems = after["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains(gov) && $0.contains("not signed with that member's key") }, "\(problems)")
        #expect(problems.contains { $0.contains(civil) && $0.contains("not signed with that member's key") }, "\(problems)")
        let (status, report) = try s.verify()
        #expect(status == 1)
        let bad = (report["failures"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "bad-signature" }
        #expect(Set(bad.compactMap { $0["event"] as? String }) == [gov, civil])
        // A signature without its event is a record problem.
        try tamper(s, [String(govSig.dropLast(68)) + String(repeating: "e", count: 64) + ".sig": original])
        let orphan = try s.json(["show", "political-donations"])["problems"] as? [String] ?? []
        #expect(orphan.contains { $0.contains("a signature without its event") })
    }

    @Test func aRememberedFolderCopiedUnderAnotherProposalIsCheckedAgain() throws {
        let s = try SignedPlan.founded(requireSignatures: true)
        try s.proposal()
        _ = try s.review(by: .govChair)
        let proposal = try #require(try s.json(["show", "political-donations"])["id"] as? String)
        #expect(try s.verify().status == 0)
        #expect(try s.verify().status == 0)  // answered from VerificationMemo
        // The same folder (the same tree id) planted under another proposal's name: its events name
        // political-donations, so a fresh check fails them; the memo must not answer for it.
        let other = String(repeating: "a", count: 64)
        let folder = "proposals/\(proposal.prefix(2))/\(proposal)/events/"
        let files = try s.git(["ls-tree", "-r", "--name-only", "nap/record"]).split(separator: "\n").map(String.init)
        var copies: [String: String] = [:]
        for file in files where file.hasPrefix(folder) {
            copies["proposals/aa/\(other)/events/" + file.dropFirst(folder.count)] = try s.git(["show", "nap/record:" + file])
        }
        #expect(!copies.isEmpty)
        try tamper(s, copies)
        #expect(try s.git(["rev-parse", "nap/record:proposals/aa/\(other)/events"]) == (try s.git(["rev-parse", "nap/record:" + folder])))
        let (status, report) = try s.verify()
        #expect(status == 1)
        let problems = (report["failures"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "record-problem" }
        #expect(problems.contains { $0["proposal"] as? String == other }, "\(report)")
    }

    /// Rewrites files of the record with plain git plumbing, as a tamperer would.
    private func tamper(_ s: SignedPlan, _ files: [String: String]) throws {
        let index = ["GIT_INDEX_FILE": s.sandbox.path("tamper-index")]
        try s.sandbox.git(["read-tree", "nap/record"], in: s.plan, env: index)
        for (path, text) in files {
            let blob = try s.sandbox.git(["hash-object", "-w", "--stdin"], in: s.plan, input: Array(text.utf8)).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try s.sandbox.git(["update-index", "--add", "--cacheinfo", "100644,\(blob),\(path)"], in: s.plan, env: index)
        }
        let tree = try s.sandbox.git(["write-tree"], in: s.plan, env: index).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try s.sandbox.git(["commit-tree", tree, "-p", "nap/record", "-m", "tamper"], in: s.plan).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try s.git(["update-ref", "refs/heads/nap/record", commit])
    }

    @Test func unusableKeysGivePreciseErrorsAndChangeNothing() throws {
        let s = try SignedPlan.founded(requireSignatures: false)
        try s.ok(["propose", "notes", "--title", "筆記"], as: .wang)
        let record = try s.rev("nap/record")
        let encrypted = try s.makeKey("encrypted", passphrase: "secret")
        let refused = try s.nap(["comment", "notes", "-m", "意見"], as: .citizen, key: encrypted)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nap: error: the signing key \(encrypted) (from NAP_SIGNING_KEY) is protected by a passphrase"))
        #expect(refused.stderr.contains("hint: create a key for nap with `nap key generate"))
        #expect(refused.stderr.contains("NAP_SIGNING_KEY=none"))
        let rsa = try s.makeKey("rsa", type: "rsa")
        let wrongType = try s.nap(["comment", "notes", "-m", "意見"], as: .citizen, key: rsa)
        #expect(wrongType.status == 1)
        #expect(wrongType.stderr.contains("is a ssh-rsa key; nap signs only with ed25519 keys"))
        let missing = try s.nap(["comment", "notes", "-m", "意見"], as: .citizen, key: s.sandbox.path("keys/nothing"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read the signing key"))
        #expect(try s.rev("nap/record") == record)
        // Registering an unsupported or private key is refused with the reason; members.yml is untouched.
        let members = try s.h.read("members.yml")
        let rsaMember = try s.nap(["member", "key", "g0v-wang", rsa + ".pub"], as: .wang)
        #expect(rsaMember.status == 1)
        #expect(rsaMember.stderr.contains("holds a ssh-rsa key; nap signs and verifies only ed25519 keys"))
        let privateKey = try s.nap(["member", "key", "g0v-wang", s.key(.wang)], as: .wang)
        #expect(privateKey.stderr.contains("is a private key"))
        #expect(try s.nap(["member", "key", "nobody", s.key(.wang) + ".pub"]).stderr.contains("no member named 'nobody'"))
        #expect(try s.h.read("members.yml") == members)
        // Reading never needs the key.
        #expect(try s.nap(["show", "notes"], as: .citizen, key: encrypted).status == 0)
    }

    @Test func keyCommandsGenerateShowAndRegister() throws {
        let s = try SignedPlan.founded(requireSignatures: false)
        let path = s.sandbox.path("generated/nap_ed25519")
        let generated = try s.ok(["key", "generate", "--path", path, "--comment", "wang@g0v.example"], as: .wang)
        #expect(generated.contains("ssh-ed25519 AAAA"))
        #expect(generated.contains("nap member key <your member id> \(path).pub"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let fingerprint = try run("/usr/bin/ssh-keygen", ["-l", "-f", path + ".pub"], in: s.plan, environment: s.sandbox.environment())
        #expect(fingerprint.status == 0)
        let again = try s.nap(["key", "generate", "--path", path], as: .wang)
        #expect(again.status == 1)
        #expect(again.stderr.contains("not overwriting \(path)"))
        // Without --path the key goes where ssh keeps keys.
        #expect(try s.ok(["key", "generate"]).contains(s.sandbox.path(".ssh/id_ed25519")))
        let shown = try s.ok(["key", "show"], as: .wang)
        #expect(shown.contains("Signing key: \(s.key(.wang)) (from NAP_SIGNING_KEY)"))
        #expect(shown.contains("members.yml on main lists this key for 王向榮 (g0v-wang)"))
        let other = try s.json(["key", "show"], as: .citizen)
        #expect(other["member"] is NSNull)
        // The default key (~/.ssh/id_ed25519) is used without NAP_SIGNING_KEY.
        let environment = s.sandbox.environment(name: Person.citizen.name, email: Person.citizen.email)
        let byDefault = try run(NapHarness.binary, ["-C", s.plan, "key", "show", "--json"], in: s.plan, environment: environment)
        #expect(byDefault.stdout.contains("\"origin\" : \"~/.ssh/id_ed25519\""))
        // git's user.signingkey (a .pub beside its private key) comes before it.
        try s.git(["config", "user.signingkey", path + ".pub"])
        let configured = try run(NapHarness.binary, ["-C", s.plan, "key", "show"], in: s.plan, environment: environment)
        #expect(configured.stdout.contains("Signing key: \(path) (from user.signingkey)"))
        // member key replaces the key line and nothing else.
        try s.ok(["member", "key", "g0v-wang", path + ".pub"], as: .wang)
        let diff = try s.git(["diff", "-U0", "members.yml"])
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("+ ") || $0.hasPrefix("- ") || $0.hasPrefix("+  ") || $0.hasPrefix("-  ") }.count == 2)
        #expect(try s.nap(["validate"]).status == 0)
    }
}
