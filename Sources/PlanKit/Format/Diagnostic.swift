import Localization

/// One problem found in a plan's files, pointing at the exact place: `path:line:column: severity: message`.
///
/// Lines and columns are 1-based; column counts Unicode scalars (characters as a person sees them in an
/// editor), not bytes. A diagnostic about a whole file uses line 1, column 1.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a problem is: errors make `nap validate` fail, warnings do not.
    public enum Severity: String, Sendable, Codable, Hashable {
        case error
        case warning
    }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// What is wrong, in any language (`text.localized` for people).
    public var text: Message
    /// What is wrong, in English (`--json`, logs, tests).
    public var message: String { text.description }

    enum CodingKeys: String, CodingKey { case path, line, column, severity, text = "message" }

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: Message) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.text = message
    }

    /// The compiler-style line in English: `commitments/1-1.md:12:3: error: milestone 2 has no output`.
    public var description: String { resolved(in: .english) }

    /// The compiler-style line in `language`: the position as it is, the severity and the message translated
    /// (`commitments/1-1.md:12:3: 錯誤：……`).
    public func resolved(in language: Language) -> String {
        located.resolved(in: language)
    }

    /// The compiler-style line as a message.
    public var located: Message {
        Message(verbatim: "\(path):\(line):\(column): ") + (severity == .error ? L("error: \(text)") : L("warning: \(text)"))
    }

    /// The compiler-style line in the process's language (`Language.current`).
    public var localized: String { resolved(in: .current) }
}

/// Where plan files are read from: the working tree, or a commit's tree. Paths are relative to the plan's
/// root and use `/`.
public protocol PlanFileSource {
    /// The bytes of the file at `path`, or nil when there is no such file.
    func read(_ path: String) throws -> [UInt8]?
    /// The names (not paths) of the regular files directly inside `directory`, sorted; empty when the
    /// directory does not exist.
    func list(_ directory: String) throws -> [String]
    /// A name of the bytes of the file at `path` that changes whenever they do (a git blob id), or nil
    /// when the source has none or there is no such file: a validator with a `PlanParseMemo` reuses what it
    /// parsed of the same bytes at the same path.
    func contentID(_ path: String) throws -> String?
}

extension PlanFileSource {
    /// Files on disk have no content id: they are read and parsed every time.
    public func contentID(_ path: String) throws -> String? { nil }
}
