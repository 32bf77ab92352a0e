import Foundation
import Localization
import PlanKit

/// Words of nap's message catalogs resolved into Chinese once and kept: a sector, a role, a status or a
/// disposition by its identifier. Shared by the threads that render pages, so every access holds the lock.
final class ResolvedWords: @unchecked Sendable {
    /// What kind of word an identifier names (the same identifier could name two kinds).
    enum Kind: Hashable {
        case sector, role, status, disposition

        /// The catalogs' message for the identifier `name` of this kind.
        func message(_ name: String) -> Message {
            switch self {
            case .sector: MessageWords.sector(name)
            case .role: MessageWords.role(name)
            case .status: MessageWords.status(name)
            case .disposition: MessageWords.disposition(name)
            }
        }
    }

    private struct Key: Hashable {
        let kind: Kind
        let name: String
    }

    private let lock = NSLock()
    private var resolved: [Key: String] = [:]

    /// The word in Traditional Chinese, resolved the first time this kind and name are asked for.
    func chinese(_ kind: Kind, _ name: String) -> String {
        let key = Key(kind: kind, name: name)
        if let known = lock.withLock({ resolved[key] }) { return known }
        let text = kind.message(name).resolved(in: .traditionalChinese)
        lock.withLock { resolved[key] = text }
        return text
    }
}
