import Foundation

/// Derived state kept between runs in `.git/nap/cache/` (DESIGN.md section 7): what is expensive to
/// compute from the record and the branches (folded proposal summaries, changed paths, merge checks),
/// always stored under the git object ids it was computed from, and looked up by the ids as they are
/// now, so that a change made by plain git (`git pull`, `git fetch`, `git update-ref`) is always seen.
///
/// It is only ever a shortcut: a missing, unreadable, corrupt or other-version file is ignored and
/// rebuilt; files are replaced atomically (write, then rename), so a reader never sees half a file;
/// deleting the folder is always safe. Write failures are ignored (a read-only repository still works).
struct DerivedStateCache {
    /// Bump when the layout of a file, or the way its contents are derived (the fold, the digest),
    /// changes: files of another version are never read.
    static let formatVersion = 1

    /// `<git dir>/nap/cache`.
    let directory: URL

    init(gitDirectory: String) {
        directory = URL(fileURLWithPath: gitDirectory).appendingPathComponent("nap/cache", isDirectory: true)
    }

    /// Set `NAP_CACHE=off` to compute everything afresh (benchmarks of the cold path, debugging).
    static let isDisabled = ProcessInfo.processInfo.environment["NAP_CACHE"] == "off"

    private struct Envelope<Payload: Codable>: Codable {
        let format: Int
        let payload: Payload
    }

    private func url(_ name: String) -> URL {
        directory.appendingPathComponent("\(name).v\(Self.formatVersion).json")
    }

    /// The payload stored under `name`; nil when there is none that this version can trust.
    func load<Payload: Codable>(_ name: String, as type: Payload.Type) -> Payload? {
        guard !Self.isDisabled, let data = try? Data(contentsOf: url(name)) else { return nil }
        guard let envelope = try? JSONDecoder().decode(Envelope<Payload>.self, from: data),
              envelope.format == Self.formatVersion else { return nil }
        return envelope.payload
    }

    /// Stores `payload` under `name`, replacing the file atomically.
    func store<Payload: Codable>(_ payload: Payload, as name: String) {
        guard !Self.isDisabled else { return }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(Envelope(format: Self.formatVersion, payload: payload))
            let temporary = directory.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, url(name).path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        } catch {
            // A cache that cannot be written is only a slower run.
        }
    }
}
