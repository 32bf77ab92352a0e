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
}
