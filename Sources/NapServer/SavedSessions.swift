import Foundation

/// Members' sessions saved across restarts in `<git dir>/nap/private/sessions.json` (owner-only, outside
/// every reference: never committed, pushed or cloned): for each, the SHA-256 of its id, the member and
/// when it expires — never the id itself, so the file cannot be used to sign in. A file that cannot be
/// read (damaged, not this format) is removed and everyone signs in again: never a crash.
struct SavedSessions: Sendable {
    let directory: String

    var file: String { directory + "sessions.json" }

    /// The sessions saved, less those expired and any entry that is not well formed.
    func load(now: Date) -> [SessionStore.Entry] {
        guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let entries = try? decoder.decode([SessionStore.Entry].self, from: data) else {
            ServerLog.note("the saved sessions could not be read; they were removed (members sign in again)")
            try? FileManager.default.removeItem(atPath: file)
            return []
        }
        return entries.filter { entry in
            entry.expires > now && entry.digest.count == 64 && entry.digest.allSatisfy { $0.isHexDigit && !$0.isUppercase }
                && entry.member.map { !$0.isEmpty && $0.count <= 200 } == true
        }
    }

    /// Replaces the file with `entries` (a failure is logged: the sessions then last as long as the process).
    func save(_ entries: [SessionStore.Entry]) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        do {
            try PrivateFile.write(try encoder.encode(entries), to: file)
        } catch {
            ServerLog.note("the sessions could not be saved; they last until the server stops")
        }
    }
}
