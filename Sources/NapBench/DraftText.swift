/// The text of one commitment file on one branch, as lines, with the edits drafters make: reword a
/// paragraph, add one, drop one. Front matter and headings are never touched, so the file stays valid
/// (translations go stale, as they do in real drafting: validation only warns).
struct DraftText {
    var lines: [String]
    /// Where this drafter works: edits stay near this line, as real drafts do.
    var focus: Int

    init(_ text: String, random: inout SeededRandom) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        focus = 0
        let paragraphs = paragraphLines()
        focus = paragraphs.isEmpty ? 0 : random.pick(paragraphs)
    }

    var text: String { lines.joined(separator: "\n") }

    private var bodyStart: Int {
        var dashes = 0
        for (index, line) in lines.enumerated() where line == "---" {
            dashes += 1
            if dashes == 2 { return index + 1 }
        }
        return lines.count
    }

    private func isParagraph(_ index: Int) -> Bool {
        index >= bodyStart && index < lines.count && !lines[index].isEmpty && !lines[index].hasPrefix("#")
    }

    func paragraphLines() -> [Int] {
        (bodyStart..<lines.count).filter(isParagraph)
    }

    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// One drafting change; returns a line (1-based) and its text near the change, to anchor comments to.
    mutating func edit(corpus: Corpus, random: inout SeededRandom) -> AnchorPoint? {
        let all = paragraphLines()
        guard !all.isEmpty else { return nil }
        let near = all.filter { abs($0 - focus) <= 8 }
        let index = random.pick(near.isEmpty ? all : near)
        let chinese = Self.isChinese(lines[index])
        let fresh = corpus.sentences(Int.random(in: 1...3, using: &random), &random, chinese: chinese)
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.6 {
            lines[index] = fresh
        } else if roll < 0.85 || !(isParagraph(index - 2) || isParagraph(index + 2)) {
            lines.insert(contentsOf: [fresh, ""], at: index + 2 <= lines.count ? index + 2 : lines.count)
        } else {
            lines.removeSubrange(index...min(index + 1, lines.count - 1))
        }
        focus = min(max(index, bodyStart), lines.count - 1)
        let candidates = paragraphLines().filter { abs($0 - focus) <= 4 }
        guard let line = candidates.first ?? paragraphLines().first else { return nil }
        return AnchorPoint(line: line + 1, quote: lines[line])
    }
}
