import Yams
import Localization

/// Reads a meeting document (docs/FORMAT.md, "Meetings"): YAML front matter with the meeting's date,
/// kind, agenda, attendees, public attendance, links and decisions, and a body with the minutes, one
/// block per language (`# 繁體中文 {lang=zh-Hant}`). Problems of shape are recorded in the draft at their
/// positions; `PlanStore.checkMeeting` checks the draft against the plan.
public enum MeetingDocument {
    static let known = ["id", "date", "kind", "title", "agenda-published", "attendees", "public-attendance", "links", "decisions"]

    /// The draft of meeting `id` read from the document's bytes; nil (with diagnostics) when the file
    /// cannot be read at all.
    public static func parse(_ bytes: [UInt8], path: String, id: String, languages: [String]) -> Parsed<MeetingDraft> {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.decode(bytes, path: path, sizeLimit: PlanFiles.maximumFileSize, into: &diagnostics) else {
            return Parsed(value: nil, diagnostics: diagnostics)
        }
        let (split, problem) = FrontMatter.split(source.lines, path: path)
        guard let frontMatter = split else {
            let message = L("a meeting document starts with a '---' line that opens its front matter (date, kind, attendees, ...)")
            return Parsed(value: nil, diagnostics: [problem.map { Diagnostic(path: $0.path, line: $0.line, column: $0.column, message: message) }
                                                    ?? Diagnostic(path: path, message: message)])
        }
        let reader = FieldReader(path: path, lineOffset: frontMatter.openingLine)
        guard let root = reader.compose(frontMatter.yaml), let fields = reader.mapping(root, L("the front matter")) else {
            if reader.diagnostics.isEmpty { reader.report(.error, L("the front matter is empty; it needs at least date and kind"), line: 1, column: 1) }
            return Parsed(value: nil, diagnostics: reader.diagnostics)
        }
        var draft = MeetingDraft(id: id, place: .position(line: 1, column: 1),
                                 minutesPlace: .position(line: frontMatter.closingLine + 1, column: 1))
        MeetingFields(reader: reader, fields: fields, languages: languages).read(into: &draft)
        draft.minutes = minutes(frontMatter.body, firstLine: frontMatter.closingLine + 1, path: path, draft: &draft)
        return Parsed(value: draft, diagnostics: reader.diagnostics)
    }

    /// The body's language blocks: `# <any title> {lang=<code>}` starts one; fenced code is never a heading.
    private static func minutes(_ lines: ArraySlice<Substring>, firstLine: Int, path: String, draft: inout MeetingDraft) -> LocalizedText {
        var blocks: [(language: String, line: Int, lines: [Substring])] = []
        var fence: (marker: Character, count: Int)?
        var warnedLeading = false
        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            if let open = fence {
                if let close = MarkdownText.fence(line), close.marker == open.marker, close.count >= open.count { fence = nil }
            } else if let opening = MarkdownText.fence(line) {
                fence = opening
            } else if let heading = MarkdownText.heading(line), heading.level == 1 {
                guard let language = heading.attributes?.value("lang") else {
                    draft.error(L("this heading has no {lang=…} attribute; minutes are written in blocks such as '# 會議紀錄 {lang=zh-Hant}'"),
                                at: .position(line: number, column: 1))
                    continue
                }
                if blocks.contains(where: { $0.language == language }) {
                    draft.error(L("the minutes have a second \(language) block"), at: .position(line: number, column: 1))
                }
                blocks.append((language, number, []))
                continue
            }
            if blocks.isEmpty {
                if !line.trimmed.isEmpty, !warnedLeading {
                    draft.warning(L("text before the first language heading (e.g. # 會議紀錄 {lang=zh-Hant}) belongs to no language and is ignored"),
                                  at: .position(line: number, column: 1))
                    warnedLeading = true
                }
                continue
            }
            blocks[blocks.count - 1].lines.append(line)
        }
        var result: LocalizedText = [:]
        for block in blocks where result[block.language] == nil {
            let text = block.lines.joined(separator: "\n").trimmed
            if text.isEmpty {
                draft.warning(L("the \(block.language) minutes are empty"), at: .position(line: block.line, column: 1))
            } else {
                result[block.language] = text
            }
        }
        return result
    }
}

/// Reads the front matter's fields into a draft.
private struct MeetingFields {
    let reader: FieldReader
    let fields: Yams.Node.Mapping
    let languages: [String]

    func place(_ node: Yams.Node?) -> MeetingDraft.Place {
        .position(line: (node?.mark?.line ?? 1) + reader.lineOffset, column: node?.mark?.column ?? 1)
    }

