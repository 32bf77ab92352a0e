import Foundation

/// GitKit's one use of the stock `git` program, when it is installed: moving objects between this copy
/// and a repository on the same machine — `git pack-objects` for a push, `git fetch` for a fetch, `git
/// clone` for a new copy (StockGitClone.swift).
///
/// Why: libgit2 1.5's pack builder searches deltas for every object, never reuses the deltas a pack
/// already has, and holds up to 256 MB of them, and its indexer then reads the whole pack again on one
/// thread. For the first push of a whole plan that made nap four times slower than `git push --mirror`
/// and took over 400 MB, and a clone seven times slower than `git clone --no-local`
/// (docs/PERFORMANCE.md). git reuses stored deltas and searches the rest on every core. When git is
/// missing, or a run fails, the caller does the same with libgit2: the result is the same objects and
/// references (the tests compare both).
///
/// References stay nap's: a push moves each one itself by compare-and-swap after the pack is in place;
/// a fetch only fills this copy's remote-tracking namespaces, as libgit2's does; a clone writes what the
/// refspecs nap gives it name, into a folder nap checks before it becomes the copy. What comes from the
/// other repository is received by git's upload-pack there and `index-pack` here, which checks every
/// object's id, never by running git with that repository's configuration.
enum StockGit {
    /// The `git` executable on `PATH` (the environment's, or nap's), as git's own helpers are found
    /// (PlanKit's credential helper does the same); nil when there is none, or when `NAP_STOCK_GIT=off`
    /// (which forces libgit2's path, for comparing the two).
    static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if environment["NAP_STOCK_GIT"] == "off" { return nil }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { String($0) + "/git" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes every object reachable from `tips` and not from `hidden` (commits and annotated tags of
    /// `source`) as one pack with its index into `target`'s `objects/pack`. Returns false, having moved
    /// no reference, when git is missing or fails (then the caller packs with libgit2).
    ///
    /// git writes its temporary file in the object directory it writes to, so the target's object
    /// directory is git's own (`GIT_OBJECT_DIRECTORY`) and the source's an alternate to read from: the
    /// pack is renamed into place within the target, whatever file systems the two are on.
    static func packObjects(sourceGitDirectory: String, sourceObjects: String, targetObjects: String,
                            tips: [ObjectID], hidden: [ObjectID]) -> Bool {
        let lines = tips.map { $0.hex + "\n" } + hidden.map { "^" + $0.hex + "\n" }
        // git maps packs it reads in windows of up to 1 GiB and keeps up to 8 GiB of them mapped: copying
        // a whole plan's 166 MB pack kept all of it resident (215 MB at the peak, as `git push --mirror`
        // does). Windows of 16 MiB, at most 64 MiB mapped, halve the peak at no cost in time
        // (docs/PERFORMANCE.md).
        return run(["pack-objects", "--revs", "--delta-base-offset", "--quiet", "--non-empty", targetObjects + "/pack/pack"],
                   environment: ["GIT_DIR": sourceGitDirectory, "GIT_OBJECT_DIRECTORY": targetObjects,
                                 "GIT_ALTERNATE_OBJECT_DIRECTORIES": sourceObjects]
                       .merging(configuration(boundedPackWindows)) { _, added in added },
                   input: Data(lines.joined().utf8))
    }

    /// Fetches from the repository at `path` into the repository at `gitDirectory` with `git fetch`
    /// (forced refspecs, no tags followed, no FETCH_HEAD, no automatic gc), pruning from each glob
    /// refspec's destination what the remote no longer has. Returns what the remote held under the
    /// refspecs' sources, read back from their destinations; nil when git is missing or failed (then
    /// the caller fetches with libgit2).
    static func fetch(into repository: Repository, from path: String, refspecs: [String]) -> [RemoteReference]? {
        let arguments = ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-auto-gc", "--no-recurse-submodules",
                         "--no-show-forced-updates", "--prune", "--", path] + refspecs
        guard run(arguments, environment: ["GIT_DIR": repository.gitDirectory], input: Data()) else { return nil }
        var advertised: [RemoteReference] = []
        for refspec in refspecs {
            let parts = refspec.drop { $0 == "+" }.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let (source, destination) = (parts[0], parts[1])
            if source.hasSuffix("*"), destination.hasSuffix("*") {
                let from = String(source.dropLast()), to = String(destination.dropLast())
                guard let found = try? repository.references(matching: destination) else { return nil }
                for (name, target) in found where name.hasPrefix(to) {
                    advertised.append(RemoteReference(name: from + name.dropFirst(to.count), target: target))
                }
            } else if let target = try? repository.referenceTarget(destination) {
                advertised.append(RemoteReference(name: source, target: target))
            }
        }
        return advertised
    }

    /// What git reads to find a repository and its parts; removed where git must not work in the
    /// caller's repository (a clone).
    static let repositoryVariables = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                                      "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR", "GIT_GRAFT_FILE",
                                      "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS", "GIT_SHALLOW_FILE", "GIT_IMPLICIT_WORK_TREE",
                                      "GIT_PREFIX", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"]

    /// How git is asked to map the packs it reads: windows of 16 MiB, at most 64 MiB mapped (its 64-bit
    /// defaults, 1 GiB and 8 GiB, kept a whole plan's pack resident).
    static let boundedPackWindows: [(key: String, value: String)] = [("core.packedGitWindowSize", "16m"), ("core.packedGitLimit", "64m")]

    /// Settings added to those the caller's environment gives git (`GIT_CONFIG_COUNT`), after them.
    static func configuration(_ settings: [(key: String, value: String)],
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        let given = environment["GIT_CONFIG_COUNT"].flatMap { Int($0) }.map { max(0, $0) } ?? 0
        var result = ["GIT_CONFIG_COUNT": String(given + settings.count)]
        for (offset, setting) in settings.enumerated() {
            result["GIT_CONFIG_KEY_\(given + offset)"] = setting.key
            result["GIT_CONFIG_VALUE_\(given + offset)"] = setting.value
        }
        return result
    }

    /// Runs git with `environment` added to nap's (less the variables named in `removing`) and `input`
    /// on its standard input; true when it exited 0. Its output is read and dropped; nothing is asked on
    /// the terminal.
    static func run(_ arguments: [String], environment extra: [String: String], removing: [String] = [], input: Data) -> Bool {
        guard let git = executable() else { return false }
        var environment = ProcessInfo.processInfo.environment
        for key in removing { environment[key] = nil }
        for (key, value) in extra { environment[key] = value }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        return ChildProcess.run(git, arguments: arguments, environment: environment, input: Array(input))
    }
}
