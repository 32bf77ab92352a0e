import PlanKit

/// A proposal's change to one file, as on `nap diff`: line hunks, removed and added lines paired with
/// their changed characters marked, and the discussion threads placed right after the lines they are
/// about (beside them on a wide screen).
struct DiffFileView {
    struct Line {
        let number: String
        let sign: String
        let kind: String
        let anchored: Bool
        let spoken: String
        let textHTML: TrustedHTML
        let newLine: Int?
    }

    struct Block {
        let lines: [Line]
        let hasThreads: Bool
        let threadsHeading: String
        let threads: [ThreadView]
        /// On `nap serve`: the link to comment on these lines (the new side), and what it says.
        var commentHref: String?
        var commentLabel: String?
    }

    struct Hunk {
        let header: String
        let blocks: [Block]
    }

    /// A thread whose lines are not in the diff, or no longer in the text, with the lines it quoted.
    struct Placed {
        let `where`: String
        let quote: String
        let thread: ThreadView
    }

    let index: Int
    let path: String
    let changeLabel: String
    let hunks: [Hunk]
    let hasElsewhere: Bool
    let elsewhere: [Placed]

    /// `anchored`: the threads anchored to this file that stand in the current head, with their lines.
    /// `proposal`: the id of the proposal whose diff this is, for the links to comment on its lines on `nap serve`.
    init(_ file: FileChange, index: Int, anchored: [(start: Int, end: Int, anchor: Anchor, thread: ThreadView)], page: PageContext,
         proposal: String = "") {
        let words = page.words
        self.index = index
        path = file.path
        switch file.change {
        case .added: changeLabel = words["fileAdded"]
        case .deleted: changeLabel = words["fileDeleted"]
        case .renamed: changeLabel = words["fileRenamed"]
        default: changeLabel = words["fileModified"]
        }
        var remaining = anchored
        var hunks: [Hunk] = []
        for hunk in file.hunks {
            let lines = DiffFileView.lines(of: hunk.lines, words: words, memo: page.content.memo, anchored: anchored.map { ($0.start, $0.end) })
            var blocks: [Block] = []
            var current: [Line] = []
            for line in lines {
                current.append(line)
                guard let number = line.newLine else { continue }
                let here = remaining.enumerated().filter { $0.element.end == number }
                guard !here.isEmpty else { continue }
                let threads = here.map(\.element)
                remaining.removeAll { item in threads.contains { $0.anchor == item.anchor && $0.thread.root.shortID == item.thread.root.shortID } }
                let ranges = Set(threads.map { $0.start == $0.end ? "\($0.start)" : "\($0.start)–\($0.end)" }).sorted()
                blocks.append(Block(lines: current, hasThreads: true, threadsHeading: words.format("threadsOnLines", ranges.joined(separator: ", ")),
                                    threads: threads.map(\.thread)))
                current = []
            }
            if !current.isEmpty { blocks.append(Block(lines: current, hasThreads: false, threadsHeading: "", threads: [])) }
            hunks.append(Hunk(header: "@@ -\(hunk.oldStart),\(hunk.oldCount) +\(hunk.newStart),\(hunk.newCount) @@", blocks: blocks))
        }
        if page.served, file.change != .deleted {
            hunks = hunks.map { hunk in
                Hunk(header: hunk.header, blocks: hunk.blocks.map { block in
                    let numbers = block.lines.compactMap(\.newLine)
                    guard let first = numbers.min(), let last = numbers.max() else { return block }
                    var block = block
                    let range = first == last ? "\(first)" : "\(first)–\(last)"
                    block.commentHref = page.serverLink("comment", query: [("proposal", proposal), ("path", file.path),
                                                                           ("start", String(first)), ("end", String(last))])
                    block.commentLabel = words.format("commentOnLines", range)
                    return block
                })
            }
        }
        self.hunks = hunks
        elsewhere = remaining.map { item in
            Placed(where: "\(item.anchor.path): " + words.format("linesLabel", item.start == item.end ? "\(item.start)" : "\(item.start)–\(item.end)"),
                   quote: item.anchor.quote, thread: item.thread)
        }
        hasElsewhere = !elsewhere.isEmpty
    }

