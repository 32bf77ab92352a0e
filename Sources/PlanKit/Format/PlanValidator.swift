import Localization

/// Everything read from a plan's files, with every problem found in them.
public struct PlanContents: Sendable {
    /// nil when plan.yml is missing or cannot be parsed at all.
    public var plan: Plan?
    /// nil when members.yml is missing or cannot be parsed at all.
    public var members: Members?
    /// The commitments that could be parsed, sorted by id.
    public var commitments: [Commitment]
    /// Every problem, sorted by path, line and column.
    public var diagnostics: [Diagnostic]

    public init(plan: Plan?, members: Members?, commitments: [Commitment], diagnostics: [Diagnostic]) {
        self.plan = plan
        self.members = members
        self.commitments = commitments
        self.diagnostics = diagnostics
    }

    /// The diagnostics that are errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Whether the plan validates: no errors (warnings allowed).
    public var isValid: Bool { errors.isEmpty }
}

/// Checks a plan's files all at once and reports every problem, each at its place:
/// plan.yml, members.yml, GOVERNANCE.md and every `commitments/*.md` (see docs/FORMAT.md for the rules).
public struct PlanValidator: Sendable {
    /// Files larger than this are refused with a diagnostic.
    public var maximumFileSize: Int
    /// Parses kept from earlier validations, reused for files the source names by content id.
    let memo: PlanParseMemo?

    public init(maximumFileSize: Int = PlanFiles.maximumFileSize, memo: PlanParseMemo? = nil) {
        self.maximumFileSize = maximumFileSize
        self.memo = memo
    }

    /// Every problem in the plan's files, sorted by path, line and column. Empty of errors means valid.
    public func validate(source: PlanFileSource) -> [Diagnostic] {
        load(source: source).diagnostics
    }

    /// Reads the plan's files into models, with every problem found.
    public func load(source: PlanFileSource) -> PlanContents {
        var diagnostics: [Diagnostic] = []
        var plan: Plan?
        if let parsed = parse(PlanFiles.plan, from: source, into: &diagnostics,
                              parse: { Plan.parse($0, path: PlanFiles.plan, sizeLimit: maximumFileSize) }) {
            plan = parsed.value
            diagnostics += parsed.diagnostics
        }
        var members: Members?
        if let parsed = parse(PlanFiles.members, from: source, into: &diagnostics,
                              parse: { Members.parse($0, path: PlanFiles.members, sizeLimit: maximumFileSize) }) {
            members = parsed.value
            diagnostics += parsed.diagnostics
        }
        if read(PlanFiles.governance, from: source, required: false, into: &diagnostics) == nil {
            diagnostics.append(Diagnostic(path: PlanFiles.governance, severity: .warning,
                                          message: L("GOVERNANCE.md is missing; OGP asks the forum to publish its rules")))
        }
        let commitments = loadCommitments(from: source, plan: plan, into: &diagnostics)
        return PlanContents(plan: plan, members: members, commitments: commitments, diagnostics: diagnostics.sortedByPosition())
    }

    private func loadCommitments(from source: PlanFileSource, plan: Plan?, into diagnostics: inout [Diagnostic]) -> [Commitment] {
        let names: [String]
        do {
            names = try source.list(PlanFiles.commitments)
        } catch {
            diagnostics.append(Diagnostic(path: PlanFiles.commitments, message: L("cannot list the commitments: \(String(describing: error))")))
            return []
        }
        var commitments: [Commitment] = []
        var pathsByFoldedID: [String: String] = [:]
        for name in names where !name.hasPrefix(".") {
            let path = PlanFiles.commitments + "/" + name
            guard name.hasSuffix(".md") else {
                diagnostics.append(Diagnostic(path: path, severity: .warning,
                                              message: L("not a commitment: commitment files end in .md; this file is ignored")))
                continue
            }
            let stem = String(name.dropLast(3))
            if let problem = Identifier.problem(in: stem) {
                diagnostics.append(Diagnostic(path: path, message: L("the file name is not a safe commitment id: \(problem)")))
                continue
            }
            if let other = pathsByFoldedID[stem.lowercased()] {
                diagnostics.append(Diagnostic(path: path, message: L("\(path) and \(other) differ only in letter case; on macOS and Windows they are the same file")))
            }
            pathsByFoldedID[stem.lowercased()] = path
            let id = memo == nil ? nil : try? source.contentID(path)
            let key = id.map { PlanParseMemo.key(contentID: $0, path: path, sizeLimit: maximumFileSize, plan: plan) }
            let parsed: Parsed<Commitment>
            if let key, let known = memo?.known(key, as: Commitment.self) {
                parsed = known
            } else {
                guard let bytes = read(path, from: source, required: true, into: &diagnostics) else { continue }
                parsed = Commitment.parse(bytes, path: path, plan: plan, sizeLimit: maximumFileSize)
                if let key { memo?.keep(parsed, under: key) }
            }
            diagnostics += parsed.diagnostics
            if let commitment = parsed.value { commitments.append(commitment) }
        }
        return commitments.sorted { $0.id < $1.id }
    }

    /// plan.yml or members.yml, parsed (or taken from the memo when the source names its content); nil
    /// when the file is missing or unreadable (reported).
    private func parse<Value>(_ path: String, from source: PlanFileSource, into diagnostics: inout [Diagnostic],
                              parse: ([UInt8]) -> Parsed<Value>) -> Parsed<Value>? {
        let id = memo == nil ? nil : try? source.contentID(path)
        let key = id.map { PlanParseMemo.key(contentID: $0, path: path, sizeLimit: maximumFileSize, plan: nil) }
        if let key, let known = memo?.known(key, as: Value.self) { return known }
        guard let bytes = read(path, from: source, required: true, into: &diagnostics) else { return nil }
        let parsed = parse(bytes)
        if let key { memo?.keep(parsed, under: key) }
        return parsed
    }

    private func read(_ path: String, from source: PlanFileSource, required: Bool, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        do {
            if let bytes = try source.read(path) { return bytes }
            if required { diagnostics.append(Diagnostic(path: path, message: L("\(path) is missing"))) }
        } catch {
            // A link out of the plan, or a file the system would not give, says so itself with the path.
            let located: Bool
            switch error as? PlanError {
            case .symbolicLink?, .refused?: located = true
            default: located = false
            }
            diagnostics.append(Diagnostic(path: path, message: located ? Message(verbatim: "\(error)") : L("cannot read \(path): \(String(describing: error))")))
        }
        return nil
    }
}
