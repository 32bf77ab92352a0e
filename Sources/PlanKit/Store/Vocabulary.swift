import GitKit

// The value types of git that PlanKit's API speaks in, named through PlanKit so that the fronts (NapCLI,
// and the web fronts to come) depend on PlanKit alone (docs/ARCHITECTURE.md). They are plain Sendable
// values with no libgit2 handle inside; everything that owns one (Repository, Remote, RemoteCallbacks)
// stays behind PlanKit.

/// A git object id (a commit, tree or blob), 20 bytes, shown as 40 hex digits.
public typealias ObjectID = GitKit.ObjectID
/// One line of a text diff.
public typealias DiffLine = GitKit.DiffLine
/// One hunk of a text diff.
public typealias DiffHunk = GitKit.DiffHunk
/// One changed file of a diff between two trees.
public typealias DiffDelta = GitKit.DiffDelta
