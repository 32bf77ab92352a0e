import CLibGit2

/// A fetch from a repository on this machine that would change nothing: every branch and tag the
/// refspecs map is already where they lead, with the same target, and nothing else is there (a prune
/// would remove nothing), and every object named is here. Then no process is started and nothing is
/// written: the remote's references are read straight from its folder (what git's own fetch reads
/// through `git-upload-pack`), once.
extension Remote {
    /// What the remote at `path` advertises, when fetching `refspecs` from it would change nothing here;
    /// nil when it would (or when the remote cannot be read so: then fetch as usual). Only glob refspecs
    /// (`+refs/heads/*:refs/remotes/origin/*`) are understood; any other makes it nil, as does a symbolic
    /// reference among the remote's, which git would fetch under its own name.
    func unchangedLocalFetch(from path: String, refspecs: [String]) -> [RemoteReference]? {
        guard let source = try? Repository.open(at: path) else { return nil }
        var advertised: [RemoteReference] = []
        for refspec in refspecs {
            guard refspec.hasPrefix("+") else { return nil }
            let parts = refspec.dropFirst().split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].hasSuffix("/*"), parts[1].hasSuffix("/*") else { return nil }
            let from = String(parts[0].dropLast()), to = String(parts[1].dropLast())
            guard let theirs = source.directReferences(under: from), let ours = repository.directReferences(under: to) else { return nil }
            guard theirs.count == ours.count else { return nil }
            for (their, our) in zip(theirs, ours) {
                // Names compared byte for byte (Swift's == would take an NFD name for its NFC twin).
                guard our.name.utf8.starts(with: to.utf8), their.name.utf8.starts(with: from.utf8),
                      their.name.utf8.dropFirst(from.utf8.count).elementsEqual(our.name.utf8.dropFirst(to.utf8.count)),
                      their.target == our.target, repository.hasObject(our.target) else { return nil }
                advertised.append(RemoteReference(name: their.name, target: their.target))
            }
        }
        return advertised
    }
}

extension Repository {
    /// Every reference whose name starts with `prefix` (`refs/heads/`), sorted by the bytes of its name;
    /// nil when one of them is symbolic, is not named in UTF-8, or cannot be read.
    public func directReferences(under prefix: String) -> [(name: String, target: ObjectID)]? {
        var result: [(name: String, target: ObjectID)] = []
        var allDirect = true
        do {
            try eachReference(matching: prefix + "*") { ref in
                guard let target = git_reference_target(ref), let raw = git_reference_name(ref), let name = String(validatingCString: raw) else {
                    allDirect = false
                    return false
                }
                result.append((name, ObjectID(target)))
                return true
            }
        } catch {
            return nil
        }
        // By bytes: Swift's `<` takes an NFD name and its NFC twin for equal.
        return allDirect ? result.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) } : nil
    }

    /// Whether the object is in this repository's object database (without reading it).
    public func hasObject(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.raw
        return git_odb_exists(odb, &oid) == 1
    }
}
