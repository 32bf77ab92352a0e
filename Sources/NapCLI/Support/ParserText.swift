import Foundation
import Localization

/// swift-argument-parser's own words (the headings of help, its usage errors) in the language nap speaks.
///
/// The library writes them in English and offers no way to change them; nap's own words in help (the
/// commands' abstracts and discussions, each option's help) are messages already. So before help or a usage
/// error is printed, the phrases the library is known to write (swift-argument-parser 1.x: `USAGE:`,
/// `OPTIONS:`, `Error: Missing expected argument '…'`, `See 'nap help <subcommand>' …`) are replaced by
/// their translations, whole phrases only. A phrase a later version of the library adds or rewords stays
/// English: the limit is documented in docs/CLI.md. English output is never touched.
enum ParserText {
    /// One known phrase: a regular expression (with `^` at line starts) and its message built from the
    /// captured groups.
    private struct Rule {
        let expression: NSRegularExpression?
        let message: ([String]) -> Message

        init(_ pattern: String, _ message: @escaping ([String]) -> Message) {
            expression = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            self.message = message
        }
    }

    /// Made when help or a usage error is shown (once per run), not kept: a regular expression is not Sendable.
    private static var rules: [Rule] { [
        Rule(#"^OVERVIEW: "#) { _ in L("OVERVIEW: ") },
        Rule(#"^USAGE: "#) { _ in L("USAGE: ") },
        Rule(#"^ARGUMENTS:$"#) { _ in L("ARGUMENTS:") },
        Rule(#"^OPTIONS:$"#) { _ in L("OPTIONS:") },
        Rule(#"^SUBCOMMANDS:$"#) { _ in L("SUBCOMMANDS:") },
        Rule(#"See '([^'\n]+) <subcommand>' for detailed help\."#) { g in L("See '\(g[0]) <subcommand>' for detailed help.") },
        Rule(#"See '([^'\n]+)' for more information\."#) { g in L("See '\(g[0])' for more information.") },
        Rule(#"Show help information\."#) { _ in L("Show help information.") },
        Rule(#"Show the version\."#) { _ in L("Show the version.") },
        Rule(#"\(values: ([^;()\n]*); default: ([^()\n]*)\)"#) { g in L("(values: \(g[0]); default: \(g[1]))") },
        Rule(#"\(values: ([^;()\n]*)\)"#) { g in L("(values: \(g[0]))") },
        Rule(#"\(default: ([^()\n]*)\)"#) { g in L("(default: \(g[0]))") },
        Rule(#"^Error: "#) { _ in L("Error: ") },
        Rule(#"^Usage: "#) { _ in L("Usage: ") },
        Rule(#"^Help:  "#) { _ in L("Help:  ") },
        Rule(#"Missing expected argument '([^'\n]+)'"#) { g in L("Missing expected argument '\(g[0])'") },
        Rule(#"Unknown option '([^'\n]+)'\. Did you mean '([^'\n]+)'\?"#) { g in L("Unknown option '\(g[0])'. Did you mean '\(g[1])'?") },
        Rule(#"Unknown option '([^'\n]+)'"#) { g in L("Unknown option '\(g[0])'") },
        Rule(#"Unexpected argument '([^'\n]+)'"#) { g in L("Unexpected argument '\(g[0])'") },
        Rule(#"Missing value for '([^'\n]+)'"#) { g in L("Missing value for '\(g[0])'") },
        Rule(#"Missing one of: ([^\n]+)"#) { g in L("Missing one of: \(g[0])") },
        Rule(#"Missing required subcommand\."#) { _ in L("Missing required subcommand.") },
        Rule(#"The value '([^'\n]*)' is invalid for '([^'\n]+)'"#) { g in L("The value '\(g[0])' is invalid for '\(g[1])'") },
        Rule(#"\. Please provide one of ([^\n]+)\."#) { g in L(". Please provide one of \(g[0]).") },
        Rule(#"(\d+) unexpected arguments: ([^\n]+)"#) { g in L("\(g[0]) unexpected arguments: \(g[1])") },
        Rule(#"Invalid option: ([^\n]+)"#) { g in L("Invalid option: \(g[0])") },
    ] }

    /// The width to ask ArgumentParser for when nap wraps the text itself: no line is that long.
    static let unwrapped = 100_000

    /// `text` (help or a usage error from ArgumentParser, unwrapped) with the library's known phrases in
    /// `language`, wrapped by display width; unchanged in English.
    static func localized(_ text: String, in language: Language = .current) -> String {
        guard language != .english else { return text }
        var output = text
        for rule in rules {
            guard let expression = rule.expression else { continue }
            let source = output as NSString
            var result = ""
            var last = 0
            for match in expression.matches(in: output, range: NSRange(location: 0, length: source.length)) {
                result += source.substring(with: NSRange(location: last, length: match.range.location - last))
                let groups = (1..<match.numberOfRanges).map { index -> String in
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? "" : source.substring(with: range)
                }
                result += rule.message(groups).resolved(in: language)
                last = match.range.location + match.range.length
            }
            result += source.substring(from: last)
            output = result
        }
        // ArgumentParser puts a space between the help and its "(values: …)"; none after Chinese punctuation.
        output = output.replacingOccurrences(of: "。 （", with: "。（")
        return HelpWrapping.wrap(output, hanging: [L("USAGE: "), L("Usage: ")].map { $0.resolved(in: language) })
    }
}
