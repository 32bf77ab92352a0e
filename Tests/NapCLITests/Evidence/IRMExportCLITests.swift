import Foundation
import NapTestSupport
import Testing

/// `nap export irm` on a real signed plan: every file of the pack, its SHA256SUMS checked with stock
/// `sha256sum` and its signature with stock `ssh-keygen -Y verify`, and a tampered pack caught.
@Suite struct IRMExportCLITests {
    func stock(_ tool: String, _ arguments: [String], in directory: String, input: String? = nil, _ s: SignedPlan) throws -> ProcessResult {
        try run(tool, arguments, in: directory, input: input.map { Array($0.utf8) }, environment: s.sandbox.environment())
    }

    @Test func thePackIsCompleteAndItsManifestVerifiesWithStockSSHKeygen() throws {
        let s = try SignedPlan.founded(requireSignatures: true, "irm-export")
        try s.proposal()
        let comment = try #require(try s.json(["comment", "political-donations", "-m", "期程太長"], as: .citizen)["id"] as? String)
        try s.ok(["respond", comment, "--disposition", "adopted-in-part", "-m", "第一階段先以平台改版縮短公開時間"], as: .govChair)
        try s.ok(["switch", "main"])
        try s.ok(["merge", "political-donations"], as: .civilChair)
        try s.ok(["publish", "v1", "-m", "第一版"], as: .govChair)
        let out = try s.ok(["export", "irm", "-o", "../irm"], as: .govChair)
        #expect(out.contains("SHA256SUMS signed by chair@ndc.gov.example"), "\(out)")
        let pack = s.sandbox.path("irm")
        let files = try FileManager.default.contentsOfDirectory(atPath: pack).sorted()
        #expect(files == ["README.md", "SHA256SUMS", "SHA256SUMS.sig", "allowed_signers", "attendance.csv", "check.json", "check.txt",
                          "input-by-sector.csv", "meetings.json", "membership-history.csv", "plan-diff.patch", "responses.csv",
                          "responses.html", "timeline.json", "verify.txt"])
        let read = { (name: String) in try String(contentsOfFile: pack + "/" + name, encoding: .utf8) }
        #expect(try read("membership-history.csv").contains(",joined,civil-chair,民間共同主席,civil-society,co-chair,"))
        let bySector = try read("input-by-sector.csv")
        #expect(bySector.contains("\r\npublic,1,0,1,1,0,0,1,"), "\(bySector)")
        #expect(try read("plan-diff.patch").contains("+++ b/commitments/political-donations.md"))
        let verify = try read("verify.txt")
        #expect(verify.hasPrefix("nap verify main (") && verify.contains(": OK\n"), "\(verify)")
        #expect(try read("check.txt").contains("forum-co-chairs"))
        #expect(try read("responses.csv").hasPrefix("input_id,kind,"))
        // Stock tools check the manifest and its signature.
        let sums = try stock("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], in: pack, s)
        #expect(sums.status == 0, "\(sums.stdout)\(sums.stderr)")
        #expect(sums.stdout.split(separator: "\n").count == 12)
        let manifest = try read("SHA256SUMS")
        let arguments = ["-Y", "verify", "-f", "allowed_signers", "-I", Person.govChair.email, "-n", "nap-evidence", "-s", "SHA256SUMS.sig"]
        let good = try stock("/usr/bin/ssh-keygen", arguments, in: pack, input: manifest, s)
        #expect(good.status == 0 && good.stdout.contains("Good \"nap-evidence\" signature for chair@ndc.gov.example"), "\(good.stdout)\(good.stderr)")
        // The key is the co-chair's key in members.yml.
        let listed = try String(contentsOfFile: s.key(.govChair) + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        #expect(try read("allowed_signers").contains(listed))
        // A tampered file fails the sums; a tampered manifest fails the signature; another namespace fails too.
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: pack + "/check.txt"))
        #expect(try stock("/usr/bin/sha256sum", ["-c", "--quiet", "SHA256SUMS"], in: pack, s).status != 0)
        let forged = manifest.replacingOccurrences(of: "check.txt", with: "check.tx_")
        #expect(try stock("/usr/bin/ssh-keygen", arguments, in: pack, input: forged, s).status != 0)
        var otherNamespace = arguments
        otherNamespace[7] = "git"
        #expect(try stock("/usr/bin/ssh-keygen", otherNamespace, in: pack, input: manifest, s).status != 0)
    }

    @Test func anExistingFolderIsNotOverwrittenAndNoKeyMeansUnsigned() throws {
        let h = try NapHarness.published("irm-unsigned")
        try h.write("../busy/keep.txt", "mine")
        let refused = try h.nap(["export", "irm", "-o", "../busy"])
        #expect(refused.status == 1 && refused.stderr.contains("is not empty"), "\(refused.stderr)")
        let result = try h.napAt(["export", "irm", "-o", "../irm"], env: ["NAP_SIGNING_KEY": "none"])
        #expect(result.status == 0 && result.stderr.contains("SHA256SUMS is not signed"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.sandbox.path("irm/SHA256SUMS.sig")))
        #expect(try String(contentsOfFile: h.sandbox.path("irm/README.md"), encoding: .utf8).contains("Without `SHA256SUMS.sig`"))
    }
}
