import ArgumentParser
import Foundation
import PlanKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The plan in the forms others need: OGP's commitments database, the IRM's evidence pack.",
        subcommands: [ExportOGPCSV.self])
}

struct ExportOGPCSV: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ogp-csv",
        abstract: "The commitments as rows of OGP's commitments database (its CSV header, 171 columns).",
        discussion: """
        One row per commitment of the plan at REV (default main; a version such as v1 is what OGP wants), in the column layout of OGP's commitments export: identifier, country, action plan number, commitment number, years, theme (the commitment's area), title and full text in English, start and end dates (M/D/YYYY), lead and supporting institutions, the OGP values, and a 1 in each policy-area column the commitment's `policy-areas:` names. Columns of the IRM's own assessments are ND. Text that a spreadsheet would run as a formula starts with '. The plan must validate.

        Examples:
          nap export ogp-csv v1 --code TWN --region "Asia and the Pacific" --plan-number 3 -o commitments.csv
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The revision to export (default: main).") var revision: String = "main"
    @Option(help: "The action plan's number for this member (1 for the first).") var planNumber: Int = 1
    @Option(help: "The member's code in OGP's database (ISO 3166 alpha-3).") var code: String = "ND"
    @Option(help: "The member's region in OGP's database.") var region: String = "ND"
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        let store = try global.openPlan()
        let rows = try store.ogpCommitmentRows(revision: revision, options: OGPExportOptions(planNumber: planNumber, code: code, region: region))
        try OutputFile.write(CSVTable.write(rows), to: output, base: global.workingDirectory)
    }
}
