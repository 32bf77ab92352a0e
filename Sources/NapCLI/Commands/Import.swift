import ArgumentParser
import Foundation
import Localization
import PlanKit

struct Import: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: L("Bring in what others hold: public input from a consultation platform.").localized,
            subcommands: [ImportPublicInput.self])
    }
}

struct ImportPublicInput: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "public-input",
            abstract: L("Import a platform's CSV export (e.g. JOIN) as public input owed reasoned responses.").localized,
            discussion: L("""
            Each row becomes a comment on a proposal (--proposal) or a new proposal with a commitment skeleton on its branch (--new-proposals). Its author is the person the platform names — the public, with no email address in the record — not you: you are recorded as the member who imported it (recorded-by), and the input keeps its source (platform, id, address, submission time). Imported input is owed a reasoned response like any other and shows as "via JOIN". Re-importing a file adds only rows the record does not hold yet (by platform and id). A file that cannot be read (not UTF-8, a missing column, an unclosed quote, too large) is refused whole; a row with a problem is reported with its line and skipped; the rest are written in one record commit, or nothing is. Columns are named with --map (defaults in docs/EXCHANGE.md; JOIN's: 編號, 標題, 內容, 提議人, 日期, 網址). Dates without a zone are Taiwan time for JOIN, UTC otherwise; 113/06/10 (the ROC calendar) is read as 2024-06-10.

            Examples:
              nap import public-input join-2024.csv --new-proposals --source join --dry-run
              nap import public-input comments.csv --proposal political-donations --source join --map body=意見內容,author=姓名
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The CSV file (UTF-8)."))) var file: String
    @Option(help: ArgumentHelp(L("Add the rows as comments on this open proposal."))) var proposal: String?
    @Flag(help: ArgumentHelp(L("Make each row a new proposal with a commitment skeleton."))) var newProposals = false
    @Option(help: ArgumentHelp(L("The platform the file comes from (a short id; `join` for join.gov.tw)."))) var source: String = "join"
    @Option(help: ArgumentHelp(L("Column names: FIELD=COLUMN,… (fields: id, title, body, author, submitted, url)."))) var map: [String] = []
    @Flag(help: ArgumentHelp(L("Check and report, write nothing."))) var dryRun = false
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/EXCHANGE.md)."))) var json = false

    func validate() throws {
        guard (proposal != nil) != newProposals else { throw ValidationError(L("give either --proposal SLUG or --new-proposals").localized) }
    }

    func run() throws {
        let store = try global.openPlan()
        var mapping = PublicInputMapping.defaults(for: source)
        for text in map { try mapping.apply(text) }
        let path = file.hasPrefix("/") ? file : global.workingDirectory + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else { throw PlanError.invalidInput(L("cannot read \(file)")) }
        let result = try store.importPublicInput(Array(data), platform: source, mapping: mapping,
                                                 target: proposal.map { .proposal($0) } ?? .newProposals, dryRun: dryRun)
        if json {
            try JSONOutput.print(ImportJSON(result))
        } else {
            for item in result.imported {
                let source = "\(SafeText.line(item.source.platformLabel)) \(SafeText.line(item.source.id))"
                Console.out(result.dryRun
                    ? L("Would import line \(item.line): \(source) → \(SafeText.line(item.proposal)) (\(item.event.prefix(8)))")
                    : L("Imported line \(item.line): \(source) → \(SafeText.line(item.proposal)) (\(item.event.prefix(8)))"))
            }
            for problem in result.alreadyImported { Console.out(L("· line \(problem.line): \(SafeText.line(problem.message.localized))")) }
            for problem in result.notices { Console.err(L("notice: \(SafeText.line(problem.located.localized))")) }
            for problem in result.skipped { Console.err(L("skipped \(SafeText.line(problem.located.localized))")) }
            let name = SafeText.line(result.recordedBy.name)
            Console.out(result.dryRun
                ? L("Would import \(result.imported.count), already in the record \(result.alreadyImported.count), skipped \(result.skipped.count); recorded by \(name).")
                : L("Imported \(result.imported.count), already in the record \(result.alreadyImported.count), skipped \(result.skipped.count); recorded by \(name)."))
        }
    }

    /// The `--json` shape (docs/EXCHANGE.md).
    struct ImportJSON: Encodable {
        struct Item: Encodable {
            let line: Int
            let source: InputSource
            let event: String
            let proposal: String
        }
        struct Problem: Encodable {
            let line: Int
            let column: String?
            let message: String

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(message, forKey: .message)
            }

            enum CodingKeys: String, CodingKey { case line, column, message }
        }
        let dryRun: Bool
        let recordedBy: EventAuthor
        let imported: [Item]
        let alreadyImported: [Problem]
        let skipped: [Problem]
        let notices: [Problem]

        enum CodingKeys: String, CodingKey {
            case imported, skipped, notices
            case dryRun = "dry_run", recordedBy = "recorded_by", alreadyImported = "already_imported"
        }

        init(_ result: PublicInputImport) {
            dryRun = result.dryRun
            recordedBy = result.recordedBy
            imported = result.imported.map { Item(line: $0.line, source: $0.source, event: $0.event, proposal: $0.proposal) }
            let problem: (PublicInputProblem) -> Problem = { Problem(line: $0.line, column: $0.column, message: $0.message.description) }
            alreadyImported = result.alreadyImported.map(problem)
            skipped = result.skipped.map(problem)
            notices = result.notices.map(problem)
        }
    }
}
