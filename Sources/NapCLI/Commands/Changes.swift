import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Changes: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "changes",
            abstract: L("What changed between two published versions, commitment by commitment, and which proposals brought it.").localized,
            discussion: L("""
            Lists the commitments added, removed and changed (which fields, how many milestones, which prose sections in which language), the other files that changed, and the proposals merged on main between the two versions (from the Proposal-Slug: trailers of the merge commits). Any two revisions on main's line work; give the earlier one first. JSON schema in docs/PUBLISHING.md.

            Examples:
              nap changes v1 v2
              nap changes v1 main --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The earlier version."))) var from: String
    @Argument(help: ArgumentHelp(L("The later version."))) var to: String
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/PUBLISHING.md)."))) var json = false

    func run() throws {
        let changes = try global.openPlan().changes(from: from, to: to)
        if json {
            try JSONOutput.print(ChangesJSON(changes))
            return
        }
        let counts = L("\(changes.added.count) added, \(changes.removed.count) removed, \(changes.changed.count) changed").localized
        Console.out(L("Changes from \(SafeText.line(from)) (\(changes.from.commit.short())) to \(SafeText.line(to)) (\(changes.to.commit.short())): \(counts)"))
        for (title, list, mark) in [(L("Added:"), changes.added, "+"), (L("Removed:"), changes.removed, "-"), (L("Changed:"), changes.changed, "~")] where !list.isEmpty {
            Console.out("")
            Console.out(title)
            for change in list {
                Console.out("  \(mark) \(SafeText.line(change.id))  \(SafeText.line(Self.title(change.title)))")
                for line in Self.details(change) { Console.out("      " + line) }
            }
        }
        if !changes.otherFiles.isEmpty {
            Console.out("")
            Console.out(L("Other files: \(changes.otherFiles.map(SafeText.line).joined(separator: ", "))"))
        }
        Console.out("")
        if changes.proposals.isEmpty {
            Console.out(L("No proposals were merged between them."))
        } else {
            Console.out(L("Merged proposals (\(changes.proposals.count)):"))
            for proposal in changes.proposals {
                let touched = (proposal.commitments + proposal.files).map(SafeText.line).joined(separator: ", ")
                Console.out("  \(SafeText.line(proposal.slug))  \(SafeText.line(proposal.title))  [\(proposal.commit.short())]" + (touched.isEmpty ? "" : " → " + touched))
            }
        }
        if !changes.directCommits.isEmpty {
            let commits = changes.directCommits.prefix(5).map { "\($0.commit.short()) \(SafeText.line($0.summary))" }.joined(separator: "; ")
                + (changes.directCommits.count > 5 ? "; …" : "")
            Console.out(L("Other commits on main (\(changes.directCommits.count)): \(commits)"))
        }
    }

    /// The titles in every language, zh-Hant and en first.
    static func title(_ title: LocalizedText) -> String {
        let order = ["zh-Hant", "en"] + title.keys.sorted().filter { $0 != "zh-Hant" && $0 != "en" }
        return order.compactMap { title[$0] }.joined(separator: " · ")
    }

    static func details(_ change: PlanChanges.CommitmentChange) -> [String] {
        var lines: [String] = []
        var fields = change.fields
        if !change.titleLanguages.isEmpty, let index = fields.firstIndex(of: "title") {
            fields[index] = L("title (\(change.titleLanguages.joined(separator: ", ")))").localized
        }
        if let period = change.period {
            lines.append(L("period: \(period.from ?? L("none").localized) → \(period.to ?? L("none").localized)").localized)
            fields.removeAll { $0 == "period" }
        }
        if let milestones = change.milestones {
            lines.append((milestones.from == milestones.to ? L("milestones: \(milestones.from) → \(milestones.to) (edited)") : L("milestones: \(milestones.from) → \(milestones.to)")).localized)
            fields.removeAll { $0 == "milestones" }
        }
        if !fields.isEmpty { lines.append(L("fields: \(fields.joined(separator: ", "))").localized) }
        if !change.sections.isEmpty {
            var byKey: [(SectionKey, [String])] = []
            for section in change.sections {
                let note = section.language + (section.change == .modified ? "" : " " + Words.change(section.change.rawValue).localized)
                if let index = byKey.firstIndex(where: { $0.0 == section.key }) { byKey[index].1.append(note) } else { byKey.append((section.key, [note])) }
            }
            lines.append(L("sections: \(byKey.map { "\($0.0.rawValue) (\($0.1.joined(separator: ", ")))" }.joined(separator: ", "))").localized)
        }
        if change.layoutOnly { lines.append(L("layout or comments only").localized) }
        if !change.proposals.isEmpty {
            let names = change.proposals.map(SafeText.line).joined(separator: ", ")
            lines.append(Message.plural(change.proposals.count, one: L("by proposal: \(names)"), other: L("by proposals: \(names)")).localized)
        }
        return lines
    }
}

/// The `--json` shape of `nap changes` (docs/PUBLISHING.md; add fields, never rename or remove them).
struct ChangesJSON: Encodable {
    struct Endpoint: Encodable {
        let revision: String
        let commit: String
    }

    struct Section: Encodable {
        let key: String
        let language: String
        let change: String
    }

    struct Span<T: Encodable>: Encodable {
        let from: T
        let to: T
    }

    struct Commitment: Encodable {
        let id: String
        let change: String
        let title: [String: String]
        let fields: [String]
        let titleLanguages: [String]
        let period: Span<String?>?
        let milestones: Span<Int>?
        let sections: [Section]
        let layoutOnly: Bool
        let proposals: [String]

        enum CodingKeys: String, CodingKey {
            case id, change, title, fields, period, milestones, sections, proposals
            case titleLanguages = "title_languages", layoutOnly = "layout_only"
        }
    }

    struct Proposal: Encodable {
        let slug: String
        let id: String?
        let title: String
        let mergeCommit: String
        let commitments: [String]
        let files: [String]

        enum CodingKeys: String, CodingKey {
            case slug, id, title, commitments, files
            case mergeCommit = "merge_commit"
        }
    }

    struct DirectCommit: Encodable {
        let commit: String
        let summary: String
        let author: String
    }

    let from: Endpoint
    let to: Endpoint
    let added: [Commitment]
    let removed: [Commitment]
    let changed: [Commitment]
    let otherFiles: [String]
    let proposals: [Proposal]
    let directCommits: [DirectCommit]

    enum CodingKeys: String, CodingKey {
        case from, to, added, removed, changed, proposals
        case otherFiles = "other_files", directCommits = "direct_commits"
    }

    init(_ changes: PlanChanges) {
        from = Endpoint(revision: changes.from.revision, commit: changes.from.commit.hex)
        to = Endpoint(revision: changes.to.revision, commit: changes.to.commit.hex)
        let convert = { (change: PlanChanges.CommitmentChange) in
            Commitment(id: change.id, change: change.kind.rawValue, title: change.title, fields: change.fields,
                       titleLanguages: change.titleLanguages, period: change.period.map { Span(from: $0.from, to: $0.to) },
                       milestones: change.milestones.map { Span(from: $0.from, to: $0.to) },
                       sections: change.sections.map { Section(key: $0.key.rawValue, language: $0.language, change: $0.change.rawValue) },
                       layoutOnly: change.layoutOnly, proposals: change.proposals)
        }
        added = changes.added.map(convert)
        removed = changes.removed.map(convert)
        changed = changes.changed.map(convert)
        otherFiles = changes.otherFiles
        proposals = changes.proposals.map {
            Proposal(slug: $0.slug, id: $0.id, title: $0.title, mergeCommit: $0.commit.hex, commitments: $0.commitments, files: $0.files)
        }
        directCommits = changes.directCommits.map { DirectCommit(commit: $0.commit.hex, summary: $0.summary, author: $0.author) }
    }
}
