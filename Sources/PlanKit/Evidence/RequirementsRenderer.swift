import Foundation
import Localization

/// `nap check`'s two forms, text and JSON, in PlanKit so that the IRM evidence pack (`nap export irm`)
/// holds exactly what the command prints.
public enum RequirementsRenderer {
    /// One block per requirement: a mark, the requirement, its reasons and evidence; then a tally. In
    /// `language` (the evidence pack's copy is English; `nap check` speaks the user's language). The ids and
    /// outcome words stay as they are: scripts and the IRM read them.
    public static func text(_ report: RequirementsReport, in language: Language = .english) -> String {
        let at = Timestamp.format(report.at)
        let heading = report.main.map { L("Minimum requirements (OGP Participation and Co-Creation Standards, 2021) as of \(at), main at \($0.short())") }
            ?? L("Minimum requirements (OGP Participation and Co-Creation Standards, 2021) as of \(at)")
        var lines: [String] = [heading.resolved(in: language), ""]
        for verdict in report.verdicts {
            lines.append("\(mark(verdict.outcome)) \(verdict.outcome.rawValue.uppercased())  \(verdict.id): \(verdict.requirement.resolved(in: language))")
            for reason in verdict.reasons { lines.append("    \(reason.resolved(in: language))") }
            for item in verdict.evidence { lines.append("    · \(item.kind.rawValue) \(item.reference) — \(item.note.resolved(in: language))") }
        }
        lines.append("")
        lines.append(L("\(report.count(.pass)) passed, \(report.count(.fail)) failed, \(report.count(.pending)) pending, \(report.count(.notCheckable)) not checkable from the repository.").resolved(in: language))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mark(_ outcome: RequirementVerdict.Outcome) -> String {
        switch outcome {
        case .pass: "✔"
        case .fail: "✘"
        case .pending: "…"
        case .notCheckable: "?"
        }
    }

    /// The JSON form (schema in docs/CLI.md): `{at, main, ok, counts, requirements: [{id, requirement,
    /// outcome, reasons, evidence: [{kind, reference, note}]}]}`.
    public static func json(_ report: RequirementsReport) throws -> String {
        struct Shape: Encodable {
            let at: String
            let main: String?
            let ok: Bool
            let counts: [String: Int]
            let requirements: [Verdict]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(at, forKey: .at)
                try container.encode(main, forKey: .main)
                try container.encode(ok, forKey: .ok)
                try container.encode(counts, forKey: .counts)
                try container.encode(requirements, forKey: .requirements)
            }

            enum CodingKeys: String, CodingKey { case at, main, ok, counts, requirements }
        }
        struct Verdict: Encodable {
            let id: String
            let requirement: String
            let outcome: String
            let reasons: [String]
            let evidence: [EvidenceItem]
        }
        let counts = Dictionary(uniqueKeysWithValues: [RequirementVerdict.Outcome.pass, .fail, .pending, .notCheckable].map { ($0.rawValue, report.count($0)) })
        let shape = Shape(at: Timestamp.format(report.at), main: report.main?.hex, ok: !report.failed, counts: counts,
                          requirements: report.verdicts.map {
                              Verdict(id: $0.id, requirement: $0.requirement.description, outcome: $0.outcome.rawValue, reasons: $0.reasons.map(\.description), evidence: $0.evidence)
                          })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(shape), as: UTF8.self) + "\n"
    }
}
