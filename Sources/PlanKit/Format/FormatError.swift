import Foundation
import Localization

/// What can go wrong when nap edits or creates plan files (as opposed to validating them, which reports
/// `Diagnostic`s). Each case carries the data a script needs; `message` is written for people (`description`
/// is its English).
public enum FormatError: Error, Sendable, Equatable {
    /// An id (of a commitment or a member) is not safe to use as a file or branch name.
    case invalidIdentifier(String, reason: Message)
    /// A date is not `YYYY-MM` or `YYYY-MM-DD`, or not a real calendar date.
    case invalidDate(String, reason: Message)
    /// A period whose end comes before its start.
    case invalidPeriod(start: String, end: String)
    /// A language code that is not a well-formed BCP-47 tag nap knows.
    case invalidLanguage(String, reason: Message)
    /// The template is written in some languages only.
    case unsupportedLanguage(String, supported: [String])
    /// A title is needed in this language.
    case missingTitle(language: String)
    /// A member to add has a field nap cannot accept.
    case invalidMember(field: String, value: String, reason: Message)
    /// `members.yml` already has a member with this id.
    case duplicateMemberID(String)
    /// `members.yml` already has a member with this email address (compared case-insensitively).
    case duplicateMemberEmail(String)
    /// A file nap was asked to edit has errors that must be fixed first.
    case invalidFile(path: String, diagnostics: [Diagnostic])
    /// A file is laid out in a way nap cannot edit without rewriting the person's text.
    case unsupportedLayout(path: String, reason: Message)
    /// The template built into nap lacks a file or a placeholder (a bug in nap).
    case brokenTemplate(String)
}

extension FormatError: CustomStringConvertible, LocalizedError {
    /// What went wrong, for people, in their language.
    public var message: Message {
        switch self {
        case .invalidIdentifier(let id, let reason):
            L("'\(id)' cannot be used as an id: \(reason)")
        case .invalidDate(let text, let reason):
            L("'\(text)' is not a date: \(reason)")
        case .invalidPeriod(let start, let end):
            L("the period ends (\(end)) before it starts (\(start))")
        case .invalidLanguage(let code, let reason):
            L("'\(code)' is not a language code nap knows: \(reason)")
        case .unsupportedLanguage(let code, let supported):
            supported.count == 2 ? L("the plan template is written in \(supported[0]) and \(supported[1]), not in '\(code)'")
                : L("the plan template is written in \(supported.joined(separator: ", ")), not in '\(code)'")
        case .missingTitle(let language):
            L("a title in \(language) is needed")
        case .invalidMember(let field, let value, let reason):
            L("the member's \(field) '\(value)' cannot be used: \(reason)")
        case .duplicateMemberID(let id):
            L("members.yml already has a member with id '\(id)'")
        case .duplicateMemberEmail(let email):
            L("members.yml already has a member with email \(email)")
        case .invalidFile(let path, let diagnostics):
            diagnostics.reduce(L("\(path) has errors; fix them first:")) { $0 + Message(verbatim: "\n  ") + $1.located }
        case .unsupportedLayout(let path, let reason):
            L("nap cannot edit \(path) as it is laid out: \(reason)")
        case .brokenTemplate(let what):
            L("the plan template built into nap is broken (\(what)); please report this")
        }
    }

    public var description: String { message.description }

    public var errorDescription: String? { description }
}
