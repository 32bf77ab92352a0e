import Localization

/// Makes a new commitment file from the template (`plan-template/commitment.md`): every OGP field, with
/// the id, titles and period filled in and guidance in comments, so that validation lists what is left
/// to write.
public enum CommitmentTemplate {
    /// The template's text as built into nap.
    public static var text: String {
        String(decoding: PlanTemplate.embeddedFiles["commitment.md"] ?? [], as: UTF8.self)
    }

    /// The text of `commitments/<id>.md` for a plan written in `languages` (primary first). A title missing
    /// from `titles` is left empty; a language the template lacks gets the English guidance.
    /// - Throws: `FormatError.invalidIdentifier`, `.invalidLanguage`, `.invalidPeriod`.
    public static func make(id: String, titles: LocalizedText, languages: [String], period: Period) throws -> String {
        try Identifier.check(id)
        guard !languages.isEmpty else { throw FormatError.invalidLanguage("", reason: L("a commitment needs at least one language")) }
        for language in languages {
            if let problem = LanguageCode.problem(in: language) { throw FormatError.invalidLanguage(language, reason: problem) }
        }
        guard period.isOrdered else { throw FormatError.invalidPeriod(start: period.start.description, end: period.end.description) }
        let template = SourceText(path: "commitment.md", text: String(decoding: SourceText.normalisingLineBreaks(Array(text.utf8)[...]), as: UTF8.self))
        let (split, _) = FrontMatter.split(template.lines, path: "commitment.md")
        guard let frontMatter = split else { throw FormatError.brokenTemplate("commitment.md has no front matter") }
        let body = CommitmentBody(lines: frontMatter.body, firstLine: frontMatter.closingLine + 1)
        let templateLanguages = body.blocks.compactMap(\.language)
        guard let fallback = templateLanguages.last else { throw FormatError.brokenTemplate("commitment.md has no language blocks") }

        let yamlLines = TemplateText.expandLanguages(frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                                     templateLanguages: templateLanguages, to: languages)
        var output = ["---"] + yamlLines + ["---"]
        output += frontMatter.body.prefix(max(0, (body.blocks.first?.line ?? Int.max) - frontMatter.closingLine - 1)).map(String.init)
        for language in languages {
            let source = body.blocks.first { $0.language == language } ?? body.blocks.first { $0.language == fallback }
            guard let block = source else { continue }
            var lines = blockLines(block, in: body, frontMatter: frontMatter)
            if block.language != language, !lines.isEmpty {
                lines[0] = "# \(LanguageCode.name(of: language) ?? language) {lang=\(language)}"
            }
            if output.last?.isEmpty == false { output.append("") }
            output += lines
        }
        let yaml = yamlLines.joined(separator: "\n")
        var values: [([String], String)] = [(["id"], YAMLScalar.quotedIfNeeded(id))]
        values += languages.map { (["title", $0], YAMLScalar.quotedIfNeeded(titles[$0]?.trimmed ?? "")) }
        values += [(["period", "start"], period.start.description), (["period", "end"], period.end.description)]
        while output.last?.isEmpty == true { output.removeLast() }
        return try TemplateText.fill(output.joined(separator: "\n") + "\n", yaml: yaml, yamlLineOffset: 1, values: values)
    }

    /// The raw lines of a language block, from its heading to the next block (trailing blank lines dropped).
    private static func blockLines(_ block: CommitmentBody.LanguageBlock, in body: CommitmentBody, frontMatter: FrontMatter) -> [String] {
        let lines = frontMatter.body
        let firstLine = frontMatter.closingLine + 1
        let next = body.blocks.first { $0.line > block.line }?.line ?? (firstLine + lines.count)
        var result = lines[(lines.startIndex + block.line - firstLine)..<(lines.startIndex + next - firstLine)].map(String.init)
        while result.last?.trimmed.isEmpty == true { result.removeLast() }
        return result
    }
}
