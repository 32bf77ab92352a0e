import Foundation
import GitKit

/// Plan files as they are in a commit's tree.
public struct TreeFileSource: PlanFileSource {
    let repository: Repository
    public let tree: ObjectID

    public init(repository: Repository, tree: ObjectID) {
        self.repository = repository
        self.tree = tree
    }

    public func read(_ path: String) throws -> [UInt8]? {
        try PlanError.wrap { try repository.fileData(tree: tree, path: path) }
    }

    /// The blob id of the file at `path` (a file `read` would give), or nil.
    public func contentID(_ path: String) throws -> String? {
        try PlanError.wrap {
            guard let entry = try repository.treeEntry(tree, path: path), entry.kind == .blob else { return nil }
            return entry.id.hex
        }
    }

    public func list(_ directory: String) throws -> [String] {
        try PlanError.wrap {
            guard let entry = try repository.treeEntry(tree, path: directory), entry.kind == .tree else { return [] }
            return try repository.treeEntries(entry.id).filter { $0.kind == .blob }.map(\.name).sorted()
        }
    }
}

/// Plan files as they are in the working tree, on disk.
public struct WorkTreeFileSource: PlanFileSource {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") ? root : root + "/"
    }

    /// The file's bytes; nil when it is missing or a folder. Throws `PlanError.symbolicLink`, without
    /// reading, when the file or a folder on its way is a symbolic link leading out of the plan.
    public func read(_ path: String) throws -> [UInt8]? {
        guard let resolved = try WorkTreeLinks.resolve(path, root: root) else { return nil }
        let url = URL(fileURLWithPath: resolved)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw PlanError.cannotRead(path, error)
        }
    }

    public func list(_ directory: String) throws -> [String] {
        guard let path = try WorkTreeLinks.resolve(directory, root: root) else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}
