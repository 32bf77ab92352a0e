import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Verify: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: L("Check offline that every change on main came through the merge gate, and every signature holds.").localized,
            discussion: L("""
            Walks main's first-parent history from the founding (the first commit whose members.yml names both co-chairs): every later commit must be a gated merge whose trailers, content and record match, approved by both co-chairs of that time for exactly the merged head (signed with their keys when plan.yml requires signatures). Checks the signatures of commits, of tags on main and of events in the record. Reports each failure; exits 1 when anything fails. Also refreshes the allowed-signers file for stock git (docs/SIGNING.md).

            Examples:
              nap verify
              nap verify v1 --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The revision to verify (default: main)."))) var revision: String = "main"
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/SIGNING.md)."))) var json = false

    struct FindingJSON: Encodable {
        let severity: String
        let kind: String
        let commit: String?
        let tag: String?
        let proposal: String?
        let event: String?
        let message: String

        /// Every field is written, null when it does not apply (the schema in docs/SIGNING.md).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(severity, forKey: .severity)
            try container.encode(kind, forKey: .kind)
            try container.encode(commit, forKey: .commit)
            try container.encode(tag, forKey: .tag)
            try container.encode(proposal, forKey: .proposal)
            try container.encode(event, forKey: .event)
            try container.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case severity, kind, commit, tag, proposal, event, message }
    }

    struct ReportJSON: Encodable {
        let revision: String
        let head: String
        let founding: String?
        let ok: Bool
        let commits: Int
        let merges: Int
        let tags: Int
        let events: Int
        let goodSignatures: Int
        let signaturesRequired: Bool
        /// Record events a host wrote on someone's behalf, signed by the host's key; approvals among them counted for merges.
        let hostAttestedEvents: Int
        let hostAttestedApprovals: Int
        let failures: [FindingJSON]
        let notices: [FindingJSON]

        enum CodingKeys: String, CodingKey {
            case revision, head, founding, ok, commits, merges, tags, events, failures, notices
            case goodSignatures = "good_signatures", signaturesRequired = "signatures_required"
            case hostAttestedEvents = "host_attested_events", hostAttestedApprovals = "host_attested_approvals"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(revision, forKey: .revision)
            try container.encode(head, forKey: .head)
            try container.encode(founding, forKey: .founding)
            try container.encode(ok, forKey: .ok)
            try container.encode(commits, forKey: .commits)
            try container.encode(merges, forKey: .merges)
            try container.encode(tags, forKey: .tags)
            try container.encode(events, forKey: .events)
            try container.encode(goodSignatures, forKey: .goodSignatures)
            try container.encode(signaturesRequired, forKey: .signaturesRequired)
            try container.encode(hostAttestedEvents, forKey: .hostAttestedEvents)
            try container.encode(hostAttestedApprovals, forKey: .hostAttestedApprovals)
            try container.encode(failures, forKey: .failures)
            try container.encode(notices, forKey: .notices)
        }
    }

    func run() throws {
        let store = try global.openPlan()
        let report = try store.verify(revision: revision)
        _ = try? store.writeAllowedSigners()
        if json {
            let convert: (VerificationFinding) -> FindingJSON = {
                FindingJSON(severity: $0.severity.rawValue, kind: $0.kind.rawValue, commit: $0.commit?.hex, tag: $0.tag,
                            proposal: $0.proposal, event: $0.event, message: $0.message.description)
            }
            try JSONOutput.print(ReportJSON(
                revision: report.revision, head: report.head.hex, founding: report.founding?.hex, ok: report.passed,
                commits: report.commits, merges: report.merges, tags: report.tags, events: report.events,
                goodSignatures: report.goodSignatures, signaturesRequired: report.signaturesRequired,
                hostAttestedEvents: report.hostAttestedEvents, hostAttestedApprovals: report.hostAttestedApprovals,
                failures: report.failures.map(convert), notices: report.notices.map(convert)))
        } else {
            print(report)
            if !report.signaturesRequired { Console.out(SigningGuidance.unauthenticatedNote(at: report.revision)) }
        }
        if !report.passed { throw ExitCode(1) }
    }

    private func print(_ report: VerificationReport) {
        for failure in report.failures { Console.out("✘ " + SafeText.line(failure.message.localized)) }
        for notice in report.notices { Console.out("· " + SafeText.line(notice.message.localized)) }
        guard let founding = report.founding else {
            Console.out(L("\(SafeText.line(report.revision)) (\(report.head.short())): the plan is not founded yet (members.yml names no two co-chairs); nothing is gated."))
            return
        }
        let counts = L("\(report.commits) commits since the start (founded at \(founding.short())), \(report.merges) gated merges, \(report.tags) tags, \(report.events) events, \(report.goodSignatures) good signatures").localized
        let summary = counts + (report.hostAttestedEvents == 0 ? ""
            : L(", \(report.hostAttestedEvents) events via hosts (\(report.hostAttestedApprovals) approvals via hosts counted)").localized)
        if report.passed {
            Console.out(L("OK: \(SafeText.line(report.revision)) (\(report.head.short())) verifies: \(summary)."))
        } else {
            let revision = SafeText.line(report.revision)
            Console.out(Message.plural(report.failures.count, one: L("FAILED: 1 problem in \(revision) (\(report.head.short())): \(summary)."),
                                       other: L("FAILED: \(report.failures.count) problems in \(revision) (\(report.head.short())): \(summary).")))
        }
    }
}
