import Localization

/// The one layout of a list of what blocks an act (the merge gate's blockers, the inputs still owed a
/// reasoned response before a version is published): one item a line, indented, after a dash. Errors
/// carry it as one message (`PlanError.gateClosed`); `nap show` writes the lines under its own heading.
public enum BlockerList {
    /// What starts each item's line.
    public static let bullet = "  - "

    /// `heading`, then the items, one a line.
    public static func message(_ heading: Message, _ items: [Message]) -> Message {
        items.reduce(heading) { $0 + Message(verbatim: "\n" + bullet) + $1 }
    }

    /// The items' lines in `language`, each item's text passed through `line` first (a front makes text
    /// from the plan safe for a terminal there).
    public static func lines(_ items: [Message], in language: Language, line: (String) -> String = { $0 }) -> [String] {
        items.map { bullet + line($0.resolved(in: language)) }
    }
}
