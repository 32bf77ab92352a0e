import Localization
import Yams

/// Edits `members.yml` as text, so that the comments, order and layout people gave the file survive and
/// a change shows in `git diff` as just the lines added.
public enum MembersEditor {
    /// `text` with `member` appended to the `members:` list, as a block of one field per line.
    ///
    /// Handles an empty list written `members: []` (or `members:` with nothing after it), keeps the file's
    /// line breaks (LF or CRLF) and indentation, and refuses a member whose id or email (compared
    /// case-insensitively) is already listed.
    /// - Throws: `FormatError.invalidMember`, `.duplicateMemberID`, `.duplicateMemberEmail`;
    ///   `.invalidFile` when the file has YAML errors; `.unsupportedLayout` for a non-empty flow list.
    public static func adding(_ member: Member, to text: String, path: String = PlanFiles.members) throws -> String {
        try check(member)
        let existing = try existingMembers(in: text, path: path)
        if existing.contains(where: { $0.id == member.id }) { throw FormatError.duplicateMemberID(member.id) }
        if existing.contains(where: { $0.email.lowercased() == member.email.lowercased() }) {
            throw FormatError.duplicateMemberEmail(member.email)
        }
        var lines = TextLines(text)
        let lineBreak = lines.preferredBreak
        guard let keyIndex = lines.contents.firstIndex(where: isMembersKey) else {
            guard existing.isEmpty else {
                throw FormatError.unsupportedLayout(path: path, reason: L("'members:' does not start a line; nap cannot find where the list is"))
            }
            lines.insert(["members:"] + block(for: member, indent: "  "), at: lines.contents.count, lineBreak: lineBreak)
            return lines.joined()
        }
        let keyLine = lines.contents[keyIndex]
        let afterKey = keyLine.dropFirst("members:".count)
        let value = afterKey.prefix { $0 != "#" }.trimmed
        if value == "[]" {
            let comment = afterKey.drop { $0 != "#" }
            lines.replace(lineAt: keyIndex, with: "members:" + (comment.isEmpty ? "" : " " + comment))
        } else if !value.isEmpty {
            throw FormatError.unsupportedLayout(path: path, reason: L("the members list is written on one line ([…]); write one field per line"))
        }
        // The list ends before the next line that starts at column 1 with anything but '-' or '#'.
        var end = keyIndex + 1
        var lastContent = keyIndex
        var indent: String?
        while end < lines.contents.count {
            let line = lines.contents[end]
            let trimmed = line.trimmed
            if !trimmed.isEmpty, let first = line.first, first != " ", first != "\t", first != "-", first != "#" { break }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                lastContent = end
                if indent == nil, trimmed.hasPrefix("-") { indent = String(line.prefix { $0 == " " }) }
            }
            end += 1
        }
        var newLines = block(for: member, indent: indent ?? "  ")
        if lastContent != keyIndex { newLines.insert("", at: 0) }
        lines.insert(newLines, at: lastContent + 1, lineBreak: lineBreak)
        let result = lines.joined()
        guard (try? existingMembers(in: result, path: path))?.contains(where: { $0.id == member.id }) == true else {
            throw FormatError.unsupportedLayout(path: path, reason: L("nap could not add the member without rewriting the file; add it by hand"))
        }
        return result
    }

    private static func isMembersKey(_ line: Substring) -> Bool {
        line.hasPrefix("members:")
    }

    /// The lines of one member entry: `- id: …` then one field per line.
    static func block(for member: Member, indent: String) -> [String] {
        var fields: [(String, String)] = [
            ("id", member.id), ("name", member.name), ("email", member.email), ("sector", member.sector.rawValue),
        ]
        if let organization = member.organization, !organization.isEmpty { fields.append(("organization", organization)) }
        fields.append(("role", member.role.rawValue))
        if let key = member.key, !key.isEmpty { fields.append(("key", key)) }
        var lines = fields.enumerated().map { index, field in
            indent + (index == 0 ? "- " : "  ") + field.0 + ": " + YAMLScalar.render(field.1)
        }
        if !member.groups.isEmpty {
            lines.append(indent + "  groups: [" + member.groups.map(YAMLScalar.render).joined(separator: ", ") + "]")
        }
        return lines
    }

    private static func check(_ member: Member) throws {
        if let problem = Identifier.problem(in: member.id) {
            throw FormatError.invalidMember(field: "id", value: member.id, reason: problem)
        }
        if member.name.trimmed.isEmpty { throw FormatError.invalidMember(field: "name", value: member.name, reason: L("a name is needed")) }
        if let problem = EmailAddress.problem(in: member.email) {
            throw FormatError.invalidMember(field: "email", value: member.email, reason: problem)
        }
        if let key = member.key, !key.isEmpty, let problem = PublicKeyLine.problem(in: key) {
            throw FormatError.invalidMember(field: "key", value: key, reason: problem)
        }
        for group in member.groups {
            if let problem = Identifier.problem(in: group) {
                throw FormatError.invalidMember(field: "groups", value: group, reason: L("\(problem) (a group is an area id such as open-data)"))
            }
        }
    }

    /// The ids and emails already in the file (also of entries that fail validation, so that no id or
    /// email is ever listed twice). The file must be valid YAML of the right shape.
    private static func existingMembers(in text: String, path: String) throws -> [(id: String, email: String)] {
        var problems: [Diagnostic] = []
        guard let source = SourceText.decode(Array(text.utf8), path: path, into: &problems) else {
            throw FormatError.invalidFile(path: path, diagnostics: problems)
        }
        let reader = FieldReader(path: path)
        let root = reader.compose(source.text)
        guard reader.diagnostics.isEmpty else { throw FormatError.invalidFile(path: path, diagnostics: reader.diagnostics) }
        guard let root else { return [] }
        guard case .mapping(let fields) = root else {
            throw FormatError.unsupportedLayout(path: path, reason: L("the file is not a mapping with a 'members:' list"))
        }
        guard let (_, value) = FieldReader.entry(fields, "members"), !FieldReader.isNull(value) else { return [] }
        guard case .sequence(let items) = value else {
            throw FormatError.unsupportedLayout(path: path, reason: L("'members:' is not a list"))
        }
        return items.compactMap { item in
            guard case .mapping(let entry) = item else { return nil }
            return (FieldReader.entry(entry, "id")?.value.scalar?.string ?? "",
                    FieldReader.entry(entry, "email")?.value.scalar?.string ?? "")
        }
    }
}
