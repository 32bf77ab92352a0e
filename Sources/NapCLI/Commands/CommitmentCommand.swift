import ArgumentParser
import Localization
import PlanKit

struct CommitmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "commitment",
            abstract: L("Create and list commitments (commitments/<id>.md).").localized,
            subcommands: [CommitmentNew.self, CommitmentList.self, CommitmentTranslated.self])
    }
}

struct CommitmentNew: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "new",
            abstract: L("Write a new commitment file from the OGP template, in the plan's languages.").localized,
            discussion: L("""
            The file carries every field of OGP's commitment template with guidance in Traditional Chinese and English; `nap validate` lists what is still to fill in.

            Example:
              nap commitment new 1-1 --title-zh "完備政府資料開放與再利用制度" --title-en "Open data and its reuse"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The commitment's id, e.g. 1-1 or open-data."))) var id: String
    @Option(help: ArgumentHelp(L("The title in Traditional Chinese."))) var titleZh: String
    @Option(help: ArgumentHelp(L("The title in English."))) var titleEn: String

    func run() throws {
        let path = try global.openPlan().newCommitment(id: id, titles: ["zh-Hant": titleZh, "en": titleEn])
        Console.out(L("Wrote \(path). Fill in its sections, then `nap validate`."))
    }
}

struct CommitmentList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: L("List the commitments in the working tree.").localized,
            discussion: L("Examples:\n  nap commitment list\n  nap commitment list --json").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    struct Item: Encodable {
        let id: String
        let title: [String: String]
        let start: String?
        let end: String?
        let lead: [[String: String]]
        let values: [String]
        let status: String?
        let milestones: Int
    }

    func run() throws {
        let contents = try global.openPlan().workTreeContents()
        let items = contents.commitments.map {
            Item(id: $0.id, title: $0.title, start: $0.period?.start.description, end: $0.period?.end.description, lead: $0.lead,
                 values: $0.values.map(\.rawValue), status: $0.status?.rawValue, milestones: $0.milestones.count)
        }
        if json {
            try JSONOutput.print(items)
            return
        }
        if items.isEmpty {
            Console.out(L("No commitments yet. Write one with `nap commitment new <id> --title-zh ... --title-en ...`."))
            return
        }
        var table = TextTable(headers: [L("ID"), L("PERIOD"), L("MILESTONES"), L("STATUS"), L("TITLE")])
        for item in items {
            let title = [item.title["zh-Hant"], item.title["en"]].compactMap { $0 }.map(SafeText.line).joined(separator: " / ")
            table.rows.append([SafeText.line(item.id), "\(item.start ?? "?")..\(item.end ?? "?")", "\(item.milestones)", item.status ?? "-", title])
        }
        Console.out(table.render())
    }
}

struct CommitmentTranslated: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "translated",
            abstract: L("Record that a commitment's translations match its primary-language text.").localized,
            discussion: L("""
            Sets `source=` on each translated section heading to the hash of the section it translates, so `nap validate` can warn when that source text changes later. Run it after checking the translation.

            Examples:
              nap commitment translated 1-1
              nap commitment translated 1-1 --section problem --section solution
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The commitment's id."))) var id: String
    @Option(help: ArgumentHelp(L("Only this section (summary, problem, causes, background, solution, results, analysis, additional); repeatable.")))
    var section: [String] = []
    @Option(help: ArgumentHelp(L("Only this translation language; repeatable."))) var lang: [String] = []

    func run() throws {
        var keys: Set<SectionKey>?
        if !section.isEmpty {
            keys = Set(try section.map { name in
                guard let key = SectionKey(rawValue: name) else {
                    throw PlanError.invalidInput(L("unknown section '\(name)'; sections are \(SectionKey.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                return key
            })
        }
        let changed = try global.openPlan().markTranslated(commitment: id, sections: keys, languages: lang.isEmpty ? nil : Set(lang))
        Console.out(changed ? L("Recorded the translations of \(SafeText.line(id)) as up to date.") : L("Nothing to record: \(SafeText.line(id))'s translations were already marked up to date."))
    }
}
