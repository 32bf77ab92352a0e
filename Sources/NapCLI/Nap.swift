import ArgumentParser
import Foundation
import Localization
import PlanKit

/// The `nap` command: co-draft an Open Government national action plan in a git repository.
public struct Nap: ParsableCommand {
    public static let version = "0.1.0"

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "nap",
            abstract: L("Co-draft an Open Government national action plan in a git repository.").localized,
            discussion: L("""
            A plan is an ordinary git repository: commitments are files on `main`, proposals are branches, and everything said about them is kept in the `nap/record` branch. Both co-chairs of the multi-stakeholder forum, government and civil society, must approve a proposal's current text before it is merged.

            Examples:
              nap init open-gov-plan --title-zh "開放政府國家行動方案" \\
                  --title-en "Open Government National Action Plan"
              nap member add ndc --name 國發會主委 --email chair@ndc.gov.tw \\
                  --sector government --role co-chair
              nap propose political-donations --title "政治獻金再透明化"
              nap comment political-donations -m "請補充電子申報的時程"
              nap review political-donations --approve
              nap merge political-donations
              nap publish v1 -m "第三期行動方案"
            """).localized + "\n\n" + L("""
            Language: nap speaks English and Traditional Chinese (zh-Hant). It follows --lang en|zh-Hant (before the command, e.g. `nap --lang zh-Hant proposals`; anywhere for commands without a --lang of their own), else NAP_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: zh_TW.UTF-8 gives Traditional Chinese). JSON output, exit codes and everything nap writes into the plan are the same in both.
            """).localized,
            version: "nap \(version) (libgit2 \(PlanStore.libgit2Version))",
            subcommands: commandTypes
        )
    }

    static let commandTypes: [ParsableCommand.Type] = [
        Init.self, MemberCommand.self, CommitmentCommand.self, Validate.self, Save.self, Propose.self, Proposals.self, Show.self, Diff.self, Switch.self, Withdraw.self, Hide.self,
        Comment.self, Respond.self, Resolve.self, Reopen.self, Review.self, InboxCommand.self,
        Merge.self, Update.self, Blame.self, Attribution.self, Key.self, Verify.self,
        Sync.self, Clone.self,
        Publish.self, Render.self, ReportCommand.self, Changes.self, Site.self, Serve.self,
        Timeline.self, MeetingCommand.self, Meetings.self, ProgressCommand.self, Check.self, Export.self, Import.self,
    ]

    public init() {}

    /// Runs nap with the process's arguments and exits with nap's exit code (0 ok, 1 refused or invalid
    /// input, 2 merge conflict, 64 usage, 70 internal).
    public static func runMain() -> Never {
        let code: Int32
        do {
            var arguments = Array(CommandLine.arguments.dropFirst())
            // Twice on purpose: first the environment's language, so that the error `choose` throws for a
            // bad `--lang` (a `--lang` with no value, a language nap does not speak) is already said in the
            // language the environment asks for; then the one `--lang` chooses, for everything after.
            Language.current = Language.fromEnvironment()
            Language.current = try MessageLanguage.choose(from: &arguments)
            // `nap -C <path> <command>`, as with git: change folder before anything else.
            while arguments.count >= 2, arguments[0] == "-C" {
                guard FileManager.default.changeCurrentDirectoryPath(arguments[1]) else {
                    throw PlanError.invalidInput(L("cannot change to folder \(arguments[1])"))
                }
                arguments.removeFirst(2)
            }
            var command = try parseAsRoot(arguments)
            try command.run()
            code = 0
        } catch let error as PlanError {
            code = report(error)
        } catch let error as FormatError {
            Console.err(L("nap: error: \(SafeText.display(error.message.localized))"))
            code = 1
        } catch let error as ExitCode {
            code = error.rawValue
        } catch let error as CocoaError {
            // A file nap was asked to read or write could not be: said with its path, in words, with a hint
            // (never Foundation's "NSCocoaErrorDomain error 512").
            code = report(fileError(error))
        } catch {
            if let planError = PlanError.converting(error) {
                Foundation.exit(report(planError))
            }
            // Usage errors, --help and --version are ArgumentParser's to print.
            // In Chinese, ArgumentParser does not wrap (it counts characters, not columns): ParserText wraps by width.
            // The machine-readable help dump (read by swift-argument-parser's generate-manual) is JSON: its
            // texts are already in the user's language (LocalizedHelp), and wrapping would break its strings.
            let dumpsHelp = CommandLine.arguments.contains("--experimental-dump-help")
            let message = Language.current == .english || dumpsHelp
                ? fullMessage(for: error) : ParserText.localized(fullMessage(for: error, columns: ParserText.unwrapped))
            let exitCode = exitCode(for: error).rawValue
            if exitCode == 0 { Console.out(message) } else { Console.err(message) }
            code = exitCode
        }
        Foundation.exit(code)
    }

    /// A Foundation file error as a PlanError: reading (codes 256…511) or writing, with the path it names.
    static func fileError(_ error: CocoaError) -> PlanError {
        let path = error.filePath ?? error.url?.path ?? "a file"
        return (256..<512).contains(error.code.rawValue) ? .cannotRead(path, error) : .cannotWrite(path, error)
    }

    static func report(_ error: PlanError) -> Int32 {
        Console.err(L("nap: error: \(SafeText.display(error.message.localized))"))
        if case .invalidPlan(let diagnostics) = error {
            for diagnostic in diagnostics { Console.err(SafeText.display(diagnostic.localized)) }
        }
        if case .invalidDocument(_, let diagnostics) = error {
            for diagnostic in diagnostics { Console.err(SafeText.display(diagnostic.localized)) }
        }
        if let hint = error.hint { Console.err(L("hint: \(hint)")) }
        return error.exitCode
    }
}
