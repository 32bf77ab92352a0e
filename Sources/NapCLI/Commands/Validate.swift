import ArgumentParser
import PlanKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the plan's files and report every problem at once.",
        discussion: """
        Each problem is printed as path:line:column: error|warning: message. Exits 1 when there is an error. Checks YAML syntax, required fields, dates and the plan period, milestones, every prose section in every language (and translations older than their source), OGP values, ids, and the forum (unique members, valid sectors, one co-chair per side).

        Examples:
          nap validate
          nap validate main --json
          nap validate v1
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A revision to check (main, a proposal branch, a version); default: the working tree.") var revision: String?
    @Flag(help: "Print JSON (schema in docs/CLI.md).") var json = false

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
            for diagnostic in diagnostics { Console.out(SafeText.display(diagnostic.description, keepNewlines: false)) }
            Console.out(errors == 0 ? "The plan is valid\(diagnostics.isEmpty ? "" : " (\(diagnostics.count) warnings)")." : "\(errors) errors, \(diagnostics.count - errors) warnings.")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
