/// Plan files held in memory, by path: for tests, and for checking files before they are written
/// (e.g. a new plan made from the template).
public struct MemoryFileSource: PlanFileSource, Sendable {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    /// Files given as text (stored as UTF-8).
    public init(texts: [String: String]) {
        self.files = texts.mapValues { Array($0.utf8) }
    }

    public subscript(path: String) -> [UInt8]? {
        get { files[path] }
        set { files[path] = newValue }
    }

    public func read(_ path: String) throws -> [UInt8]? { files[path] }

    public func list(_ directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return files.keys.compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            let name = path.dropFirst(prefix.count)
            return name.isEmpty || name.contains("/") ? nil : String(name)
        }.sorted()
    }
}
