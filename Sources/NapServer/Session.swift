import Foundation

/// A visitor's session: a random id in an HttpOnly, SameSite=Strict cookie, the CSRF token its forms
/// carry, and the member signed in, if any. Sessions live in the server's memory only: a restart signs
/// everyone out (members sign in again with a new invitation).
struct Session: Sendable {
    let id: String
    let csrf: String
    let member: String?
    let expires: Date
}

/// The server's sessions. Bounded: when full, the oldest go first.
actor SessionStore {
    private var sessions: [String: Session] = [:]
    private let capacity: Int
    static let visitorLifetime: TimeInterval = 4 * 3600
    static let memberLifetime: TimeInterval = 12 * 3600

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// The session with this id, when it exists and has not expired.
    func session(_ id: String, now: Date = Date()) -> Session? {
        guard let session = sessions[id] else { return nil }
        guard session.expires > now else {
            sessions[id] = nil
            return nil
        }
        return session
    }

    /// A new session, for a visitor (no member) or a member who just signed in (a fresh id: the id of the
    /// session before signing in is dropped, so a planted id is worth nothing).
    func start(member: String?, replacing old: String? = nil, now: Date = Date()) -> Session {
        if let old { sessions[old] = nil }
        if sessions.count >= capacity { evict(now: now) }
        let lifetime = member == nil ? Self.visitorLifetime : Self.memberLifetime
        let session = Session(id: Token.random(), csrf: Token.random(), member: member, expires: now.addingTimeInterval(lifetime))
        sessions[session.id] = session
        return session
    }

    /// Signs out: the session is gone.
    func end(_ id: String) {
        sessions[id] = nil
    }

    private func evict(now: Date) {
        sessions = sessions.filter { $0.value.expires > now }
        if sessions.count >= capacity {
            let oldest = sessions.values.sorted { $0.expires < $1.expires }.prefix(capacity / 10 + 1)
            for session in oldest { sessions[session.id] = nil }
        }
    }
}
