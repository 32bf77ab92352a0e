import Localization
import Yams

/// Sets a member's public key in `members.yml` as text: one `key:` line added to (or replaced in) that
/// member's block, so comments, order and layout survive and `git diff` shows only that line.
public enum MembersKeyEditor {
    /// `text` with the member `id`'s `key:` set to `key` (an `ssh-ed25519 AAAA…` line).
    /// - Throws: `FormatError.invalidMember` for a malformed key or an id not in the file;
    ///   `.invalidFile` when the file has YAML errors; `.unsupportedLayout` when the member is written in
    ///   a form nap cannot edit line by line (such as `- {id: …, …}`).
    public static func settingKey(_ key: String, ofMember id: String, in text: String, path: String = PlanFiles.members) throws -> String {
        if let problem = PublicKeyLine.problem(in: key) {
            throw FormatError.invalidMember(field: "key", value: key, reason: problem)
        }
        let parsed = Members.parse(Array(text.utf8), path: path)
        let diagnostics = parsed.diagnostics.filter { $0.severity == .error }
        guard parsed.value?.member(id: id) != nil else {
            if !diagnostics.isEmpty { throw FormatError.invalidFile(path: path, diagnostics: diagnostics) }
            throw FormatError.invalidMember(field: "id", value: id, reason: L("no member with this id in \(path)"))
        }
        var lines = TextLines(text)
        guard let block = memberBlock(id, in: lines.contents) else {
            throw FormatError.unsupportedLayout(path: path, reason: L("member \(id) is not written one field per line ('- id: …'); nap cannot edit it"))
        }
        let rendered = "key: " + YAMLScalar.render(key)
        if let keyLine = block.lines.first(where: { fieldName(lines.contents[$0]) == "key" }) {
            let content = lines.contents[keyLine]
            guard let range = content.range(of: "key:") else {
                throw FormatError.unsupportedLayout(path: path, reason: L("the key line of member \(id) cannot be edited"))
            }
            lines.replace(lineAt: keyLine, with: String(content[..<range.lowerBound]) + rendered)
        } else {
            let last = block.lines.last(where: { !lines.contents[$0].trimmed.isEmpty && !lines.contents[$0].trimmed.hasPrefix("#") }) ?? block.lines[0]
            lines.insert([block.fieldIndent + rendered], at: last + 1, lineBreak: lines.preferredBreak)
        }
        let result = lines.joined()
        let check = Members.parse(Array(result.utf8), path: path).value?.member(id: id)?.key
        guard check == key else {
            throw FormatError.unsupportedLayout(path: path, reason: L("adding the key to member \(id) would not read back as written; add `key: \(key)` by hand"))
        }
        return result
    }

    /// The lines of the member `id`'s block in the `members:` list, and the indent of its fields.
    private static func memberBlock(_ id: String, in contents: [Substring]) -> (lines: [Int], fieldIndent: String)? {
        guard let keyIndex = contents.firstIndex(where: { $0.hasPrefix("members:") }) else { return nil }
        var starts: [Int] = []
        var end = keyIndex + 1
        while end < contents.count {
            let line = contents[end]
            if let first = line.first, !line.trimmed.isEmpty, first != " ", first != "\t", first != "-", first != "#" { break }
            if line.trimmed.hasPrefix("- ") || line.trimmed == "-" { starts.append(end) }
            end += 1
        }
        for (position, start) in starts.enumerated() {
            let stop = position + 1 < starts.count ? starts[position + 1] : end
            let block = Array(start..<stop)
            let first = contents[start]
            let dashIndent = first.prefix { $0 == " " || $0 == "\t" }
            let afterDash = first.dropFirst(dashIndent.count + 1).prefix { $0 == " " }
            let fieldIndent = String(dashIndent) + " " + String(afterDash)
            guard block.contains(where: { index in
                fieldName(contents[index]) == "id" && scalarValue(contents[index]) == id
            }) else { continue }
            if first.trimmed.dropFirst().trimmed.hasPrefix("{") { return nil }
            return (block, fieldIndent.count > dashIndent.count + 1 ? fieldIndent : String(dashIndent) + "  ")
        }
        return nil
    }

    /// The field name of a block line (`  key: …` or `- id: …`), or nil.
    private static func fieldName(_ line: Substring) -> String? {
        var text = line.trimmed
        if text.hasPrefix("- ") { text = text.dropFirst(2).trimmed }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return String(name)
    }

    /// The YAML value after the colon, read as a scalar (quotes and comments handled by Yams).
    private static func scalarValue(_ line: Substring) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let raw = String(line[line.index(after: colon)...])
        guard YAMLAliases.first(in: raw) == nil else { return nil }
        return (try? Yams.compose(yaml: raw))??.scalar?.string
    }
}
