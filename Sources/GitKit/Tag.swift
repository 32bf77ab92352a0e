import CLibGit2

/// An annotated tag, read into a plain value.
public struct AnnotatedTag: Sendable, Equatable {
    public let id: ObjectID
    public let name: String
    public let target: ObjectID
    public let tagger: Signature?
    public let message: String
}

extension Repository {
    /// Creates the annotated tag `refs/tags/<name>` on `target`; fails (isExists) when the tag exists.
    public func createAnnotatedTag(name: String, target: ObjectID, tagger: Signature, message: String) throws -> ObjectID {
        var oid = target.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup")
        defer { git_object_free(object) }
        return try tagger.withRaw { sig in
            var out = git_oid()
            try check(git_tag_create(&out, pointer, name, object, sig, message, 0), "git_tag_create")
            return ObjectID(out)
        }
    }

    /// Reads the annotated tag object `id`.
    public func annotatedTag(_ id: ObjectID) throws -> AnnotatedTag {
        var oid = id.raw
        var tag: OpaquePointer?
        try check(git_tag_lookup(&tag, pointer, &oid), "git_tag_lookup")
        defer { git_tag_free(tag) }
        let tagger = git_tag_tagger(tag).map { Signature($0) }
        guard let target = git_tag_target_id(tag) else { throw GitError.gitKit("tag \(id) has no target") }
        return AnnotatedTag(id: id, name: text(git_tag_name(tag)), target: ObjectID(target), tagger: tagger, message: text(git_tag_message(tag)))
    }

    /// The names of all tags, sorted.
    public func tagNames() throws -> [String] {
        var array = git_strarray()
        try check(git_tag_list(&array, pointer), "git_tag_list")
        defer { git_strarray_dispose(&array) }
        var names: [String] = []
        for i in 0..<array.count { names.append(text(array.strings[i])) }
        return names.sorted()
    }
}
