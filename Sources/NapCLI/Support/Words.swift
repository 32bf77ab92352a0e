import Localization

/// Words nap's text output shows for values that stay English in files and `--json` (a proposal's state,
/// a member's sector and role, a response's disposition), in the language nap speaks.
enum Words {
    /// The values of members.yml and the record that text output names: states, sectors, roles.
    private static let values: [String: Message] = [
        "open": L("open"), "merged": L("merged"), "withdrawn": L("withdrawn"), "all": L("all"),
        "government": L("government"), "legislature": L("legislature"), "civil-society": L("civil-society"),
        "private-sector": L("private-sector"), "academia": L("academia"), "public": L("public"),
        "co-chair": L("co-chair"), "member": L("member"), "reviewer": L("reviewer"), "observer": L("observer"), "host": L("host"),
    ]

    /// Dispositions as `nap show` prints them (`ADOPTED`, `NOT-ADOPTED`, …).
    private static let dispositions: [String: Message] = [
        "adopted": L("ADOPTED"), "adopted-in-part": L("ADOPTED-IN-PART"), "deferred": L("DEFERRED"),
        "not-adopted": L("NOT-ADOPTED"), "out-of-scope": L("OUT-OF-SCOPE"),
    ]

    /// How a file changed in a diff (git's words: `added`, `deleted`, `modified`, `renamed`, `type-changed`).
    private static let changes: [String: Message] = [
        "added": L("added"), "deleted": L("deleted"), "modified": L("modified"), "renamed": L("renamed"), "type-changed": L("type-changed"),
    ]

    /// `open`, `merged`, `withdrawn` (and the filter `all`).
    static func state(_ name: String) -> Message { values[name] ?? Message(verbatim: name) }

    /// `government`, `civil-society`, … (members.yml's values, and `public`).
    static func sector(_ name: String) -> Message { values[name] ?? Message(verbatim: name) }

    /// `co-chair`, `member`, `reviewer`, `observer`, `host`.
    static func role(_ name: String) -> Message { values[name] ?? Message(verbatim: name) }

    /// A reasoned response's disposition, in capitals in English.
    static func disposition(_ name: String) -> Message { dispositions[name] ?? Message(verbatim: name.uppercased()) }

    /// How a file changed, as `nap diff` heads it.
    static func change(_ name: String) -> Message { changes[name] ?? Message(verbatim: name) }
}
