import Foundation

/// What a validator parsed of plan files, kept under what each parse was made from: the file's content
/// id (a git blob id, `PlanFileSource.contentID`), its path, the size limit and — for a commitment — the
/// plan's languages and period it is checked against. Validating many trees that share most of their
/// files (each open proposal merged into main, for the merge gate) then parses each file once instead of
/// once per tree; the result is the same, since a parse is a function of exactly these.
///
/// Safe to share between threads (a lock guards the table; a parse runs outside it).
public final class PlanParseMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var parses: [String: Any] = [:]
    /// The most parses kept; past it the memo starts again empty.
    static let limit = 512

    public init() {}

    /// The parse kept under `key`, if any (and of this type).
    func known<Value>(_ key: String, as type: Value.Type = Value.self) -> Parsed<Value>? {
        lock.withLock { parses[key] } as? Parsed<Value>
    }

    /// Keeps `parsed` under `key`.
    func keep<Value>(_ parsed: Parsed<Value>, under key: String) {
        lock.withLock {
            if parses.count >= Self.limit { parses.removeAll() }
            parses[key] = parsed
        }
    }

    /// The key of plan.yml's, members.yml's or a commitment's parse (each part with its length first, so
    /// that no two different inputs make one key). A commitment is checked against the plan's languages
    /// and period, which are part of its key; plan.yml and members.yml have `plan` nil.
    static func key(contentID: String, path: String, sizeLimit: Int, plan: Plan?) -> String {
        var parts = [contentID, path, String(sizeLimit)]
        if let plan {
            parts.append(String(plan.languages.count))
            parts += plan.languages
            parts.append(plan.period?.description ?? "")
        }
        return parts.map { "\($0.utf8.count):\($0)" }.joined()
    }
}
