import Localization

/// What the commands say about signatures beside their results: that approvals are not authenticated
/// while a plan does not require signatures, and how a member makes and registers a key
/// (docs/SIGNING.md). One wording, shared by `init`, `member add`, `show`, `merge` and `verify`.
enum SigningGuidance {
    /// The note `show`, `merge` and `verify` print while plan.yml at `revision` has
    /// `require-signatures: false` (or leaves it out).
    static func unauthenticatedNote(at revision: String = "main") -> String {
        L("note: this plan does not require signatures (policy require-signatures: false in plan.yml on \(SafeText.line(revision))): anyone who can push to the hub can write an approval or a response in a member's name; see docs/SIGNING.md and docs/SECURITY.md").localized
    }

    /// What a signature counts for under the policy, one sentence.
    static func policySentence(required: Bool) -> String {
        required
            ? L("This plan requires signatures (plan.yml policy require-signatures: true): approvals, reasoned responses, change requests, withdrawals and resolutions count only when signed with the key members.yml lists for their author, and an unsigned comment in a member's name is read as the public's.").localized
            : L("This plan does not require signatures (plan.yml policy require-signatures: false): approvals are not authenticated until the forum turns it on (docs/SIGNING.md).").localized
    }

    /// The steps after `nap init`: every member makes a key, and the founder registers the public keys
    /// while adding the members.
    static func afterInit(path: String, required: Bool) -> String {
        L("""
        Next:
          cd \(path)
          nap key generate        # every member, once, on their own computer: ~/.ssh/id_ed25519 and its .pub
          nap member add <id> --name "..." --email ... --sector government --role co-chair --key <their key>.pub
          nap member add <id> --name "..." --email ... --sector civil-society --role co-chair --key <their key>.pub
          nap validate && nap save -m "Constitute the forum"

        \(policySentence(required: required))
        A member added without --key registers it later: nap member key <id> <their key>.pub, then nap save (in a proposal once the forum is founded).
        """).localized
    }

    /// The step after `nap member add` without `--key`.
    static func afterMemberAdd(id: String, name: String, required: Bool) -> String {
        L("""
        Next: \(SafeText.line(name)) (\(SafeText.line(id))) has no signing key in members.yml yet. \(policySentence(required: required))
          \(SafeText.line(name)) makes a key:  nap key generate   (writes ~/.ssh/id_ed25519 and ~/.ssh/id_ed25519.pub; --path to choose)
          and you register its .pub:  nap member key \(SafeText.line(id)) <their key>.pub
          then save it: nap save (before the forum is founded) or in a proposal.
        """).localized
    }
}
