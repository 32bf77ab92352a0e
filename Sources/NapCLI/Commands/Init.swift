import ArgumentParser
import Foundation
import Localization
import PlanKit

struct Init: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: L("Create a new plan repository from nap's template.").localized,
            discussion: L("""
            Writes plan.yml, members.yml (empty: the forum adds its own members), GOVERNANCE.md and a README in Traditional Chinese and English, and commits them on main as you. The folder must be new or empty.

            A new plan requires signatures (policy require-signatures: true in plan.yml): approvals count only when signed with the member's key. Every member makes one with `nap key generate`; register it with `nap member add ... --key FILE.pub` or `nap member key <id> FILE.pub` (docs/SIGNING.md).

            Examples:
              nap init open-gov-plan --title-zh "開放政府國家行動方案" \\
                  --title-en "Open Government National Action Plan"
              nap init . --period 2025-01..2028-12
            """).localized)
    }

    @Argument(help: ArgumentHelp(L("The folder to create the plan in (default: the current folder)."))) var directory: String?
    @Option(name: .customShort("C"), help: ArgumentHelp(L("Run as if nap was started in <path>."), valueName: "path")) var base: String?
    @Option(help: ArgumentHelp(L("The plan's title in Traditional Chinese."))) var titleZh: String = "國家行動方案"
    @Option(help: ArgumentHelp(L("The plan's title in English."))) var titleEn: String = "National Action Plan"
    @Option(help: ArgumentHelp(L("The plan's period, YYYY-MM..YYYY-MM (default: four years from next January)."), valueName: "start..end"))
    var period: String?
    @Flag(help: ArgumentHelp(L("Print the result as JSON."))) var json = false

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let start = base.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let target = directory.map { $0.hasPrefix("/") ? $0 : start + "/" + $0 } ?? start
        let path = URL(fileURLWithPath: target).standardizedFileURL.path
        let planPeriod = try period.map(Self.parsePeriod) ?? PlanStore.defaultPeriod()
        let store = try PlanStore.initialize(at: path, titles: ["zh-Hant": titleZh, "en": titleEn], period: planPeriod)
        if json {
            try JSONOutput.print(["path": path, "main": try store.requireMain().hex])
            return
        }
        Console.out(L("Created the plan \(SafeText.line(titleZh)) / \(SafeText.line(titleEn)) in \(path)"))
        let required = (try? store.loadPlan(at: store.requireMain()).plan?.policy.requireSignatures) ?? false
        Console.out(SigningGuidance.afterInit(path: SafeText.line(path), required: required))
    }

    static func parsePeriod(_ text: String) throws -> Period {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else { throw PlanError.invalidInput(L("--period is START..END, e.g. 2025-01..2028-12")) }
        let period = Period(start: try PlanDate(parsing: parts[0]), end: try PlanDate(parsing: parts[1]))
        guard period.start <= period.end else { throw PlanError.invalidInput(L("the period ends before it starts")) }
        return period
    }
}
