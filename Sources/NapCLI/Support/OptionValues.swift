import Foundation
import Localization
import PlanKit

/// Values of options that nap checks itself: dates (YAML-free, but the same rules as in files) and
/// `KEY=VALUE` pairs. Every problem names the option.
enum OptionValues {
    /// A date given as `--option YYYY-MM-DD` (or `YYYY-MM` where `month` is allowed).
    static func date(_ text: String, option: String, month: Bool = false) throws -> PlanDate {
        let date: PlanDate
        do { date = try PlanDate(parsing: text) } catch let error as FormatError {
            throw PlanError.invalidInput(L("\(option) \(text): \(error.message)"))
        }
        guard month || date.day != nil else { throw PlanError.invalidInput(L("\(option) \(text): name a day (YYYY-MM-DD)")) }
        return date
    }

    /// `KEY=VALUE`, split at the first `=`.
    static func pair(_ text: String, option: String, example: String) throws -> (key: String, value: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
            throw PlanError.invalidInput(L("\(option) \(text): write \(example)"))
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
