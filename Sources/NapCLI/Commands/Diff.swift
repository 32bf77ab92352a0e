import ArgumentParser
import Localization
import PlanKit

struct Diff: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "diff",
            abstract: L("Show what a proposal changes, against its merge base with main.").localized,
            discussion: L("""
            Changed lines are paired and the changed characters inside them are marked, so that an edit in a long line of Chinese text stands out: in colour on a terminal, else as [-removed-]{+added+}.

            Examples:
              nap diff political-donations
              nap diff political-donations --color never | less
            """).localized)
    }

    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Option(help: ArgumentHelp(L("auto, always or never."))) var color: ColorMode = .auto
    @Option(help: ArgumentHelp(L("Lines of context around each change."))) var context: Int = 3

    func validate() throws {
        guard (0...1000).contains(context) else { throw ValidationError(L("--context must be between 0 and 1000").localized) }
    }

    func run() throws {
        let (summary, base, files) = try global.openPlan().diff(of: proposal, context: context)
        let colored = color == .always || (color == .auto && Console.isTerminal)
        let style = DiffStyle(colored: colored)
        Console.out(style.header(L("proposal \(SafeText.line(summary.slug)): \(base.short())..\(summary.head?.short() ?? "?")").localized))
        if files.isEmpty { Console.out(L("No changes yet.")) }
        for file in files {
            Console.out(style.header(L("\(Words.change(file.change.rawValue)): \(SafeText.line(file.path))").localized))
            for hunk in file.hunks {
                Console.out(style.hunk("@@ -\(hunk.oldStart),\(hunk.oldCount) +\(hunk.newStart),\(hunk.newCount) @@"))
                for line in style.lines(hunk.lines) { Console.out(line) }
            }
        }
    }
}

/// How diff lines are drawn: ANSI colours on a terminal, plain markers elsewhere.
struct DiffStyle {
    let colored: Bool

    func header(_ text: String) -> String { colored ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func hunk(_ text: String) -> String { colored ? "\u{1B}[36m\(text)\u{1B}[0m" : text }

    /// The lines of a hunk, with runs of removed lines paired with the added lines that replace them.
    func lines(_ lines: [DiffLine]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < lines.count {
            guard lines[index].origin == .removed else {
                let line = lines[index]
                out.append(line.origin == .added ? plain("+", line.content, color: "32") : " " + SafeText.line(line.content))
                index += 1
                continue
            }
            var removed: [DiffLine] = []
            while index < lines.count, lines[index].origin == .removed { removed.append(lines[index]); index += 1 }
            var added: [DiffLine] = []
            while index < lines.count, lines[index].origin == .added { added.append(lines[index]); index += 1 }
            var oldLines: [String] = [], newLines: [String] = []
            for k in 0..<max(removed.count, added.count) {
                if k < removed.count, k < added.count {
                    let (old, new) = IntralineDiff.segments(old: removed[k].content, new: added[k].content)
                    if IntralineDiff.similarity(old, new) >= 0.3 {
                        oldLines.append(marked("-", old, color: "31"))
                        newLines.append(marked("+", new, color: "32"))
                        continue
                    }
                }
                if k < removed.count { oldLines.append(plain("-", removed[k].content, color: "31")) }
                if k < added.count { newLines.append(plain("+", added[k].content, color: "32")) }
            }
            out.append(contentsOf: oldLines + newLines)
        }
        return out
    }

    private func plain(_ sign: String, _ text: String, color: String) -> String {
        colored ? "\u{1B}[\(color)m\(sign)\(SafeText.line(text))\u{1B}[0m" : sign + SafeText.line(text)
    }

    private func marked(_ sign: String, _ segments: [IntralineDiff.Segment], color: String) -> String {
        var out = colored ? "\u{1B}[\(color)m\(sign)" : sign
        for segment in segments {
            let text = SafeText.line(segment.text)
            if !segment.changed { out += text; continue }
            if colored {
                out += "\u{1B}[7m\(text)\u{1B}[27m"
            } else {
                out += sign == "-" ? "[-\(text)-]" : "{+\(text)+}"
            }
        }
        return out + (colored ? "\u{1B}[0m" : "")
    }
}