    /// The lines of a hunk: runs of removed lines paired with the added lines that replace them, their
    /// changed characters marked when the two are alike enough (the rule of `nap diff`).
    static func lines(of lines: [DiffLine], words: Words, memo: RenderMemo, anchored: [(Int, Int)]) -> [Line] {
        func isAnchored(_ number: Int?) -> Bool {
            guard let number else { return false }
            return anchored.contains { $0.0 <= number && number <= $0.1 }
        }
        func plain(_ line: DiffLine) -> Line {
            switch line.origin {
            case .context:
                return Line(number: line.newLine.map(String.init) ?? "", sign: " ", kind: "context", anchored: isAnchored(line.newLine),
                            spoken: words["lineContext"], textHTML: .text(line.content), newLine: line.newLine)
            case .added:
                return Line(number: line.newLine.map(String.init) ?? "", sign: "+", kind: "added", anchored: isAnchored(line.newLine),
                            spoken: words["lineAdded"], textHTML: .text(line.content), newLine: line.newLine)
            case .removed:
                return Line(number: line.oldLine.map(String.init) ?? "", sign: "−", kind: "removed", anchored: false,
                            spoken: words["lineRemoved"], textHTML: .text(line.content), newLine: nil)
            }
        }
        var out: [Line] = []
        var index = 0
        while index < lines.count {
            guard lines[index].origin == .removed else {
                out.append(plain(lines[index]))
                index += 1
                continue
            }
            var removed: [DiffLine] = []
            while index < lines.count, lines[index].origin == .removed { removed.append(lines[index]); index += 1 }
            var added: [DiffLine] = []
            while index < lines.count, lines[index].origin == .added { added.append(lines[index]); index += 1 }
            var oldLines: [Line] = [], newLines: [Line] = []
            for k in 0..<max(removed.count, added.count) {
                if k < removed.count, k < added.count {
                    let (old, new, similarity) = memo.pair(old: removed[k].content, new: added[k].content)
                    if similarity >= 0.3 {
                        let before = plain(removed[k]), after = plain(added[k])
                        oldLines.append(Line(number: before.number, sign: before.sign, kind: before.kind, anchored: false, spoken: before.spoken,
                                             textHTML: marked(old, tag: "del"), newLine: nil))
                        newLines.append(Line(number: after.number, sign: after.sign, kind: after.kind, anchored: after.anchored,
                                             spoken: after.spoken, textHTML: marked(new, tag: "ins"), newLine: after.newLine))
                        continue
                    }
                }
                if k < removed.count { oldLines.append(plain(removed[k])) }
                if k < added.count { newLines.append(plain(added[k])) }
            }
            out.append(contentsOf: oldLines + newLines)
        }
        return out
    }

    /// Segments as HTML: escaped text, the changed runs inside `<del>` or `<ins>`.
    static func marked(_ segments: [IntralineDiff.Segment], tag: String) -> TrustedHTML {
        TrustedHTML.joined(segments.map { segment in
            segment.changed ? TrustedHTML.rendered("<\(tag)>" + TrustedHTML.text(segment.text).html + "</\(tag)>") : TrustedHTML.text(segment.text)
        })
    }
}

extension DiffFileView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("index", index)
        fields.add("path", path)
        fields.add("changeLabel", changeLabel)
        fields.add("hunks", hunks)
        fields.add("hasElsewhere", hasElsewhere)
        fields.add("elsewhere", elsewhere)
    }
}

extension DiffFileView.Line: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("number", number)
        fields.add("sign", sign)
        fields.add("kind", kind)
        fields.add("anchored", anchored)
        fields.add("spoken", spoken)
        fields.add("textHTML", textHTML)
        fields.add("newLine", newLine)
    }
}

extension DiffFileView.Block: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("lines", lines)
        fields.add("hasThreads", hasThreads)
        fields.add("threadsHeading", threadsHeading)
        fields.add("threads", threads)
        fields.add("commentHref", commentHref)
        fields.add("commentLabel", commentLabel)
    }
}

extension DiffFileView.Hunk: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("header", header)
        fields.add("blocks", blocks)
    }
}

extension DiffFileView.Placed: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("where", `where`)
        fields.add("quote", quote)
        fields.add("thread", thread)
    }
}
