/// Where things live in a plan repository, and the limits nap applies to its files.
public enum PlanFiles {
    public static let plan = "plan.yml"
    public static let members = "members.yml"
    public static let governance = "GOVERNANCE.md"
    public static let readme = "README.md"
    public static let commitments = "commitments"
    /// Files larger than this (1 MiB) are refused with a diagnostic instead of being parsed slowly.
    public static let maximumFileSize = 1 << 20

    /// `commitments/<id>.md`.
    public static func commitmentPath(id: String) -> String { "\(commitments)/\(id).md" }
}

/// The result of reading one plan file: the value nap could make of it (best effort: present whenever the
/// file could be parsed at all, even with errors) and every problem found.
public struct Parsed<Value> {
    public var value: Value?
    public var diagnostics: [Diagnostic]

    public init(value: Value?, diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// Whether no diagnostic is an error.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

extension Parsed: Sendable where Value: Sendable {}

extension Array where Element == Diagnostic {
    /// Ordered by path, line, column (then severity and message, so the order is stable).
    public func sortedByPosition() -> [Diagnostic] {
        sorted {
            ($0.path, $0.line, $0.column, $0.severity.rawValue, $0.message)
                < ($1.path, $1.line, $1.column, $1.severity.rawValue, $1.message)
        }
    }
}
