import Localization
import Yams

/// Reads fields out of a YAML document (composed with Yams, so every node knows its position) and
/// records a `Diagnostic` for every problem, positioned in the file. Values are read from the scalar's
/// text as written, so YAML 1.1 coercions (`no` → false, `2021-01-15` → a date) never change them.
final class FieldReader {
    let path: String
    /// How many file lines come before the YAML text (1 for front matter after its `---` line).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    // MARK: Reporting

    func report(_ severity: Diagnostic.Severity, _ message: Message, at node: Yams.Node?) {
        let mark = node?.mark
        report(severity, message, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Reports at a position within the YAML text (1-based).
    func report(_ severity: Diagnostic.Severity, _ message: Message, line: Int, column: Int) {
        diagnostics.append(Diagnostic(path: path, line: line + lineOffset, column: column, severity: severity, message: message))
    }

    func error(_ message: Message, at node: Yams.Node?) { report(.error, message, at: node) }
    func warning(_ message: Message, at node: Yams.Node?) { report(.warning, message, at: node) }

    /// Adds a diagnostic already positioned in the file.
    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: Parsing

    /// Composes `yaml`; on a syntax error records it (with its position) and returns nil. An empty
    /// document gives nil without a diagnostic: callers say what was expected. A document with an anchor
    /// or alias (`&name`, `*name`, `<<: *name`) is refused at the first one, before it is composed: nap's
    /// files have no use for them, and a few hundred kilobytes of nested aliases expand to billions of
    /// nodes in any walk over the document (the "billion laughs"), composing included.
    func compose(_ yaml: String) -> Yams.Node? {
        if let alias = YAMLAliases.first(in: yaml) {
            report(.error, L("YAML anchors and aliases (&name, *name) are not allowed in nap's files; write the value out in full"),
                   line: alias.line, column: alias.column)
            return nil
        }
        do {
            // The default resolver, though nap reads every scalar by its text and style and never by its
            // tag: Yams tells duplicate keys apart by text and tag, so `no:` beside `"no":` is accepted
            // with it and refused without it, and a file's reading must not change with nap's version.
            return try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            record(error, in: yaml)
        } catch {
            report(.error, L("YAML: \(String(describing: error))"), line: 1, column: 1)
        }
        return nil
    }

    private func record(_ error: YamlError, in yaml: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = context.map { L("YAML: \(problem) (\($0.text) on line \($0.mark.line + lineOffset))") } ?? L("YAML: \(problem)")
            report(.error, message, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            if let key = duplicates.sorted().first, let line = Self.repeatedKeyLine(key, after: first, in: yaml) {
                report(.error, L("YAML: the key \(keys) appears more than once in the same mapping (first on line \(first.line + lineOffset))"),
                       line: line, column: first.column)
            } else {
                report(.error, L("YAML: the key \(keys) appears more than once in the same mapping"), line: first.line, column: first.column)
            }
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = offset.map { Self.position(ofCharacter: $0, in: yaml) } ?? (1, 1)
            report(.error, L("YAML: \(problem)"), line: line, column: column)
        default:
            report(.error, L("YAML: \(String(describing: error))"), line: 1, column: 1)
        }
    }

    /// The line (after `first`) where `key` is written again at the same column, if it can be found.
    private static func repeatedKeyLine(_ key: String, after first: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= first.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") { return index + 1 }
        }
        return nil
    }

    private static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars[text.startIndex..<end] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    // MARK: Shapes

    static func isNull(_ node: Yams.Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The mapping, or nil after reporting that `what` must be one.
    func mapping(_ node: Yams.Node, _ what: Message, at place: Yams.Node? = nil) -> Yams.Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        error(L("\(what) must be a mapping of fields (key: value lines)"), at: Self.isNull(node) ? place ?? node : node)
        return nil
    }

    /// The sequence's items; nil for a missing value; reports any other shape.
    func sequence(_ node: Yams.Node, _ what: Message, at place: Yams.Node? = nil) -> [Yams.Node]? {
        if case .sequence(let sequence) = node { return Array(sequence) }
        if Self.isNull(node) { return [] }
        error(L("\(what) must be a list (lines starting with '- ')"), at: node)
        return nil
    }

    /// The scalar's text as written, trimmed; nil after reporting any other shape.
    func scalar(_ node: Yams.Node, _ what: Message) -> String? {
        if case .scalar(let scalar) = node { return Self.isNull(node) ? "" : scalar.string.trimmed }
        if case .mapping = node {
            error(L("\(what) must be a single value, not a mapping"), at: node)
        } else {
            error(L("\(what) must be a single value, not a list"), at: node)
        }
        return nil
    }

    /// The key and value nodes of `key` in the mapping.
    static func entry(_ mapping: Yams.Node.Mapping, _ key: String) -> (key: Yams.Node, value: Yams.Node)? {
        mapping.first { $0.key.scalar?.string == key }.map { ($0.key, $0.value) }
    }

    /// Warns about keys that are not in `known`: usually a typo that would otherwise be silently ignored.
    func warnUnknownKeys(_ mapping: Yams.Node.Mapping, known: [String], in what: Message) {
        for (key, _) in mapping {
            let name = key.scalar?.string ?? "?"
            if !known.contains(name) {
                warning(L("unknown field '\(name)' in \(what) (known fields: \(known.joined(separator: ", ")))"), at: key)
            }
        }
    }

    // MARK: Typed fields

    /// A text field. A required field that is missing or empty is an error reported at `owner` (the mapping's
    /// key) or at the empty value.
    func text(_ mapping: Yams.Node.Mapping, _ key: String, _ what: Message, required: Bool, owner: Yams.Node?) -> String? {
        guard let (keyNode, value) = Self.entry(mapping, key) else {
            if required { error(L("\(what) is missing (add a '\(key):' line)"), at: owner) }
            return nil
        }
        guard let text = scalar(value, what) else { return nil }
        if text.isEmpty {
            if required { error(L("\(what) is empty"), at: keyNode) }
            return nil
        }
        return text
    }

    /// A language map (`zh-Hant: …`, `en: …`) that must have text in every one of `languages`. Languages
    /// not in the plan are warned about.
    func localized(_ node: Yams.Node, _ what: Message, languages: [String], at keyNode: Yams.Node?) -> LocalizedText {
        if Self.isNull(node) {
            error(languages.isEmpty ? L("\(what) is empty")
                  : L("\(what) is empty (give a text in \(languages.joined(separator: ", ")))"), at: keyNode ?? node)
            return [:]
        }
        if case .scalar = node {
            error(L("\(what) must give a text per language (\(languages.map { "\($0): …" }.joined(separator: ", ")))"), at: node)
            return [:]
        }
        guard let mapping = mapping(node, what, at: keyNode) else { return [:] }
        var result: LocalizedText = [:]
        for (languageNode, textNode) in mapping {
            let language = languageNode.scalar?.string ?? "?"
            guard let text = scalar(textNode, L("\(what) in \(language)")) else { continue }
            if !languages.isEmpty, !languages.contains(language) {
                warning(L("\(what) has text in '\(language)', which is not one of the plan's languages (\(languages.joined(separator: ", ")))"), at: languageNode)
            }
            if text.isEmpty {
                if languages.contains(language) { error(L("\(what) has no \(language) text"), at: languageNode) }
                continue
            }
            result[language] = text
        }
        for language in languages where result[language] == nil && Self.entry(mapping, language) == nil {
            error(L("\(what) has no \(language) text (add a '\(language):' line)"), at: keyNode ?? node)
        }
        return result
    }

    /// A date field (`YYYY-MM` or `YYYY-MM-DD`).
    func date(_ mapping: Yams.Node.Mapping, _ key: String, _ what: Message, required: Bool, owner: Yams.Node?) -> PlanDate? {
        guard let (keyNode, value) = Self.entry(mapping, key) else {
            if required { error(L("\(what) is missing (add '\(key): YYYY-MM')"), at: owner) }
            return nil
        }
        guard let text = scalar(value, what) else { return nil }
        guard !text.isEmpty else {
            if required { error(L("\(what) is empty (write YYYY-MM or YYYY-MM-DD)"), at: keyNode) }
            return nil
        }
        do {
            return try PlanDate(parsing: text)
        } catch let problem as FormatError {
            error(L("\(what): \(problem.message)"), at: value)
        } catch {
            self.error(L("\(what): '\(text)' is not a date"), at: value)
        }
        return nil
    }

    /// A `{start, end}` period whose start is not after its end.
    func period(_ node: Yams.Node, _ what: Message, at keyNode: Yams.Node) -> (Period?, start: Yams.Node?, end: Yams.Node?) {
        guard let mapping = mapping(node, what, at: keyNode) else { return (nil, nil, nil) }
        warnUnknownKeys(mapping, known: ["start", "end"], in: what)
        let start = date(mapping, "start", L("\(what) start"), required: true, owner: keyNode)
        let end = date(mapping, "end", L("\(what) end"), required: true, owner: keyNode)
        let startNode = Self.entry(mapping, "start")?.value
        let endNode = Self.entry(mapping, "end")?.value
        guard let start, let end else { return (nil, startNode, endNode) }
        let period = Period(start: start, end: end)
        guard period.isOrdered else {
            error(L("\(what) ends (\(end)) before it starts (\(start))"), at: endNode)
            return (nil, startNode, endNode)
        }
        return (period, startNode, endNode)
    }

    /// A whole number in `range`, or nil when absent (or after reporting a value that is not one). The text
    /// is checked before it is converted: digits only, so no value in a file can overflow.
    func integer(_ mapping: Yams.Node.Mapping, _ key: String, _ what: Message, in range: ClosedRange<Int>) -> Int? {
        guard let (_, value) = Self.entry(mapping, key), let text = scalar(value, what), !text.isEmpty else { return nil }
        guard text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text), range.contains(number) else {
            error(L("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text.prefix(40))'"), at: value)
            return nil
        }
        return number
    }

    /// A `true`/`false` field, or the default when absent.
    func bool(_ mapping: Yams.Node.Mapping, _ key: String, _ what: Message, default defaultValue: Bool) -> Bool {
        guard let (_, value) = Self.entry(mapping, key), let text = scalar(value, what), !text.isEmpty else { return defaultValue }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error(L("\(what) must be true or false, not '\(text)'"), at: value)
            return defaultValue
        }
    }
}

extension Message {
    /// The name of a field or file as it is written (`policy.require-signatures`, `plan.yml`): not
    /// translated, since it is what people type.
    static func field(_ name: String) -> Message { Message(verbatim: name) }
}
