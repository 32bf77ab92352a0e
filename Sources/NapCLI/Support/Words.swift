import Localization
import PlanKit

/// Words nap's text output shows for values that stay English in files and `--json` (a proposal's state,
/// a member's sector and role, a response's disposition), in the language nap speaks.
enum Words {
    /// Dispositions as `nap show` prints them (`ADOPTED`, `NOT-ADOPTED`, …).
    private static let dispositions: [String: Message] = [
        "adopted": L("ADOPTED"), "adopted-in-part": L("ADOPTED-IN-PART"), "deferred": L("DEFERRED"),
        "not-adopted": L("NOT-ADOPTED"), "out-of-scope": L("OUT-OF-SCOPE"),
    ]

    /// Kinds of meetings (`forum`, `consultation`, `implementation`, `public`).
    private static let meetingKinds: [String: Message] = [
        "forum": L("forum"), "consultation": L("consultation"), "implementation": L("implementation"), "public": L("public meeting"),
    ]

    /// How a file changed in a diff (git's words: `added`, `deleted`, `modified`, `renamed`, `type-changed`).
    private static let changes: [String: Message] = [
        "added": L("added"), "deleted": L("deleted"), "modified": L("modified"), "renamed": L("renamed"), "type-changed": L("type-changed"),
    ]

    /// `open`, `merged`, `withdrawn` (and the filter `all`).
    static func state(_ name: String) -> Message { name == "all" ? L("all") : MessageWords.status(name) }

    /// `government`, `civil-society`, … (members.yml's values, and `public`).
    static func sector(_ name: String) -> Message { MessageWords.sector(name) }

    /// `co-chair`, `member`, `reviewer`, `observer`, `host`.
    static func role(_ name: String) -> Message { MessageWords.role(name) }

    /// A reasoned response's disposition, in capitals in English.
    static func disposition(_ name: String) -> Message { dispositions[name] ?? Message(verbatim: name.uppercased()) }

    /// A disposition in running text, lower case in English.
    static func dispositionWord(_ name: String) -> Message { MessageWords.disposition(name) }

    /// A kind of meeting.
    static func meetingKind(_ name: String) -> Message { meetingKinds[name] ?? Message(verbatim: name) }

    /// How a file changed, as `nap diff` heads it.
    static func change(_ name: String) -> Message { changes[name] ?? Message(verbatim: name) }
}
