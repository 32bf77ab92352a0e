/// Character-level difference of two lines, so that a changed phrase inside a long line of Chinese text
/// (which has no spaces to split words at) stands out. Returns the segments of each side, each marked
/// changed or not. Used by `nap diff` on a terminal and by the website's proposal pages.
public enum IntralineDiff {
    /// A run of characters of one side, changed or shared with the other side.
    public struct Segment: Equatable, Sendable {
        public var text: String
        public var changed: Bool

        public init(text: String, changed: Bool) {
            self.text = text
            self.changed = changed
        }
    }

    /// Lines longer than this (in characters) fall back to common prefix and suffix.
    public static let limit = 1500

    public static func segments(old: String, new: String) -> (old: [Segment], new: [Segment]) {
        let a = Array(old), b = Array(new)
        // The shared start and end are unchanged; only the middle needs the quadratic comparison.
        var p = 0
        while p < a.count, p < b.count, a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p, s < b.count - p, a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        let x = Array(a[p..<(a.count - s)]), y = Array(b[p..<(b.count - s)])
        guard x.count <= limit, y.count <= limit else { return prefixSuffix(a, b) }
        var left: [Segment] = [], right: [Segment] = []
        if p > 0 {
            left.append(Segment(text: String(a[0..<p]), changed: false))
            right.append(Segment(text: String(b[0..<p]), changed: false))
        }
        // Longest common subsequence by dynamic programming over characters (one flat table).
        let n = x.count, m = y.count, width = m + 1
        var table = [UInt16](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * width + j] = x[i] == y[j] ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, x[i] == y[j] {
                append(&left, x[i], false); append(&right, y[j], false); i += 1; j += 1
            } else if j < m, i == n || table[i * width + j + 1] >= table[(i + 1) * width + j] {
                append(&right, y[j], true); j += 1
            } else {
                append(&left, x[i], true); i += 1
            }
        }
        if s > 0 {
            for character in a[(a.count - s)...] { append(&left, character, false) }
            for character in b[(b.count - s)...] { append(&right, character, false) }
        }
        return (left, right)
    }

    /// How much of the two lines is shared, from 0 to 1.
    public static func similarity(_ old: [Segment], _ new: [Segment]) -> Double {
        let shared = old.filter { !$0.changed }.reduce(0) { $0 + $1.text.count }
        let total = max(old.reduce(0) { $0 + $1.text.count }, new.reduce(0) { $0 + $1.text.count })
        return total == 0 ? 1 : Double(shared) / Double(total)
    }

    private static func append(_ segments: inout [Segment], _ character: Character, _ changed: Bool) {
        if let last = segments.last, last.changed == changed {
            segments[segments.count - 1].text.append(character)
        } else {
            segments.append(Segment(text: String(character), changed: changed))
        }
    }

    private static func prefixSuffix(_ a: [Character], _ b: [Character]) -> (old: [Segment], new: [Segment]) {
        var p = 0
        while p < a.count, p < b.count, a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p, s < b.count - p, a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        func split(_ x: [Character]) -> [Segment] {
            [Segment(text: String(x[0..<p]), changed: false), Segment(text: String(x[p..<(x.count - s)]), changed: true),
             Segment(text: String(x[(x.count - s)...]), changed: false)].filter { !$0.text.isEmpty }
        }
        return (split(a), split(b))
    }
}
