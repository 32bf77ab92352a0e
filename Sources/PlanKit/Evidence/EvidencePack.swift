import Crypto
import Foundation
import GitKit
import Localization

/// What `nap export irm` wrote: the evidence pack an IRM researcher asks for, with its manifest.
public struct EvidencePack: Sendable {
    /// The files written, relative to the folder, in the manifest's order.
    public let files: [String]
    /// The key the manifest was signed with (its fingerprint), and the identity to verify it as; nil
    /// when there was no key (the manifest is then unsigned, and README.md says so).
    public let signer: (fingerprint: String, identity: String)?
    /// Whether `nap check` found a failure (the pack holds its output either way).
    public let checkFailed: Bool

    /// The SSHSIG namespace of the manifest's signature: `ssh-keygen -Y verify -n nap-evidence`.
    public static let namespace = SigningNamespace.evidence
}

extension SigningNamespace {
    /// The manifest of an evidence pack (`SHA256SUMS.sig`): `ssh-keygen -Y verify -n nap-evidence`.
    public static let evidence = "nap-evidence"
}

extension PlanStore {
    /// Writes the IRM evidence pack into `directory` (created; it must be empty or new): the response
    /// report, meetings and attendance, the forum's membership history, the timeline, the diff from the
    /// first draft to the published plan, input and responses by sector, `nap verify` and `nap check`, a
    /// README, and `SHA256SUMS` signed with the user's key in namespace `nap-evidence`
    /// (`SHA256SUMS.sig`, with `allowed_signers` naming the key), as tags are signed.
    public func exportEvidence(to directory: String) throws -> EvidencePack {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw PlanError.refused(reason: L("\(directory) is not empty"), hint: L("name a new or empty folder"))
        }
        let main = try requireMain()
        let plan = try loadPlan(at: main).plan
        let members = try loadPlan(at: main).members
        let published = try publishedVersions().last
        let report = try responseReport()
        let meetings = try self.meetings()
        let check = try checkRequirements()
        let verification = try verify(revision: "main")
        var files: [(String, String)] = [
            ("responses.csv", ResponseReportRenderer.csv(report)),
            ("responses.html", ResponseReportRenderer.html(report, plan: plan)),
            ("meetings.json", try Self.meetingsJSON(meetings)),
            ("attendance.csv", CSVTable.write(attendance(meetings, members: members))),
            ("membership-history.csv", CSVTable.write(try membershipHistory())),
            ("timeline.json", try Self.json(plan?.process ?? PlanProcess())),
            ("input-by-sector.csv", CSVTable.write(Self.inputBySector(report))),
            ("verify.txt", Self.text(verification)),
            ("check.txt", RequirementsRenderer.text(check)),
            ("check.json", try RequirementsRenderer.json(check)),
        ]
        if let diff = try draftToPublishedDiff(published: published?.commit ?? main) { files.append(("plan-diff.patch", diff.text)) }
        files.append(("README.md", Self.readme(published: published?.name, main: main, files: files.map(\.0))))
        files.sort { $0.0 < $1.0 }
        let sums = files.map { "\(ObjectID.hex(SHA256.hash(data: Data($0.1.utf8))))  \($0.0)\n" }.joined()
        var writes = files.map { ($0.0, Data($0.1.utf8)) } + [("SHA256SUMS", Data(sums.utf8))]
        var signer: (String, String)?
        if let armored = try self.signer.sign(Array(sums.utf8), namespace: SigningNamespace.evidence), let key = try self.signer.key() {
            let identity = try identity().email
            writes.append(("SHA256SUMS.sig", Data(armored.utf8)))
            writes.append(("allowed_signers", Data("\(identity) namespaces=\"\(SigningNamespace.evidence)\" \(key.publicKey.authorizedKeyLine)\n".utf8)))
            signer = (key.publicKey.fingerprint, identity)
        }
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PlanError.refused(reason: L("cannot create \(directory): \(error.localizedDescription)"), hint: nil)
        }
        for (name, data) in writes { try FileWrite.write(data, to: directory + "/" + name, shownAs: name) }
        return EvidencePack(files: writes.map(\.0), signer: signer, checkFailed: check.failed)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The meetings as the record holds them: each version in force, who recorded it and when.
    static func meetingsJSON(_ meetings: [MeetingState]) throws -> String {
        struct Shape: Encodable {
            let id: String
            let date: String
            let kind: String
            let title: LocalizedText
            let agendaPublished: String?
            let attendees: [String]
            let publicAttendance: [String: Int]
            let links: [MeetingLink]
            let decisions: [MeetingDecision]
            let minutes: LocalizedText
            let event: String
            let recordedBy: EventAuthor
            let recorded: Date
            let versions: Int
        }
        let shapes = meetings.compactMap { state -> Shape? in
            guard let current = state.current else { return nil }
            let record = current.record
            return Shape(id: record.id, date: record.date.description, kind: record.kind.rawValue, title: record.title,
                         agendaPublished: record.agendaPublished?.description, attendees: record.attendees, publicAttendance: record.publicAttendance,
                         links: record.links, decisions: record.decisions, minutes: record.minutes, event: current.id, recordedBy: current.author,
                         recorded: current.time, versions: state.versions.count)
        }
        return try json(shapes)
    }

    /// `nap verify`'s findings and tally, as text.
    static func text(_ report: VerificationReport) -> String {
        var lines = ["nap verify \(report.revision) (\(report.head.hex)): \(report.passed ? "OK" : "FAILED")",
                     "\(report.commits) commits, \(report.merges) gated merges, \(report.tags) tags, \(report.events) events, \(report.goodSignatures) good signatures"
                        + (report.signaturesRequired ? "; signatures required" : "; signatures not required")]
        lines += report.findings.map { "\($0.severity.rawValue) \($0.kind.rawValue): \($0.message)" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func readme(published: String?, main: ObjectID, files: [String]) -> String {
        let described: [String: String] = [
            "responses.csv": "every input and its reasoned response (columns in nap's docs/PUBLISHING.md)",
            "responses.html": "the same, as a page to read",
            "meetings.json": "the forum's meetings: date, kind, attendees, documents, decisions, minutes, and who recorded them",
            "attendance.csv": "one row per member who attended a meeting, and the others counted by sector",
            "membership-history.csv": "every change of the forum's membership (members.yml on main), with its commit",
            "timeline.json": "the published timeline and the forum's promises (plan.yml, process:)",
            "input-by-sector.csv": "inputs and responses counted by the sector of who gave them",
            "plan-diff.patch": "the plan's files from the first draft on main to \(published ?? "main")",
            "verify.txt": "nap verify: every change of main came through the merge gate, signatures hold",
            "check.txt": "nap check: a verdict per OGP minimum requirement, with its evidence",
            "check.json": "the same, as JSON",
        ]
        var lines = ["# Evidence pack (nap export irm)", "",
                     "From the plan's repository at main \(main.hex)" + (published.map { ", published version \($0)" } ?? "") + ".", ""]
        for file in files.sorted() { lines.append("- `\(file)`: \(described[file] ?? "")") }
        lines += ["", "`SHA256SUMS` lists every file's SHA-256. `SHA256SUMS.sig` signs it (SSHSIG, namespace `nap-evidence`) with the key",
                  "of the member who exported the pack; `allowed_signers` names that key. Check the key against members.yml, then:", "",
                  "    sha256sum -c SHA256SUMS",
                  "    ssh-keygen -Y verify -f allowed_signers -I <email in allowed_signers> -n nap-evidence -s SHA256SUMS.sig < SHA256SUMS", "",
                  "Without `SHA256SUMS.sig`, nobody's key signed the pack: it is only as trustworthy as where it came from."]
        return lines.joined(separator: "\n") + "\n"
    }
}
