import Localization

import Crypto

/// Detecting stale translations. A section in a non-primary language records, in its heading's
/// attribute, which primary-language text it was translated from: `## Problem definition {#problem
/// source=1a2b3c4d}`, where the hash is the first 8 hex digits of the SHA-256 of the primary section's
/// text (UTF-8, line breaks as LF, leading and trailing white space removed). When the primary text
/// changes, the hashes no longer match and validation warns.
public enum TranslationSource {
    /// The 8-hex-digit hash of a section's text, as written in `source=`.
    public static func hash(of sectionText: String) -> String {
        let bytes = SourceText.normalisingLineBreaks(Array(sectionText.utf8)[...])
        let normalised = String(decoding: bytes, as: UTF8.self).trimmed
        let digest = SHA256.hash(data: Array(normalised.utf8))
        return digest.prefix(4).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Whether `text` is written like a hash (8 lowercase hex digits).
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == 8 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// The commitment file `text` with `source=` set, in every translated section, to the hash of the
    /// primary-language section it corresponds to, recording that the translations now match the primary
    /// text (for `nap commitment translated`). Only the attributes of those headings change; everything else
    /// (comments, layout, line endings, a byte-order mark) is kept. Sections whose primary counterpart is
    /// missing or empty are left alone.
    ///
    /// - Parameters:
    ///   - sections: only these sections (all when nil).
    ///   - languages: only these translation languages (all when nil).
    /// - Throws: `FormatError.invalidFile` when the text has no front matter or no primary-language block.
    public static func stamping(
        _ text: String, path: String = "commitment", primaryLanguage: String,
        sections: Set<SectionKey>? = nil, languages: Set<String>? = nil
    ) throws -> String {
        var lines = TextLines(text)
        let (frontMatter, problem) = FrontMatter.split(lines.contents, path: path)
        guard let frontMatter else {
            throw FormatError.invalidFile(path: path, diagnostics: problem.map { [$0] } ?? [])
        }
        let body = CommitmentBody(lines: frontMatter.body, firstLine: frontMatter.closingLine + 1)
        guard let primary = body.blocks.first(where: { $0.language == primaryLanguage }) else {
            throw FormatError.invalidFile(path: path, diagnostics: [Diagnostic(
                path: path, message: L("there is no \(primaryLanguage) block (# … {lang=\(primaryLanguage)}) to take the source text from"))])
        }
        var hashes: [String: String] = [:]
        for section in primary.sections {
            guard let key = section.key, !section.isEmpty else { continue }
            if hashes[key] == nil { hashes[key] = hash(of: section.text) }
        }
        for block in body.blocks {
            guard let language = block.language, language != primaryLanguage,
                  languages?.contains(language) ?? true else { continue }
            for section in block.sections {
                guard let key = section.key, let attributes = section.attributes, let hash = hashes[key] else { continue }
                if let sections, !sections.contains(where: { $0.rawValue == key }) { continue }
                guard section.source != hash else { continue }
                lines.replaceAttribute(onLine: section.line, column: attributes.column, with: attributes.writing(source: hash))
            }
        }
        return lines.joined()
    }
}