    func read(into draft: inout MeetingDraft) {
        reader.warnUnknownKeys(fields, known: MeetingDocument.known, in: L("a meeting"))
        if let id = reader.text(fields, "id", .field("id"), required: false, owner: nil), id != draft.id {
            reader.error(L("the document is for meeting '\(id)', not '\(draft.id)'"), at: FieldReader.entry(fields, "id")?.value)
        }
        if let date = reader.date(fields, "date", L("the meeting's date"), required: true, owner: nil) {
            let node = FieldReader.entry(fields, "date")?.value
            if date.day == nil {
                reader.error(L("the meeting's date names a month; write the day it was held (YYYY-MM-DD)"), at: node)
            } else {
                draft.date = .init(date, at: place(node))
            }
        }
        if let kind = reader.text(fields, "kind", L("the meeting's kind"), required: true, owner: nil) {
            if let value = MeetingKind(rawValue: kind) {
                draft.kind = value
            } else {
                reader.error(L("'\(kind.prefix(40))' is not a kind of meeting (use \(MeetingKind.allCases.map(\.rawValue).joined(separator: ", ")))"),
                             at: FieldReader.entry(fields, "kind")?.value)
            }
        }
        if let (key, value) = FieldReader.entry(fields, "title"), !FieldReader.isNull(value) {
            draft.title = reader.localized(value, L("the meeting's title"), languages: languages, at: key)
        }
        if let date = reader.date(fields, "agenda-published", .field("agenda-published"), required: false, owner: nil) {
            draft.agendaPublished = .init(date, at: place(FieldReader.entry(fields, "agenda-published")?.value))
        }
        if let (_, value) = FieldReader.entry(fields, "attendees"), let items = reader.sequence(value, .field("attendees")) {
            for item in items {
                guard let id = reader.scalar(item, L("an attendee")), !id.isEmpty else { continue }
                draft.attendees.append(.init(id, at: place(item)))
            }
        }
        if let (key, value) = FieldReader.entry(fields, "public-attendance"), !FieldReader.isNull(value),
           let mapping = reader.mapping(value, .field("public-attendance"), at: key) {
            for (sectorNode, _) in mapping {
                let sector = sectorNode.scalar?.string ?? "?"
                guard EventBounds.knownSectors.contains(sector) else {
                    reader.error(L("'\(sector.prefix(40))' is not a sector (use \(EventBounds.knownSectors.sorted().joined(separator: ", ")))"), at: sectorNode)
                    continue
                }
                if let count = reader.integer(mapping, sector, .field("public-attendance.\(sector)"), in: 0...ProcessEventBounds.maximumAttendance) {
                    draft.publicAttendance[sector] = count
                }
            }
        }
        if let (_, value) = FieldReader.entry(fields, "links"), let items = reader.sequence(value, .field("links")) {
            for item in items { readLink(item, into: &draft) }
        }
        if let (_, value) = FieldReader.entry(fields, "decisions"), let items = reader.sequence(value, .field("decisions")) {
            for item in items { readDecision(item, into: &draft) }
        }
    }

    private func readLink(_ item: Yams.Node, into draft: inout MeetingDraft) {
        guard let mapping = reader.mapping(item, L("a link")) else { return }
        reader.warnUnknownKeys(mapping, known: ["kind", "url"], in: L("a link"))
        let kindText = reader.text(mapping, "kind", L("the link's kind"), required: true, owner: item)
        let url = reader.text(mapping, "url", L("the link's url"), required: true, owner: item)
        guard let kindText, let url else { return }
        guard let kind = MeetingLink.Kind(rawValue: kindText) else {
            reader.error(L("'\(kindText.prefix(40))' is not a kind of link (use \(MeetingLink.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"),
                         at: FieldReader.entry(mapping, "kind")?.value)
            return
        }
        guard ProcessEventBounds.isWebAddress(url) else {
            reader.error(L("'\(url.prefix(60))' is not a web address (https://…, without spaces)"), at: FieldReader.entry(mapping, "url")?.value)
            return
        }
        draft.links.append(MeetingLink(kind: kind, url: url))
    }

    private func readDecision(_ item: Yams.Node, into draft: inout MeetingDraft) {
        guard let mapping = reader.mapping(item, L("a decision")) else { return }
        reader.warnUnknownKeys(mapping, known: ["proposal", "outcome", "reason"], in: L("a decision"))
        let proposal = reader.text(mapping, "proposal", L("the decision's proposal"), required: true, owner: item)
        let outcomeText = reader.text(mapping, "outcome", L("the decision's outcome"), required: true, owner: item)
        let reason = reader.text(mapping, "reason", L("the decision's reason"), required: true, owner: item)
        guard let proposal, let outcomeText, let reason else { return }
        guard let outcome = Disposition(rawValue: outcomeText) else {
            reader.error(L("'\(outcomeText.prefix(40))' is not an outcome (use \(Disposition.allCases.map(\.rawValue).joined(separator: ", ")))"),
                         at: FieldReader.entry(mapping, "outcome")?.value)
            return
        }
        draft.decisions.append(.init(proposal: .init(proposal, at: place(FieldReader.entry(mapping, "proposal")?.value)), outcome: outcome,
                                     reason: reason, place: place(FieldReader.entry(mapping, "reason")?.value)))
    }
}
