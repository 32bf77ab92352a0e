import Crypto
import Foundation
import GitKit

/// What a site build remembers about one page it wrote: the key of everything the page was made from,
/// and the file's stamp (its size and modification time) after the build. A later build into the same
/// folder that computes the same key, and finds the file with the same stamp, leaves the page alone
/// without rendering it; a file changed or deleted behind nap's back is made again.
public struct SitePageRecord: Sendable, Equatable {
    public let key: String
    public let stamp: String

    public init(key: String, stamp: String) {
        self.key = key
        self.stamp = stamp
    }
}

/// A key made of parts: the SHA-256 of the parts, each ended by a zero byte (so that `["ab", "c"]` and
/// `["a", "bc"]` differ), in hex.
public struct KeyDigest {
    private var hasher = SHA256()

    public init() {}

    public mutating func add(_ part: String) {
        hasher.update(data: Data(part.utf8))
        hasher.update(data: Data([0]))
    }

    public mutating func add(_ id: ObjectID?) {
        add(id?.hex ?? "-")
    }

    public func finish() -> String {
        hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
        }.joined()
    }

    /// The key of `parts`.
    public static func of(_ parts: [String]) -> String {
        var digest = KeyDigest()
        for part in parts { digest.add(part) }
        return digest.finish()
    }
}

extension PlanStore {
    /// The pages an earlier `nap site` wrote into `folder`, with their keys (`.git/nap/cache`,
    /// docs/STORAGE.md). Empty when there are none this build of nap can trust: the cache is missing,
    /// corrupt, written by another build, or off (`NAP_CACHE=off`).
    public func sitePageRecords(folder: String) -> [String: SitePageRecord] {
        guard let stored = derivedCache.loadLines(Self.sitePagesName(folder)), stored.key == Self.sitePagesKey(folder) else { return [:] }
        var records: [String: SitePageRecord] = [:]
        for record in stored.records {
            guard record.count == 3 else { return [:] }
            records[record[0]] = SitePageRecord(key: record[1], stamp: record[2])
        }
        return records
    }

    /// Remembers the pages a build wrote into `folder` (replacing what was remembered).
    public func storeSitePageRecords(_ records: [String: SitePageRecord], folder: String) {
        let lines = records.sorted { $0.key < $1.key }.map { [$0.key, $0.value.key, $0.value.stamp] }
        derivedCache.storeLines(lines, key: Self.sitePagesKey(folder), as: Self.sitePagesName(folder))
    }

    /// The id of each proposal's folder in the record (it changes exactly when its events change; only
    /// folders at their own place are listed: `Record.proposals(in:)`).
    public func proposalFolders() throws -> [EventID: ObjectID] {
        Dictionary(try record.proposals().map { ($0.id, $0.subtree) }, uniquingKeysWith: { first, _ in first })
    }

    private static func sitePagesKey(_ folder: String) -> String {
        URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.path
    }

    /// One file per output folder: two sites built from one plan keep their own pages.
    private static func sitePagesName(_ folder: String) -> String {
        "site-pages-" + KeyDigest.of([sitePagesKey(folder)]).prefix(16)
    }
}
