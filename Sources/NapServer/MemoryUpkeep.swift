import CMalloc

/// How the server keeps its resident memory near what it holds. It lives for weeks and reads the whole
/// site again after changes, each reading a burst of short-lived allocations on its own thread; glibc's
/// malloc keeps what such bursts free in the arena that served them (up to eight per core) instead of
/// giving it back. On the bench plan the two together took the server's resident memory from 351 to
/// 298–300 MB (docs/PERFORMANCE.md, "nap serve").
enum MemoryUpkeep {
    /// At most two malloc arenas for the process (glibc's default is eight per core): set before the
    /// server's threads start.
    static func limitArenas() {
        _ = nap_malloc_limit_arenas(2)
    }

    /// Gives the pages that are free in every arena back to the system (after a reading of the whole site,
    /// once the previous one is let go).
    static func giveBack() {
        _ = nap_malloc_trim()
    }
}
