import ArgumentParser
import Localization
import PlanKit

struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: L("Check the plan's files and report every problem at once.").localized,
            discussion: L("""
            Each problem is printed as path:line:column: error|warning: message. Exits 1 when there is an error. Checks YAML syntax, required fields, dates and the plan period, milestones, every prose section in every language (and translations older than their source), OGP values, ids, and the forum (unique members, valid sectors, one co-chair per side).

            Examples:
              nap validate
              nap validate main --json
              nap validate v1
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("A revision to check (main, a proposal branch, a version); default: the working tree."))) var revision: String?
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    struct Report: Encodable {
        let valid: Bool
        let errors: Int
        let warnings: Int
        let diagnostics: [Diagnostic]
    }

    func run() throws {
        let store = try global.openPlan()
        let source: PlanFileSource
        if let revision {
            source = try store.files(at: try store.resolveRevision(revision))
        } else {
            source = store.workTreeFiles
        }
        let diagnostics = PlanValidator().validate(source: source)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if json {
            try JSONOutput.print(Report(valid: errors == 0, errors: errors, warnings: diagnostics.count - errors, diagnostics: diagnostics))
        } else {
            for diagnostic in diagnostics { Console.out(SafeText.display(diagnostic.localized, keepNewlines: false)) }
            Console.out(errors == 0 ? (diagnostics.isEmpty ? L("The plan is valid.") : Message.plural(diagnostics.count, one: L("The plan is valid (1 warning)."), other: L("The plan is valid (\(diagnostics.count) warnings).")))
                : L("\(errors) errors, \(diagnostics.count - errors) warnings."))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
