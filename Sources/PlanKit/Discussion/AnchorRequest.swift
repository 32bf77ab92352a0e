import GitKit
import Localization

/// Where a person asked a comment to point: `PATH[:LINE[-LINE]]` as typed after `--on`.
public struct AnchorRequest: Sendable, Equatable {
    public let path: String
    public let startLine: Int?
    public let endLine: Int?

    public init(path: String, startLine: Int?, endLine: Int?) {
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
    }

    /// Parses `commitments/1-1.md:12-14`, `commitments/1-1.md:12` or `commitments/1-1.md`.
    public static func parse(_ text: String) throws -> AnchorRequest {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard !path.isEmpty else { throw PlanError.invalidInput(L("--on needs a file path, e.g. commitments/1-1.md:12-14")) }
        guard parts.count == 2 else { return AnchorRequest(path: path, startLine: nil, endLine: nil) }
        let range = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(range.count), let start = Int(range[0]), start >= 1 else {
            throw PlanError.invalidInput(L("'\(parts[1])' is not a line or line range (use 12 or 12-14)"))
        }
        let end = range.count == 2 ? Int(range[1]) : start
        guard let end, end >= start else { throw PlanError.invalidInput(L("'\(parts[1])': the range must end at or after its start")) }
        return AnchorRequest(path: path, startLine: start, endLine: end)
    }
}

/// Where an anchored comment stands against the proposal's current text.
public enum AnchorPosition: Sendable, Equatable {
    /// The quoted text is at these lines of the current head.
    case current(startLine: Int, endLine: Int)
    /// The quoted text is no longer in the file.
    case outdated

    /// Finds the quote in the file as it is at `head` (re-anchoring when it moved).
    public static func locate(_ anchor: Anchor, in text: String?) -> AnchorPosition {
        guard let text else { return .outdated }
        return locate(anchor, lines: lines(of: text))
    }

    /// A file's lines as `locate` compares them (a final carriage return removed from each).
    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    /// `locate(_:in:)` on a file already split by `lines(of:)`: a proposal's anchored comments share it.
    static func locate(_ anchor: Anchor, lines: [String]) -> AnchorPosition {
        let quote = anchor.quote.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !quote.isEmpty, quote.count <= lines.count else { return .outdated }
        let original = anchor.startLine - 1
        if original >= 0, original + quote.count <= lines.count, Array(lines[original..<original + quote.count]) == quote {
            return .current(startLine: anchor.startLine, endLine: anchor.startLine + quote.count - 1)
        }
        // The nearest place where the quote now stands.
        var best: Int?
        for start in 0...(lines.count - quote.count) where lines[start] == quote[0] && Array(lines[start..<start + quote.count]) == quote {
            if let current = best, abs(current - original) <= abs(start - original) { continue }
            best = start
        }
        guard let found = best else { return .outdated }
        return .current(startLine: found + 1, endLine: found + quote.count)
    }
}
