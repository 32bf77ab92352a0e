import CLibGit2

/// How one path in the work tree differs from HEAD.
public struct StatusEntry: Sendable, Equatable {
    public enum Change: String, Sendable { case added, modified, deleted, renamed, typeChanged = "type-changed", untracked, conflicted }
    public let path: String
    public let change: Change
    /// True when the change is staged in the index (false: only in the work tree).
    public let staged: Bool
}

extension Repository {
    /// Every path that differs between HEAD, the index and the work tree (untracked files included,
    /// ignored files not). Empty means the work tree is clean.
    public func status() throws -> [StatusEntry] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, pointer, &options), "git_status_list_new")
        defer { git_status_list_free(list) }
        var entries: [StatusEntry] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i) else { continue }
            let flags = entry.pointee.status.rawValue
            let delta = entry.pointee.head_to_index ?? entry.pointee.index_to_workdir
            let path = delta.map { text($0.pointee.new_file.path ?? $0.pointee.old_file.path) } ?? ""
            let staged = entry.pointee.head_to_index != nil
            let change: StatusEntry.Change
            if flags & GIT_STATUS_CONFLICTED.rawValue != 0 { change = .conflicted }
            else if flags & GIT_STATUS_WT_NEW.rawValue != 0 { change = .untracked }
            else if flags & (GIT_STATUS_INDEX_NEW.rawValue) != 0 { change = .added }
            else if flags & (GIT_STATUS_INDEX_DELETED.rawValue | GIT_STATUS_WT_DELETED.rawValue) != 0 { change = .deleted }
            else if flags & (GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_WT_RENAMED.rawValue) != 0 { change = .renamed }
            else if flags & (GIT_STATUS_INDEX_TYPECHANGE.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue) != 0 { change = .typeChanged }
            else { change = .modified }
            entries.append(StatusEntry(path: path, change: change, staged: staged))
        }
        return entries
    }
}
