import CLibGit2

/// What a reference must hold for an update to go ahead: the compare in compare-and-swap.
public enum ReferenceExpectation: Sendable, Equatable {
    /// Create it; fail if it already exists.
    case absent
    /// It must point at exactly this commit.
    case at(ObjectID)
    /// Overwrite whatever is there.
    case any
}

extension Repository {
    /// True when `name` is a valid full reference name (`refs/heads/proposal/x`).
    public static func isValidReferenceName(_ name: String) -> Bool {
        LibGit2.ensure()
        var valid: Int32 = 0
        guard git_reference_name_is_valid(&valid, name) == 0 else { return false }
        return valid == 1
    }

    /// The id a reference (resolved through symbolic references) points at; nil when it does not exist.
    public func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(result, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// The target of `name` when it is a direct reference; nil when there is none, or it is symbolic (as
    /// `references(matching:)` skips symbolic references).
    public func directReferenceTarget(_ name: String) throws -> ObjectID? {
        var ref: OpaquePointer?
        let result = git_reference_lookup(&ref, pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_reference_lookup")
        defer { git_reference_free(ref) }
        return git_reference_target(ref).map { ObjectID($0) }
    }

    /// Points `name` at `target` only if it currently matches `expected`; otherwise throws a GitError
    /// whose `isModified` (or `isExists`, for `.absent`) is true, and changes nothing.
    public func updateReference(_ name: String, to target: ObjectID, expecting expected: ReferenceExpectation, message: String) throws {
        var oid = target.raw
        var ref: OpaquePointer?
        defer { git_reference_free(ref) }
        switch expected {
        case .absent:
            try check(git_reference_create(&ref, pointer, name, &oid, 0, message), "git_reference_create")
        case .any:
            try check(git_reference_create(&ref, pointer, name, &oid, 1, message), "git_reference_create")
        case .at(let current):
            var old = current.raw
            try check(git_reference_create_matching(&ref, pointer, name, &oid, 1, &old, message), "git_reference_create_matching")
        }
    }

    /// Deletes a reference, only if it still points at `expected`.
    public func deleteReference(_ name: String, expecting expected: ObjectID) throws {
        var ref: OpaquePointer?
        try check(git_reference_lookup(&ref, pointer, name), "git_reference_lookup")
        defer { git_reference_free(ref) }
        guard let target = git_reference_target(ref), ObjectID(target) == expected else {
            throw GitError(code: GIT_EMODIFIED.rawValue, message: "\(name) moved; not deleted", function: "deleteReference")
        }
        try check(git_reference_delete(ref), "git_reference_delete")
    }

    /// All references whose full names match a glob (`refs/heads/proposal/*`), with their direct
    /// targets, sorted by name. Symbolic references are skipped.
    public func references(matching glob: String) throws -> [(name: String, target: ObjectID)] {
        var result: [(name: String, target: ObjectID)] = []
        try eachReference(matching: glob) { ref in
            if let target = git_reference_target(ref) { result.append((text(git_reference_name(ref)), ObjectID(target))) }
            return true
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Calls `body` with every reference matching `glob` (libgit2's handle, valid during the call) until
    /// it returns false.
    func eachReference(matching glob: String, _ body: (OpaquePointer?) throws -> Bool) throws {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, pointer, glob), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var ref: OpaquePointer?
        while true {
            let code = git_reference_next(&ref, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_reference_next")
            defer { git_reference_free(ref) }
            guard try body(ref) else { break }
        }
    }

    /// Moves every loose reference into `packed-refs` (as `git pack-refs --all` does), so that listing a
    /// thousand branches reads one file instead of a thousand (libgit2's `git_refdb_compress`, under
    /// git's lock files). Every reference keeps its target.
    public func packReferences() throws {
        var refdb: OpaquePointer?
        try check(git_repository_refdb(&refdb, pointer), "git_repository_refdb")
        defer { git_refdb_free(refdb) }
        try check(git_refdb_compress(refdb), "git_refdb_compress")
    }
}
