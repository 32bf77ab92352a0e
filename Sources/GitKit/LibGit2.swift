import CLibGit2
import Synchronization

/// Process-wide libgit2 state: initialised exactly once, before any other call.
public enum LibGit2 {
    private static let initialised: Bool = {
        git_libgit2_init()
        // Best effort: the defaults are only a larger footprint.
        _ = nap_git_set_pack_windows(packWindowSize, packMappedLimit)
        _ = nap_git_set_tree_cache_limit(treeCacheLimit)
        _ = nap_git_set_cache_max_size(cacheMaximum)
        return true
    }()

    /// How much of a pack file libgit2 maps at a time, and at most in all (least recently used windows
    /// are unmapped past it). libgit2's 64-bit defaults are 1 GiB and 8 GiB: a command that reads most of
    /// a plan's objects (a site, a clone, a sync) kept the whole pack mapped, and every page it touched
    /// counted in its resident memory until it ended (114 MB of a 179 MB pack during `nap site` of the
    /// bench plan). 8 MiB windows, 32 MiB in all, took `nap site`'s peak from 426 to 313 MB, `nap
    /// clone`'s from 324 to 258 MB, at the same speed (docs/PERFORMANCE.md). The pages stay in the
    /// kernel's page cache, so mapping a window again costs page-table entries, not reads.
    static let packWindowSize = 8 << 20
    static let packMappedLimit = 32 << 20

    /// The largest tree kept parsed in libgit2's object cache. Its default, 4 KiB, leaves out the one
    /// tree nap reads most: a proposal's events folder (about 100 bytes an event), which a sync, a
    /// comment or a page reads several times, each time inflated again from its chain of deltas.
    static let treeCacheLimit = 1 << 20
    /// The most the cache holds in all (libgit2's default is 256 MiB): with large trees in it, a record
    /// of many large folders (a hostile one) must not grow a long-running server's memory that far. The
    /// bench plan's trees and commits take about 15 MB.
    static let cacheMaximum = 64 << 20

    /// The pack mapping libgit2 uses in this process: the size of a window and the most mapped at once.
    public static var packWindows: (window: Int, limit: Int) {
        ensure()
        var window = 0, limit = 0
        guard nap_git_get_pack_windows(&window, &limit) == 0 else { return (0, 0) }
        return (window, limit)
    }

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

    /// What the process-wide settings below hold now. libgit2 keeps them in globals without a lock:
    /// changing one frees the old value while another thread may be reading it (opening a repository
    /// reads the search path; a TLS handshake reads the certificate store). So a setting is changed
    /// only when its value differs, one change at a time.
    private static let applied = Mutex<(searchPath: String?, authorities: String?)>((nil, nil))

    /// Where libgit2 looks for global (`~/.gitconfig`), XDG and system configuration. Tests point all
    /// three at one empty folder for the whole process, before any repository is opened, so that no
    /// developer's configuration leaks in. Setting the folder it already has does nothing; changing it
    /// while other threads open repositories is not safe (libgit2 frees the old path).
    public static func isolateConfiguration(in directory: String) throws {
        ensure()
        try applied.withLock { applied in
            guard applied.searchPath != directory else { return }
            try check(nap_git_set_search_path(GIT_CONFIG_LEVEL_GLOBAL, directory))
            try check(nap_git_set_search_path(GIT_CONFIG_LEVEL_XDG, directory))
            try check(nap_git_set_search_path(GIT_CONFIG_LEVEL_SYSTEM, directory))
            applied.searchPath = directory
        }
    }

    /// Makes TLS connections trust the certificate authorities in the PEM file `path` instead of the
    /// system's bundle (git's `http.sslCAInfo`), for the rest of the process. The same file again does
    /// nothing (a server syncs in the background while requests are served).
    public static func trustCertificateAuthorities(inFile path: String) throws {
        ensure()
        try applied.withLock { applied in
            guard applied.authorities != path else { return }
            try check(nap_git_set_ssl_cert_file(path), "git_libgit2_opts")
            applied.authorities = path
        }
    }

    /// A value of the user's own git configuration (global, XDG and system files, as without a
    /// repository); nil when unset.
    public static func userConfigString(_ key: String) throws -> String? {
        ensure()
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "git_config_open_default")
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        try check(git_config_snapshot(&snapshot, config), "git_config_snapshot")
        defer { git_config_free(snapshot) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, snapshot, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_config_get_string")
        return text(value)
    }
}
