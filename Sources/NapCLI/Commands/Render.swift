import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Render: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "render",
            abstract: L("Write the plan as a reader gets it: one Markdown or HTML document.").localized,
            discussion: L("""
            The document has the plan's title, country, period and introduction, then every commitment with every field of OGP's template: id, title, period, lead and supporting institutions, OGP values, completion level, SDGs, budget, every prose section, the milestones as a table, and the contact. With --lang all (the default) each commitment is shown in every plan language, the primary one (zh-Hant) first. HTML is one self-contained file (no fonts, scripts or images from elsewhere) that reads on a phone and prints on A4, one commitment per page.

            Examples:
              nap render
              nap render v1 --format html -o plan-v1.html
              nap render main --format markdown --lang en -o plan-en.md
            """).localized)
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The revision to render: main, a version, a proposal, a commit."))) var revision = "main"
    @Option(help: ArgumentHelp(L("markdown or html."))) var format: Format = .markdown
    @Option(help: ArgumentHelp(L("zh-Hant, en (a plan language), or all."), valueName: "language")) var lang = "all"
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Write to this file instead of standard output."))) var output: String?

    func run() throws {
        let store = try global.openPlan()
        let document = try store.planDocument(at: revision)
        let languages = try document.languages(for: RenderLanguages(lang))
        if document.errorCount > 0 {
            Console.err(L("nap: warning: \(SafeText.line(revision)) has \(document.errorCount) validation errors; rendering what could be read (see `nap validate \(SafeText.line(revision))`)"))
        }
        let text = switch format {
        case .markdown: MarkdownRenderer.render(document, languages: languages)
        case .html: HTMLRenderer.render(document, languages: languages)
        }
        try OutputFile.write(text, to: output, base: global.workingDirectory)
    }
}
