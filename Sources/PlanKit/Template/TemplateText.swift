import Yams

/// Fills in template files as text, so their comments and layout reach the new plan unchanged.
enum TemplateText {
    /// Replaces placeholder values, found by their key path in the YAML (`["title", "en"]`). A placeholder
    /// is an empty double-quoted string `""` or a one-line plain scalar; `yamlLineOffset` is the number of
    /// file lines before the YAML text.
    static func fill(_ text: String, yaml: String, yamlLineOffset: Int, values: [([String], String)]) throws -> String {
        let reader = FieldReader(path: "template", lineOffset: yamlLineOffset)
        guard let root = reader.compose(yaml) else { throw FormatError.brokenTemplate("its YAML does not parse") }
        var lines = TextLines(text)
        for (keyPath, value) in values {
            guard let node = lookup(keyPath, in: root), case .scalar(let scalar) = node, let mark = scalar.mark else {
                throw FormatError.brokenTemplate("no placeholder for \(keyPath.joined(separator: "."))")
            }
            let length: Int
            switch scalar.style {
            case .doubleQuoted where scalar.string.isEmpty: length = 2
            case .plain where !scalar.string.contains("\n"): length = scalar.string.unicodeScalars.count
            default: throw FormatError.brokenTemplate("the placeholder for \(keyPath.joined(separator: ".")) is not \"\" or a plain value")
            }
            let index = mark.line + yamlLineOffset - 1
            guard lines.contents.indices.contains(index) else { throw FormatError.brokenTemplate("placeholder out of range") }
            let scalars = Array(lines.contents[index].unicodeScalars)
            let start = mark.column - 1
            guard start >= 0, start + length <= scalars.count else { throw FormatError.brokenTemplate("placeholder out of range") }
            var updated = String.UnicodeScalarView()
            updated.append(contentsOf: scalars[..<start])
            updated.append(contentsOf: value.unicodeScalars)
            updated.append(contentsOf: scalars[(start + length)...])
            lines.replace(lineAt: index, with: String(updated))
        }
        return lines.joined()
    }

    private static func lookup(_ keyPath: [String], in node: Yams.Node) -> Yams.Node? {
        var current = node
        for key in keyPath {
            guard case .mapping(let mapping) = current, let (_, value) = FieldReader.entry(mapping, key) else { return nil }
            current = value
        }
        return current
    }

    /// Rewrites the language-map lines of YAML (`zh-Hant: …` followed by `en: …` at the same key column)
    /// so that each map has a line for every one of `languages`, in that order. A language the template
    /// lacks gets an empty value `""`.
    static func expandLanguages(_ lines: [String], templateLanguages: [String], to languages: [String]) -> [String] {
        var result: [String] = []
        var group: [LanguageLine] = []
        func flush() {
            guard let first = group.first else { return }
            for (position, language) in languages.enumerated() {
                let source = group.first { $0.language == language }
                let rest = source?.rest ?? ": \"\""
                let dash = first.hasDash ? (position == 0 ? "- " : "  ") : ""
                result.append(first.indent + dash + language + rest)
            }
            group = []
        }
        for line in lines {
            if let parsed = LanguageLine(line, languages: templateLanguages) {
                if let first = group.first, parsed.keyColumn != first.keyColumn || parsed.hasDash { flush() }
                group.append(parsed)
            } else {
                flush()
                result.append(line)
            }
        }
        flush()
        return result
    }

    /// A YAML line whose key is one of the template's languages: `␣␣- zh-Hant: ""`.
    private struct LanguageLine {
        var indent: String
        var hasDash: Bool
        var language: String
        /// From the colon on: `: ""  # comment`.
        var rest: String
        var keyColumn: Int { indent.count + (hasDash ? 2 : 0) }

        init?(_ line: String, languages: [String]) {
            let indent = line.prefix { $0 == " " }
            var body = line.dropFirst(indent.count)
            hasDash = body.hasPrefix("- ")
            if hasDash { body = body.dropFirst(2) }
            guard let colon = body.firstIndex(of: ":") else { return nil }
            let key = String(body[..<colon])
            guard languages.contains(key) else { return nil }
            self.indent = String(indent)
            language = key
            rest = String(body[colon...])
        }
    }
}
