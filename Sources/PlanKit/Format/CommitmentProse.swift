import Localization

/// Checks a commitment's prose against the plan's languages: one block per language, every required
/// section present and not empty in each, no unknown or repeated sections, and translations that record
/// (with `source=`) the current primary-language text they were made from.
struct CommitmentProse {
    let body: CommitmentBody
    let path: String
    let id: String
    /// The plan's languages, primary first; empty when unknown (then only the structure is checked).
    let languages: [String]
    /// Where to report a missing language when the body is empty: the front matter's closing line.
    let emptyBodyLine: Int

    /// The sections with a known key, in languages the plan uses (or all, when the languages are unknown).
    var sections: [CommitmentSection] {
        body.blocks.flatMap { block -> [CommitmentSection] in
            guard let language = block.language, languages.isEmpty || languages.contains(language) else { return [] }
            return block.sections.compactMap { section in
                guard let key = section.key.flatMap(SectionKey.init(rawValue:)) else { return nil }
                return CommitmentSection(key: key, language: language, heading: section.title, text: section.text,
                                         source: section.source, line: section.line)
            }
        }
    }

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ line: Int, _ column: Int, _ message: Message) {
            diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: severity, message: message))
        }
        if let line = body.unclosedCommentLine {
            report(.warning, line, 1, L("this HTML comment (<!--) is never closed (-->), so everything after it is hidden"))
        }
        if let line = firstTextLine(body.leading, from: body.leadingLine) {
            report(.warning, line, 1, L("text before the first language heading (e.g. # 繁體中文 {lang=zh-Hant}) belongs to no language and is ignored"))
        }
        var seen: [String: Int] = [:]
        for block in body.blocks {
            guard let language = block.language else {
                report(.error, block.line, 1, L("this language heading has no {lang=…} attribute, e.g. '# English {lang=en}'"))
                continue
            }
            if let first = seen[language] {
                report(.error, block.line, block.attributes?.column ?? 1, L("a second \(language) block (the first is on line \(first))"))
                continue
            }
            seen[language] = block.line
            if !languages.isEmpty, !languages.contains(language) {
                report(.warning, block.line, block.attributes?.column ?? 1, L("'\(language)' is not one of the plan's languages (\(languages.joined(separator: ", "))); this block is ignored"))
                continue
            }
            if let line = firstTextLine(block.preamble, from: block.preambleLine) {
                report(.warning, line, 1, L("text before the first section (## … {#key}) of the \(language) block belongs to no section"))
            }
            checkSections(of: block, language: language, report: report)
        }
        for language in languages where seen[language] == nil {
            let line = body.blocks.first?.line ?? emptyBodyLine
            let heading = LanguageCode.name(of: language) ?? language
            report(.error, line, 1, L("there is no \(language) text: add a '# \(heading) {lang=\(language)}' heading followed by the sections"))
        }
        checkTranslations(report: report)
        return diagnostics
    }

    private func checkSections(
        of block: CommitmentBody.LanguageBlock, language: String,
        report: (Diagnostic.Severity, Int, Int, Message) -> Void
    ) {
        var seen: [SectionKey: Int] = [:]
        let known = SectionKey.allCases.map(\.rawValue).joined(separator: ", ")
        for section in block.sections {
            let column = section.attributes?.column ?? 1
            guard let name = section.key else {
                report(.error, section.line, 1, L("this section heading has no key; end it with one of {#\(SectionKey.allCases.map(\.rawValue).joined(separator: "} {#"))}"))
                continue
            }
            guard let key = SectionKey(rawValue: name) else {
                report(.error, section.line, column, L("'\(name)' is not a section key (use \(known))"))
                continue
            }
            if let first = seen[key] {
                report(.error, section.line, column, L("\(language) section '\(name)' appears twice (first on line \(first))"))
                continue
            }
            seen[key] = section.line
            if let source = section.source {
                if language == languages.first {
                    report(.warning, section.line, column, L("source= belongs on translations; \(language) is the primary language"))
                } else if !TranslationSource.isWellFormed(source) {
                    report(.error, section.line, column, L("source=\(source) is not a translation hash (8 lowercase hex digits)"))
                }
            }
            if key.isRequired, section.isEmpty, languages.isEmpty || languages.contains(language) {
                report(.error, section.line, 1, L("\(language) section '\(name)' is empty: write \(describe(key))"))
            }
        }
        guard languages.contains(language) else { return }
        for key in SectionKey.allCases where key.isRequired && seen[key] == nil {
            report(.error, block.line, 1, L("\(language) section '\(key.rawValue)' is missing: add '## \(key.heading(in: language)) {#\(key.rawValue)}' and write \(describe(key))"))
        }
    }

    /// Warns about translations made from an older primary text, or not marked with the text they match.
    private func checkTranslations(report: (Diagnostic.Severity, Int, Int, Message) -> Void) {
        guard let primaryLanguage = languages.first,
              let primary = body.blocks.first(where: { $0.language == primaryLanguage }) else { return }
        for block in body.blocks {
            guard let language = block.language, language != primaryLanguage, languages.contains(language) else { continue }
            for key in SectionKey.allCases {
                guard let original = primary.sections.first(where: { $0.key == key.rawValue }), !original.isEmpty else { continue }
                guard let translation = block.sections.first(where: { $0.key == key.rawValue }) else {
                    if !key.isRequired {
                        report(.warning, block.line, 1, L("\(language) has no '\(key.rawValue)' section but \(primaryLanguage) has text there"))
                    }
                    continue
                }
                let column = translation.attributes?.column ?? 1
                if translation.isEmpty {
                    if !key.isRequired {
                        report(.warning, translation.line, 1, L("\(language) section '\(key.rawValue)' is empty but \(primaryLanguage) has text there"))
                    }
                    continue
                }
                guard let source = translation.source else {
                    report(.warning, translation.line, column, L("\(language) section '\(key.rawValue)' does not record which \(primaryLanguage) text it translates; once it matches, run `nap commitment translated \(id)`"))
                    continue
                }
                if TranslationSource.isWellFormed(source), source != TranslationSource.hash(of: original.text) {
                    report(.warning, translation.line, column, L("\(language) section '\(key.rawValue)' was translated from an older \(primaryLanguage) text; update it, then run `nap commitment translated \(id)`"))
                }
            }
        }
    }

    /// The file line of the first line with text outside HTML comments, if any.
    private func firstTextLine(_ lines: [Substring], from firstLine: Int) -> Int? {
        var inComment = false
        for (offset, line) in lines.enumerated() where !MarkdownText.visiblePart(of: line, inComment: &inComment).trimmed.isEmpty {
            return firstLine + offset
        }
        return nil
    }

    private func describe(_ key: SectionKey) -> Message {
        switch key {
        case .summary: L("a brief description of the commitment")
        case .problem: L("the public problem the commitment addresses")
        case .causes: L("the causes of the problem")
        case .background: L("what has been done so far to solve the problem")
        case .solution: L("the proposed solution: what the commitment will do")
        case .results: L("the results the commitment is expected to achieve")
        case .analysis: L("how the commitment promotes transparency, accountability, participation and inclusion")
        case .additional: L("budget, links to other plans and strategies, SDGs")
        }
    }
}
