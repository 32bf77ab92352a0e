import CLibGit2

/// A run of lines of a file that last changed in one commit.
public struct BlameHunk: Sendable, Equatable {
    /// The first line (1-based) of the run in the blamed version of the file.
    public let startLine: Int
    public let lineCount: Int
    /// The commit that last changed these lines.
    public let commit: ObjectID
    /// The path the lines had in that commit.
    public let originalPath: String
}

extension Repository {
    /// Who last changed each line of `path` as of `newest`; with `firstParent`, changes that came in
    /// through a merge are credited to the merge on the main line.
    public func blame(path: String, newest: ObjectID, firstParent: Bool = false) throws -> [BlameHunk] {
        var options = git_blame_options()
        try check(git_blame_options_init(&options, UInt32(GIT_BLAME_OPTIONS_VERSION)), "git_blame_options_init")
        options.newest_commit = newest.raw
        if firstParent { options.flags |= GIT_BLAME_FIRST_PARENT.rawValue }
        var blame: OpaquePointer?
        try check(git_blame_file(&blame, pointer, path, &options), "git_blame_file")
        defer { git_blame_free(blame) }
        var hunks: [BlameHunk] = []
        for i in 0..<git_blame_get_hunk_count(blame) {
            guard let hunk = git_blame_get_hunk_byindex(blame, i)?.pointee else { continue }
            hunks.append(BlameHunk(startLine: Int(hunk.final_start_line_number), lineCount: Int(hunk.lines_in_hunk),
                                   commit: ObjectID(hunk.final_commit_id), originalPath: text(hunk.orig_path)))
        }
        return hunks
    }
}
