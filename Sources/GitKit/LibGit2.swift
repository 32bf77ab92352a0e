import CLibGit2

/// Process-wide libgit2 state: initialised exactly once, before any other call.
public enum LibGit2 {
    private static let initialised: Bool = {
        git_libgit2_init()
        return true
    }()

    /// Initialises libgit2 if it has not been yet. Every GitKit entry point calls this.
    static func ensure() {
        _ = initialised
    }

    /// libgit2's version, e.g. "1.5.1".
    public static var version: String {
        ensure()
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        git_libgit2_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }

    /// Where libgit2 looks for global (`~/.gitconfig`), XDG and system configuration. Tests point all
    /// three at an empty folder so that no developer's configuration leaks in.
    public static func isolateConfiguration(in directory: String) throws {
        ensure()
        try check(nap_git_set_search_path(GIT_CONFIG_LEVEL_GLOBAL, directory))
        try check(nap_git_set_search_path(GIT_CONFIG_LEVEL_XDG, directory))
        try check(nap_git_set_search_path(GIT_CONFIG_LEVEL_SYSTEM, directory))
    }
}
