import Foundation
import PlanKit

/// The real texts the generated plan is made of: commitments from the OGP database export
/// (`ogp-commitments/open_parliament_0703.csv`) and Taiwanese action-plan material (`taiwan/`), cut into
/// sentences to write comments, responses and drafts with.
struct Corpus {
    /// OGP commitments with a title and a substantial full text, in the export's order.
    let commitments: [[String: String]]
    /// English sentences from the OGP full texts.
    let english: [String]
    /// Traditional Chinese sentences from the Taiwanese texts.
    let chinese: [String]
    /// Short Traditional Chinese phrases (between punctuation), for titles and milestones.
    let chinesePhrases: [String]
    /// Commitment 1-1 of Taiwan's first plan, in the plan format (docs/FORMAT.md's complete example).
    let taiwaneseCommitment: String?

    enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self { case .missing(let what): "nap-bench: \(what)" }
        }
    }

    static func load(data: URL, docs: URL) throws -> Corpus {
        let csvURL = data.appendingPathComponent("ogp-commitments/open_parliament_0703.csv")
        guard let csv = FileManager.default.contents(atPath: csvURL.path) else {
            throw LoadError.missing("cannot read \(csvURL.path); pass --data <shared/data folder>")
        }
        let table = try CSVTable.read(Array(csv), maximumBytes: 64 * 1024 * 1024)
        let header = table.first?.fields ?? []
        let records = table.dropFirst().map { row in
            Dictionary(zip(header, row.fields).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
        let rows = records.filter {
            !($0["Commitment Title"] ?? "").isEmpty && ($0["Full Text"] ?? "").count >= 400
        }
        var english: [String] = []
        for row in rows { english += englishSentences(row["Full Text"] ?? "") }
        let taiwan = data.appendingPathComponent("taiwan")
        var chineseText = ""
        for name in (try? FileManager.default.contentsOfDirectory(atPath: taiwan.path))?.sorted() ?? [] where name.hasSuffix(".md") {
            chineseText += (try? String(contentsOf: taiwan.appendingPathComponent(name), encoding: .utf8)) ?? ""
            chineseText += "\n"
        }
        let example = (try? String(contentsOf: docs.appendingPathComponent("FORMAT.md"), encoding: .utf8)).flatMap(formatExample)
        let chinese = chineseSentences(chineseText + "\n" + (example ?? ""))
        guard rows.count >= 10, english.count >= 100, chinese.count >= 20 else {
            throw LoadError.missing("the texts in \(data.path) are too few to build a plan from")
        }
        var phrases: [String] = []
        for sentence in chinese {
            for piece in sentence.split(whereSeparator: { "，、；：。（）「」".contains($0) }) {
                let phrase = piece.trimmingCharacters(in: .whitespaces)
                if (6...20).contains(phrase.count), !phrase.contains(where: { $0.isASCII && !$0.isLetter && !$0.isNumber }) { phrases.append(phrase) }
            }
        }
        return Corpus(commitments: rows, english: english, chinese: chinese, chinesePhrases: phrases, taiwaneseCommitment: example)
    }

    /// Sentences of an English full text, one line each.
    static func englishSentences(_ text: String) -> [String] {
        let flat = clean(text)
        var result: [String] = []
        var current = ""
        for word in flat.split(separator: " ") {
            current += current.isEmpty ? String(word) : " " + word
            if word.hasSuffix(".") || word.hasSuffix(";") || word.hasSuffix("?"), current.count >= 40 {
                result.append(current)
                current = ""
            }
        }
        if current.count >= 40 { result.append(current) }
        return result.filter { $0.count <= 500 && $0.first?.isLetter == true }
    }

    /// Sentences of Chinese Markdown text: headings, list markers and front matter removed.
    static func chineseSentences(_ text: String) -> [String] {
        var result: [String] = []
        for rawLine in text.split(separator: "\n") {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.hasPrefix("---") || line.hasPrefix("|") || line.hasPrefix("<") || line.hasPrefix("```") { continue }
            while let first = line.first, "-*>0123456789. ".contains(first) { line.removeFirst() }
            guard line.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) else { continue }
            var sentence = ""
            for character in line {
                sentence.append(character)
                if "。！？".contains(character) {
                    if sentence.count >= 8 { result.append(clean(sentence)) }
                    sentence = ""
                }
            }
            if sentence.count >= 8 { result.append(clean(sentence)) }
        }
        return result
    }

    /// One line of plain text: control characters and runs of white space become one space.
    static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" ? " " : Character($0) }
        return String(scalars).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The complete commitment example of docs/FORMAT.md (`<!-- example: commitments/1-1.md -->`).
    static func formatExample(_ format: String) -> String? {
        guard let marker = format.range(of: "<!-- example: commitments/1-1.md -->") else { return nil }
        let rest = format[marker.upperBound...]
        guard let open = rest.range(of: "````markdown\n") else { return nil }
        let body = rest[open.upperBound...]
        guard let close = body.range(of: "\n````") else { return nil }
        return String(body[..<close.lowerBound]) + "\n"
    }

    // MARK: Texts for the record

    /// A comment: mostly short, some of a paragraph, a few long (several KB); Chinese or English.
    func comment(_ random: inout SeededRandom, chinese: Bool) -> String {
        let pool = chinese ? self.chinese : english
        let length: Int
        switch Double.random(in: 0..<1, using: &random) {
        case ..<0.55: length = 1
        case ..<0.85: length = Int.random(in: 2...4, using: &random)
        case ..<0.97: length = Int.random(in: 5...12, using: &random)
        default: length = Int.random(in: 20...60, using: &random)
        }
        var sentences: [String] = []
        for _ in 0..<length { sentences.append(random.pick(pool)) }
        // Long comments come in paragraphs of four sentences.
        var paragraphs: [String] = []
        var index = 0
        while index < sentences.count {
            paragraphs.append(sentences[index..<min(index + 4, sentences.count)].joined(separator: chinese ? "" : " "))
            index += 4
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// A few sentences in one language.
    func sentences(_ count: Int, _ random: inout SeededRandom, chinese: Bool) -> String {
        (0..<count).map { _ in random.pick(chinese ? self.chinese : english) }.joined(separator: chinese ? "" : " ")
    }
}
