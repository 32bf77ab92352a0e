import CLibGit2

extension Repository {
    /// Opens the repository at `path` with every new object kept in memory, runs `body` on it, then stores
    /// those objects as one pack without deltas (written and indexed by libgit2, like a fetched pack) and
    /// returns what `body` returned. For bulk writers (the benchmark generator): a hundred thousand
    /// objects as loose files cost a file each; one pack costs one write.
    ///
    /// Only what the references reach through commits is kept: write annotated tags after `body`.
    ///
    /// The pack is written even when `body` throws, so that references it moved never point at objects
    /// that do not exist. Until `body` returns, the objects exist only in this process. The repository
    /// passed to `body` must not be used after it returns: open the path again.
    public static func writingOnePack<T>(at path: String, _ body: (Repository) throws -> T) throws -> T {
        let repository = try Repository.open(at: path)
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, repository.pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var backend: OpaquePointer?
        try check(git_mempack_new(&backend), "git_mempack_new")
        // The object database owns the backend from here; it reads and writes before the others.
        try check(git_odb_add_backend(odb, backend, 1000), "git_odb_add_backend")
        let result = Result { try body(repository) }
        try writeMemoryPack(backend, of: repository)
        return try result.get()
    }

    /// Packs every object the references reach (each object once) from the memory store into
    /// `objects/pack`, then empties the store.
    private static func writeMemoryPack(_ backend: OpaquePointer?, of repository: Repository) throws {
        // libgit2 1.5's pack builder takes its "big file" threshold (objects it never deltifies) from
        // `pack.deltaCacheSize` (pack-objects.c reads that key twice): a threshold of one byte for the
        // builder's creation writes every object whole instead of spending minutes on a one-thread delta
        // search. A repository's own value of the key is put back at once.
        let saved = try repository.configString("pack.deltaCacheSize")
        try repository.setConfig("pack.deltaCacheSize", "1")
        var builder: OpaquePointer?
        let created = git_packbuilder_new(&builder, repository.pointer)
        if let saved { try repository.setConfig("pack.deltaCacheSize", saved) } else { try repository.removeConfig("pack.deltaCacheSize") }
        try check(created, "git_packbuilder_new")
        defer { git_packbuilder_free(builder) }
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, repository.pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try check(git_revwalk_push_glob(walker, "refs/*"), "git_revwalk_push_glob")
        try check(git_packbuilder_insert_walk(builder, walker), "git_packbuilder_insert_walk")
        try check(git_packbuilder_write(builder, repository.gitDirectory + "objects/pack", 0, nil, nil), "git_packbuilder_write")
        try check(git_mempack_reset(backend), "git_mempack_reset")
    }
}
