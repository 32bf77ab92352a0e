import Foundation
import Localization
import PlanKit

/// The language nap speaks on the command line: `--lang`, else `NAP_LANG`, else the POSIX locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`; `Language.fromEnvironment`). Chosen before the arguments are parsed, so that help
/// and usage errors are in it too. `--json`, exit codes, files and the record never change with it.
///
/// `--lang` is nap's when it comes before the command's name (`nap --lang zh-Hant render …`), and anywhere
/// before `--` for commands without a `--lang` of their own. Three commands have one, about the plan's
/// languages rather than nap's (`nap render --lang en`, `nap commitment translated --lang en`,
/// `nap serve invite --lang en`): after their name, `--lang` is theirs.
enum MessageLanguage {
    /// The commands (paths of command names) whose own `--lang` option names a plan language.
    static let commandsWithTheirOwnLang: [[String]] = [["render"], ["commitment", "translated"], ["serve", "invite"]]

    /// Takes nap's `--lang X` / `--lang=X` out of `arguments` and returns the language to speak.
    static func choose(from arguments: inout [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Language {
        var chosen: String?
        var index = 0
        // Where the command's own options begin, for a command whose `--lang` is its own.
        let end = ownLangStart(arguments) ?? arguments.firstIndex(of: "--") ?? arguments.count
        var limit = end
        while index < limit {
            let argument = arguments[index]
            if argument == "--lang" {
                guard index + 1 < arguments.count else {
                    throw PlanError.invalidInput(L("--lang needs a language: en or zh-Hant"))
                }
                chosen = arguments[index + 1]
                arguments.removeSubrange(index...(index + 1))
                limit -= 2
            } else if argument.hasPrefix("--lang=") {
                chosen = String(argument.dropFirst("--lang=".count))
                arguments.remove(at: index)
                limit -= 1
            } else {
                index += 1
            }
        }
        guard let chosen else { return Language.fromEnvironment(environment) }
        guard let language = Language.matching(chosen) else {
            throw PlanError.invalidInput(L("nap does not speak '\(chosen)': use --lang en or --lang zh-Hant"))
        }
        return language
    }

    /// The index of the first argument after the command's name when that command has its own `--lang`.
    private static func ownLangStart(_ arguments: [String]) -> Int? {
        var index = 0
        // nap's own leading options: `-C path`, `--lang X`, `--lang=X`.
        while index < arguments.count {
            if arguments[index] == "-C" || arguments[index] == "--lang" { index += 2 } else if arguments[index].hasPrefix("--lang=") { index += 1 } else { break }
        }
        for path in commandsWithTheirOwnLang where index + path.count <= arguments.count {
            if Array(arguments[index..<(index + path.count)]) == path { return index + path.count }
        }
        return nil
    }
}
