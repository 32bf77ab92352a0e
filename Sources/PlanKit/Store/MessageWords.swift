import Localization

/// The words of the record and members.yml (a status, a role, a sector) as messages, so that a sentence
/// naming one is translated whole. The record and the files keep the English identifiers; these are only
/// for people, in PlanKit's messages and the fronts' text output (NapCLI's `Words`).
public enum MessageWords {
    /// A proposal's status: `open`, `merged`, `withdrawn`.
    public static func status(_ name: String) -> Message {
        switch name {
        case "open": L("open")
        case "merged": L("merged")
        case "withdrawn": L("withdrawn")
        default: Message(verbatim: name)
        }
    }

    /// A member's role in members.yml.
    public static func role(_ name: String?) -> Message {
        switch name {
        case "co-chair": L("co-chair")
        case "member", nil: L("member")
        case "reviewer": L("reviewer")
        case "observer": L("observer")
        case "host": L("host")
        case let other?: Message(verbatim: other)
        }
    }

    /// Someone whose approval a proposal needs (`Policy.Approver.label` in English).
    public static func approver(_ approver: Policy.Approver) -> Message {
        switch approver {
        case .governmentCoChair: L("government co-chair")
        case .civilSocietyCoChair: L("civil-society co-chair")
        case .leadAgency: L("lead agency")
        }
    }

    /// A reasoned response's disposition (`adopted`, `adopted-in-part`, `deferred`, `not-adopted`,
    /// `out-of-scope`), as a word in running text.
    public static func disposition(_ name: String) -> Message {
        switch name {
        case "adopted": L("adopted")
        case "adopted-in-part": L("adopted-in-part")
        case "deferred": L("deferred")
        case "not-adopted": L("not-adopted")
        case "out-of-scope": L("out-of-scope")
        default: Message(verbatim: name)
        }
    }

    /// A milestone's completion on OGP's scale (`not-started`, `limited`, `substantial`, `complete`).
    public static func completion(_ level: CompletionLevel) -> Message {
        switch level {
        case .notStarted: L("not-started")
        case .limited: L("limited")
        case .substantial: L("substantial")
        case .complete: L("complete")
        }
    }

    /// A sector in members.yml, or `public` (the English is the identifier, as before messages were translated).
    public static func sector(_ name: String) -> Message {
        switch name {
        case "government": L("government")
        case "legislature": L("legislature")
        case "civil-society": L("civil-society")
        case "private-sector": L("private-sector")
        case "academia": L("academia")
        case "public": L("public")
        default: Message(verbatim: name)
        }
    }
}

extension EventAuthor {
    /// Who the author is in the forum, for a refusal: "not a member", "a co-chair of government".
    var standing: Message {
        member == nil ? L("not a member") : L("a \(MessageWords.role(role)) of \(MessageWords.sector(sector))")
    }
}
