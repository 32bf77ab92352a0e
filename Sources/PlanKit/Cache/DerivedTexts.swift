import Foundation

/// Pieces of text a front derives from the record and keeps between runs, each under a key that is a
/// digest of everything it is made from (a site keeps each proposal's rows of the response report's
/// downloads: after one new comment only that proposal's rows are made again). Kept in a folder of the
/// cache of derived state (`.git/nap/cache/<folder>/`), with its rules: written atomically, stamped with
/// the build that wrote it, ignored when damaged, safe to delete.
public struct DerivedTexts: Sendable {
    private let cache: DerivedStateCache
    private let folder: URL
    private static let magic = "nap-text"

    init(cache: DerivedStateCache, folder: URL) {
        self.cache = cache
        self.folder = folder
    }

    /// The pieces kept in a folder of this one (`name`: a plain file name, e.g. `responses.csv`), whose
    /// `keepOnly` leaves the others alone.
    public func folder(_ name: String) -> DerivedTexts {
        DerivedTexts(cache: cache, folder: folder.appendingPathComponent(name, isDirectory: true))
    }

    /// The text kept under `key`; nil when there is none this build wrote whole, or the key is not a
    /// lower-case hex digest (a key is a file name).
    public func text(_ key: String) -> String? {
        guard !DerivedStateCache.isDisabled, Self.isKey(key),
              let data = try? Data(contentsOf: folder.appendingPathComponent(key + ".txt")),
              let newline = data.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        let body = data[(newline + 1)...]
        guard header.count == 3, header[0] == Self.magic, header[1] == DerivedStateCache.version, Int(header[2]) == body.count else { return nil }
        return String(decoding: body, as: UTF8.self)
    }

    /// Keeps `text` under `key` (nothing when the key is not a hex digest or the folder cannot be written).
    public func store(_ text: String, key: String) {
        guard !DerivedStateCache.isDisabled, Self.isKey(key) else { return }
        let body = Data(text.utf8)
        var data = Data("\(Self.magic)\t\(DerivedStateCache.version)\t\(body.count)\n".utf8)
        data.append(body)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        cache.write(data, to: folder.appendingPathComponent(key + ".txt"))
    }

    /// The text under `key`, made by `make` and kept when it is not there.
    public func text(_ key: String, make: () throws -> String) rethrows -> String {
        if let known = text(key) { return known }
        let made = try make()
        store(made, key: key)
        return made
    }

    /// Removes every piece whose key is not in `keys` (those of a past state), and anything else in the
    /// folder that is not a piece (folders of `folder(_:)` stay).
    public func keepOnly(_ keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where !(name.hasSuffix(".txt") && keys.contains(String(name.dropLast(4)))) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 128 && key.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension PlanStore {
    /// The pieces of text kept in `.git/nap/cache/<folder>/` (`folder`: a plain name, e.g. `site-static`).
    public func derivedTexts(_ folder: String) -> DerivedTexts {
        let cache = derivedCache
        return DerivedTexts(cache: cache, folder: cache.directory.appendingPathComponent(folder, isDirectory: true))
    }
}
