import ArgumentParser
import Localization
import PlanKit

extension Disposition: ExpressibleByArgument {}

struct Respond: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "respond",
            abstract: L("Give the reasoned response to a comment or a proposal (OGP Standard 4).").localized,
            discussion: L("""
            Every input is owed a disposition and a reason a reader can follow. A later response to the same input revises the earlier one; both are kept and shown. Dispositions: adopted, adopted-in-part, deferred, not-adopted, out-of-scope.

            Examples:
              nap respond 3fa91c2e --disposition adopted-in-part -m "採納第 2 點；第 1 點需修法，列入備選"
              nap respond political-donations --disposition deferred -m "列為備選提案，待修法評估" --meeting 2024-08-13-consultation
              nap respond 7c01d2aa --disposition adopted -m "進度報告已補上佐證資料"   # a comment on a progress report
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("A comment id (prefix), or a proposal (name or id prefix)."))) var target: String
    @Option(help: ArgumentHelp(L("adopted, adopted-in-part, deferred, not-adopted or out-of-scope."))) var disposition: Disposition
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The reason; - reads standard input."))) var message: String?
    @Option(help: ArgumentHelp(L("Read the reason from a file."))) var file: String?
    @Option(help: ArgumentHelp(L("The meeting of the forum that decided it (its id, as `nap meetings` lists it)."), valueName: "meeting-id"))
    var meeting: String?

    func run() throws {
        let store = try global.openPlan()
        let reason = try TextInput.read(message: message, file: file, what: L("reason"), base: global.workingDirectory)
        let id = try store.respond(to: target, disposition: disposition, reason: reason, meeting: meeting)
        Console.out(id)
    }
}
