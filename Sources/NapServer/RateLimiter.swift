import Foundation

/// Limits how many posts one address, and everyone together, may make in a sliding window. Addresses are
/// kept in memory only, for the window, and never written anywhere.
actor RateLimiter {
    private let perAddress: Int
    private let overall: Int
    private let window: TimeInterval
    private var byAddress: [String: [Date]] = [:]
    private var all: [Date] = []

    init(limits: ServeLimits) {
        perAddress = limits.postsPerAddress
        overall = limits.postsOverall
        window = limits.window
    }

    enum Verdict: Equatable {
        case allowed
        case tooManyFromAddress
        case tooManyOverall
    }

    /// Counts a post from `address` now, when allowed.
    func admit(_ address: String, now: Date = Date()) -> Verdict {
        let since = now.addingTimeInterval(-window)
        all.removeAll { $0 < since }
        var mine = (byAddress[address] ?? []).filter { $0 >= since }
        if byAddress.count > 50_000 { byAddress = byAddress.filter { $0.value.contains { $0 >= since } } }
        guard mine.count < perAddress else {
            byAddress[address] = mine
            return .tooManyFromAddress
        }
        guard all.count < overall else { return .tooManyOverall }
        mine.append(now)
        byAddress[address] = mine
        all.append(now)
        return .allowed
    }
}
