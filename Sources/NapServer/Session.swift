import Foundation

/// A visitor's session: a random id in an HttpOnly, SameSite=Strict cookie, the CSRF token its forms
/// carry (derived from the id: `SessionStore.csrf(of:)`), and the member signed in, if any.
struct Session: Sendable {
    let id: String
    let csrf: String
    let member: String?
    let expires: Date
}

/// The server's sessions, kept by the SHA-256 of their id (the id itself is only in the visitor's cookie).
/// Members' sessions are also saved in the private folder (`SavedSessions`), so that a restart does not
/// sign members out; visitors' sessions (a form's CSRF token) live in memory only. Bounded: when full,
/// the oldest go first.
actor SessionStore {
    struct Entry: Codable, Sendable {
        let digest: String
        let member: String?
        let expires: Date
    }

    private var sessions: [String: Entry] = [:]
    private let capacity: Int
    /// Where members' sessions are saved; nil: nowhere (they end with the process).
    private let saved: SavedSessions?
    static let visitorLifetime: TimeInterval = 4 * 3600
    static let memberLifetime: TimeInterval = 12 * 3600

    /// `directory`: the private folder, where members' sessions are saved and read back from.
    init(capacity: Int = 100_000, directory: String? = nil, now: Date = Date()) {
        self.capacity = capacity
        saved = directory.map(SavedSessions.init(directory:))
        for entry in saved?.load(now: now) ?? [] { sessions[entry.digest] = entry }
    }

    /// The CSRF token of the session with this id: derived from it, so that a session read back after a
    /// restart has the same one, and a page's token tells nothing of the cookie.
    static func csrf(of id: String) -> String {
        Token.digest("nap-csrf\u{0}" + id)
    }

    /// The session with this id, when it exists and has not expired.
    func session(_ id: String, now: Date = Date()) -> Session? {
        let digest = Token.digest(id)
        guard let entry = sessions[digest] else { return nil }
        guard entry.expires > now else {
            sessions[digest] = nil
            if entry.member != nil { save(now: now) }
            return nil
        }
        return Session(id: id, csrf: Self.csrf(of: id), member: entry.member, expires: entry.expires)
    }

    /// A new session, for a visitor (no member) or a member who just signed in (a fresh id: the id of the
    /// session before signing in is dropped, so a planted id is worth nothing).
    func start(member: String?, replacing old: String? = nil, now: Date = Date()) -> Session {
        if let old { sessions[Token.digest(old)] = nil }
        if sessions.count >= capacity { evict(now: now) }
        let lifetime = member == nil ? Self.visitorLifetime : Self.memberLifetime
        let id = Token.random()
        let entry = Entry(digest: Token.digest(id), member: member, expires: now.addingTimeInterval(lifetime))
        sessions[entry.digest] = entry
        if member != nil { save(now: now) }
        return Session(id: id, csrf: Self.csrf(of: id), member: member, expires: entry.expires)
    }

    /// Signs out: the session is gone (from the saved ones too).
    func end(_ id: String, now: Date = Date()) {
        let digest = Token.digest(id)
        guard let entry = sessions.removeValue(forKey: digest) else { return }
        if entry.member != nil { save(now: now) }
    }

    private func save(now: Date) {
        saved?.save(sessions.values.filter { $0.member != nil && $0.expires > now }.sorted { $0.digest < $1.digest })
    }

    private func evict(now: Date) {
        sessions = sessions.filter { $0.value.expires > now }
        if sessions.count >= capacity {
            let oldest = sessions.values.sorted { $0.expires < $1.expires }.prefix(capacity / 10 + 1)
            for entry in oldest { sessions[entry.digest] = nil }
        }
        save(now: now)
    }
}
