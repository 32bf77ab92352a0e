import Foundation
import Localization
import PlanKit

/// The language nap speaks on the command line: `--lang` anywhere before `--`, else `NAP_LANG`, else the
/// POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; `Language.fromEnvironment`). Chosen before the
/// arguments are parsed, so that help and usage errors are in it too. `--json`, exit codes, files and
/// the record never change with it.
enum MessageLanguage {
    /// Takes `--lang X` / `--lang=X` out of `arguments` and returns the language to speak.
    static func choose(from arguments: inout [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Language {
        var chosen: String?
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang" {
                guard index + 1 < arguments.count else {
                    throw PlanError.invalidInput(L("--lang needs a language: en or zh-Hant"))
                }
                chosen = arguments[index + 1]
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix("--lang=") {
                chosen = String(argument.dropFirst("--lang=".count))
                arguments.remove(at: index)
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
}
