import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Export: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: L("The plan in the forms others need: OGP's commitments database, the IRM's evidence pack.").localized,
            subcommands: [ExportOGPCSV.self, ExportIRM.self])
    }
}

struct ExportOGPCSV: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ogp-csv",
            abstract: L("The commitments as rows of OGP's commitments database (its CSV header, 171 columns).").localized,
            discussion: L("""
            One row per commitment of the plan at REV (default main; a version such as v1 is what OGP wants), in the column layout of OGP's commitments export: identifier, country, action plan number, commitment number, years, theme (the commitment's area), title and full text in English, start and end dates (M/D/YYYY), lead and supporting institutions, the OGP values, and a 1 in each policy-area column the commitment's `policy-areas:` names. Columns of the IRM's own assessments are ND. Text that a spreadsheet would run as a formula starts with '. The plan must validate.

            Examples:
              nap export ogp-csv v1 --code TWN --region "Asia and the Pacific" --plan-number 3 -o commitments.csv
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The revision to export (default: main)."))) var revision: String = "main"
    @Option(help: ArgumentHelp(L("The action plan's number for this member (1 for the first)."))) var planNumber: Int = 1
    @Option(help: ArgumentHelp(L("The member's code in OGP's database (ISO 3166 alpha-3)."))) var code: String = "ND"
    @Option(help: ArgumentHelp(L("The member's region in OGP's database."))) var region: String = "ND"
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Write to this file instead of standard output."))) var output: String?

    func run() throws {
        let store = try global.openPlan()
        let rows = try store.ogpCommitmentRows(revision: revision, options: OGPExportOptions(planNumber: planNumber, code: code, region: region))
        try OutputFile.write(CSVTable.write(rows), to: output, base: global.workingDirectory)
    }
}

struct ExportIRM: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "irm",
            abstract: L("The evidence pack an IRM researcher asks for, with a signed SHA256SUMS.").localized,
            discussion: L("""
            Writes into DIR (new or empty): the response report (responses.csv, responses.html), the meetings and their attendance (meetings.json, attendance.csv), the history of the forum's membership (membership-history.csv), the timeline (timeline.json), the diff from the first draft to the latest published version (plan-diff.patch), input and responses by sector (input-by-sector.csv), the output of nap verify and nap check, a README, and SHA256SUMS — signed with your key like a version tag (SHA256SUMS.sig, SSHSIG namespace nap-evidence, with allowed_signers), so that anyone checks it with stock ssh-keygen:

              sha256sum -c SHA256SUMS
              ssh-keygen -Y verify -f allowed_signers -I you@example.org -n nap-evidence -s SHA256SUMS.sig < SHA256SUMS

            Examples:
              nap export irm -o irm-2026
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The folder to write (new or empty)."))) var output: String

    func run() throws {
        let store = try global.openPlan()
        let directory = output.hasPrefix("/") ? output : global.workingDirectory + "/" + output
        let pack = try store.exportEvidence(to: directory)
        Console.out(L("Wrote \(pack.files.count) files to \(SafeText.line(output))."))
        if let signer = pack.signer {
            Console.out(L("SHA256SUMS signed by \(SafeText.line(signer.identity)) (\(signer.fingerprint)); check it with:"))
            Console.out(L("  ssh-keygen -Y verify -f allowed_signers -I \(SafeText.line(signer.identity)) -n \(EvidencePack.namespace) -s SHA256SUMS.sig < SHA256SUMS"))
        } else {
            Console.err(L("warning: no signing key, so SHA256SUMS is not signed (nap key generate; docs/SIGNING.md)"))
        }
        if pack.checkFailed { Console.out(L("nap check found failures: see check.txt in the pack.")) }
    }
}
