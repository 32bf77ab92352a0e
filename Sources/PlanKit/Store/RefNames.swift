import Localization

/// The one table of reference names nap reads and writes (DESIGN.md section 2).
public enum RefNames {
    /// The agreed text.
    public static let main = "refs/heads/main"
    /// The collaboration record: an add-only orphan branch of event files.
    public static let record = "refs/heads/nap/record"
    /// Every proposal branch lives under this prefix.
    public static let proposalPrefix = "refs/heads/proposal/"
    /// Published plan versions.
    public static let tagPrefix = "refs/tags/"
    /// Where nap keeps the old head of a proposal branch that was rewritten by force, so nothing is lost.
    public static let keptPrefix = "refs/nap/kept/"

    /// The branch of the proposal `slug`.
    public static func proposal(_ slug: String) -> String { proposalPrefix + slug }

    /// The slug of a proposal branch, or nil when `reference` is not one.
    public static func slug(ofProposalBranch reference: String) -> String? {
        guard reference.hasPrefix(proposalPrefix) else { return nil }
        let slug = String(reference.dropFirst(proposalPrefix.count))
        return slug.isEmpty ? nil : slug
    }

    /// The short branch name people type (`proposal/x`, `main`).
    public static func shortName(_ reference: String) -> String {
        reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
    }

    /// Where `nap sync` points the commit it pushes as main when only part of this copy's main passed the
    /// gate (removed after the push).
    static let outgoingMain = "refs/nap/outgoing/main"

    /// Why a tag of this name must not be taken from a remote, given to one, or published, or nil: its
    /// short name would shadow one of nap's own references (`main`, `HEAD`, `nap/record`, a proposal
    /// branch), a remote-tracking branch (`origin/main`, or `<remote>/…` for any name in `remotes`) or a
    /// special git name (`FETCH_HEAD`, `@`, `stash`); it looks like an object id; it holds revision syntax
    /// (`~`, `^`, `:`, `@{`, `..`) or would be read as an option. A revision typed as `main` could then
    /// mean the tag (git prefers tags to branches).
    public static func shadowingProblem(tag name: String, remotes: [String] = []) -> Message? {
        let lowered = name.lowercased()
        if ["main", "head", "@", "stash", "auto_merge"].contains(lowered) || lowered.hasSuffix("_head") {
            return L("its name is that of a nap or git reference (\(name))")
        }
        let firstComponent = lowered.split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) ?? lowered
        if ["nap", "proposal", "refs", "heads", "tags", "remotes", "origin"].contains(firstComponent)
            || remotes.contains(where: { $0.lowercased() == firstComponent }) {
            return L("its name would shadow a branch or reference (\(name))")
        }
        if name.count >= 4, name.count <= 40, name.allSatisfy(\.isHexDigit) { return L("its name looks like a commit id") }
        if name.hasPrefix("-") { return L("its name would be read as an option") }
        let syntax: Set<Character> = ["~", "^", ":", "?", "*", "[", "\\", " "]
        let isControl: (Character) -> Bool = { $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }
        if name.contains("@{") || name.contains("..") || name.contains(where: { syntax.contains($0) || isControl($0) }) {
            return L("its name holds revision syntax (\(name))")
        }
        return nil
    }
}
