import CLibGit2

extension Repository {
    /// Writes `data` as a blob and returns its id (a no-op when the object already exists).
    @discardableResult
    public func writeBlob(_ data: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        try data.withUnsafeBytes { buffer in
            try check(git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count), "git_blob_create_from_buffer")
        }
        return ObjectID(oid)
    }

    /// The bytes of the blob `id`.
    public func blobData(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// The size in bytes of the object `id`, read from its header without loading it (a hostile
    /// repository's blob may be huge: callers with a limit ask first).
    public func blobSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var size = 0
        var kind = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &kind, odb, &oid), "git_odb_read_header")
        return size
    }

    /// Writes a raw object of any kind (used for signed tags, whose bytes nap builds itself).
    public func writeObject(_ data: [UInt8], kind: ObjectKind) throws -> ObjectID {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = git_oid()
        try data.withUnsafeBytes { buffer in
            try check(git_odb_write(&oid, odb, buffer.baseAddress, buffer.count, kind.raw), "git_odb_write")
        }
        return ObjectID(oid)
    }

    /// The raw bytes of any object, as git stores it (without the header).
    public func readObject(_ id: ObjectID) throws -> (kind: ObjectKind, data: [UInt8]) {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        let data = git_odb_object_data(object).map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
        guard let kind = ObjectKind(git_odb_object_type(object)) else {
            throw GitError.gitKit("object \(id) has an unknown type")
        }
        return (kind, data)
    }
}
