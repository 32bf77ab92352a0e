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

    /// Why a tag of this name must not be taken from a remote, or nil: its short name would shadow one
    /// of nap's own references (`main`, `HEAD`, `nap/record`, a proposal branch) or look like an object id,
    /// so that a revision typed as `main` could mean the tag (git prefers tags to branches).
    public static func shadowingProblem(tag name: String) -> String? {
        let lowered = name.lowercased()
        if ["main", "head", "fetch_head", "orig_head", "merge_head"].contains(lowered) { return "its name is that of a nap reference (\(name))" }
        if lowered.hasPrefix("nap/") || lowered.hasPrefix("proposal/") || lowered.hasPrefix("refs/") || lowered.hasPrefix("heads/")
            || lowered.hasPrefix("tags/") || lowered.hasPrefix("remotes/") {
            return "its name would shadow a branch or reference (\(name))"
        }
        if name.count >= 4, name.count <= 40, name.allSatisfy(\.isHexDigit) { return "its name looks like a commit id" }
        return nil
    }
}
