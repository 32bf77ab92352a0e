import ArgumentParser
import Foundation
import Localization
import PlanKit

extension MeetingKind: ExpressibleByArgument {}

struct MeetingCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "meeting",
            abstract: L("Record a meeting of the forum (its minutes, attendees, decisions) and show one.").localized,
            subcommands: [MeetingAdd.self, MeetingShow.self])
    }
}

struct MeetingAdd: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add",
            abstract: L("Record a meeting in the record, or revise its record (every version is kept).").localized,
            discussion: L("""
            A meeting document (--file) has YAML front matter — date, kind, title, agenda-published, attendees (member ids), public-attendance (by sector), links, decisions (proposal, outcome, reason) — and the minutes in a block per language (# 會議紀錄 {lang=zh-Hant}); docs/FORMAT.md describes it. Without --file, the options describe the meeting and -m gives the minutes in the plan's primary language.

            Minutes are recorded by a co-chair or a member of a co-chair's organisation, signed like every event. A meeting in the future, outside the plan's timeline and period, an attendee who is not a member or a decision on an unknown proposal is refused with its place, and nothing is recorded.

            Examples:
              nap meeting add 2024-08-13-consultation --file meetings/2024-08-13.md
              nap meeting add 2025-03-forum --date 2025-03-20 --kind forum --attendee ndc-chair --attendee civil-chair \\
                  --public civil-society=12 --link transcript=https://example.org/t.pdf -m "討論第二期執行進度。"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The meeting's id (a safe id, e.g. 2024-08-13-consultation)."))) var id: String
    @Option(help: ArgumentHelp(L("A meeting document (front matter and minutes per language)."))) var file: String?
    @Option(help: ArgumentHelp(L("The day it was held (YYYY-MM-DD)."))) var date: String?
    @Option(help: ArgumentHelp(L("forum, consultation, implementation or public."))) var kind: MeetingKind?
    @Option(help: ArgumentHelp(L("When its agenda was published."), valueName: "YYYY-MM-DD")) var agendaPublished: String?
    @Option(help: ArgumentHelp(L("A member who attended (repeat)."), valueName: "member-id")) var attendee: [String] = []
    @Option(name: .customLong("public"), help: ArgumentHelp(L("People from outside the forum who attended, by sector (repeat)."), valueName: "sector=count"))
    var publicAttendance: [String] = []
    @Option(help: ArgumentHelp(L("A document of the meeting (repeat): agenda, minutes, recording, transcript, slides, other."), valueName: "kind=url"))
    var link: [String] = []
    @Option(help: ArgumentHelp(L("A decision on a proposal (repeat)."), valueName: "proposal=outcome:reason")) var decision: [String] = []
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The minutes, in the plan's primary language; - reads standard input."))) var message: String?
    @Flag(help: ArgumentHelp(L("Print the event's id as JSON."))) var json = false

    func validate() throws {
        let options = date != nil || kind != nil || agendaPublished != nil || !attendee.isEmpty || !publicAttendance.isEmpty || !link.isEmpty
            || !decision.isEmpty || message != nil
        if file != nil, options { throw ValidationError(L("give either --file or the options (--date, --kind, ...), not both").localized) }
        if file == nil, date == nil || kind == nil { throw ValidationError(L("give --file, or at least --date and --kind").localized) }
    }

    func run() throws {
        let store = try global.openPlan()
        let what: String
        let draft: MeetingDraft
        if let file {
            let full = file.hasPrefix("/") ? file : global.workingDirectory + "/" + file
            guard let data = FileManager.default.contents(atPath: full) else { throw PlanError.invalidInput(L("cannot read \(file)")) }
            let languages = try store.mainHead().flatMap { try store.loadPlan(at: $0).plan?.languages } ?? []
            let parsed = MeetingDocument.parse([UInt8](data), path: file, id: id, languages: languages)
            guard var read = parsed.value, parsed.isValid else {
                throw PlanError.invalidDocument(what: Message(verbatim: file), diagnostics: parsed.diagnostics + (parsed.value?.issues.map { $0.diagnostic(path: file) } ?? []))
            }
            read.issues += parsed.diagnostics.map { MeetingDraft.Issue(diagnostic: $0) }
            draft = read
            what = file
        } else {
            draft = try optionsDraft(store: store)
            what = "meeting \(id)"
        }
        let (event, revised, warnings) = try store.recordMeeting(draft, what: what)
        for warning in warnings {
            if case .option(let option) = warning.place {
                Console.err(L("nap: warning: \(SafeText.line("\(option): \(warning.text.localized)"))"))
            } else {
                Console.err(SafeText.display(warning.diagnostic(path: what).localized))
            }
        }
        if json { try JSONOutput.print(["id": event]); return }
        Console.out(revised ? L("Revised the record of meeting \(SafeText.line(id)): \(event)") : L("Recorded meeting \(SafeText.line(id)): \(event)"))
    }

    private func optionsDraft(store: PlanStore) throws -> MeetingDraft {
        var draft = MeetingDraft(id: id, place: .option("meeting \(id)"), minutesPlace: .option("-m"))
        if let date { draft.date = .init(try OptionValues.date(date, option: "--date"), at: .option("--date \(date)")) }
        draft.kind = kind
        if let agendaPublished {
            draft.agendaPublished = .init(try OptionValues.date(agendaPublished, option: "--agenda-published"), at: .option("--agenda-published"))
        }
        draft.attendees = attendee.map { .init($0, at: .option("--attendee \($0)")) }
        for item in publicAttendance {
            let (sector, count) = try OptionValues.pair(item, option: "--public", example: "SECTOR=COUNT, e.g. civil-society=12")
            guard ["public", "government", "legislature", "civil-society", "private-sector", "academia"].contains(sector) else {
                throw PlanError.invalidInput(L("--public \(item): '\(sector)' is not a sector (government, legislature, civil-society, private-sector, academia, public)"))
            }
            guard count.count <= 8, count.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(count) else {
                throw PlanError.invalidInput(L("--public \(item): '\(count)' is not a count"))
            }
            draft.publicAttendance[sector] = number
        }
        for item in link {
            let (kind, url) = try OptionValues.pair(item, option: "--link", example: "KIND=URL, e.g. transcript=https://…")
            guard let linkKind = MeetingLink.Kind(rawValue: kind) else {
                throw PlanError.invalidInput(L("--link \(item): '\(kind)' is not a kind of link (\(MeetingLink.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            guard ProcessEventBounds.isWebAddress(url) else { throw PlanError.invalidInput(L("--link \(item): '\(url)' is not a web address")) }
            draft.links.append(MeetingLink(kind: linkKind, url: url))
        }
        for item in decision {
            let (proposal, rest) = try OptionValues.pair(item, option: "--decision", example: "PROPOSAL=OUTCOME:REASON")
            guard let colon = rest.firstIndex(of: ":"), let outcome = Disposition(rawValue: String(rest[..<colon])) else {
                throw PlanError.invalidInput(L("--decision \(item): write PROPOSAL=OUTCOME:REASON with an outcome of \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            draft.decisions.append(.init(proposal: .init(proposal, at: .option("--decision \(proposal)")), outcome: outcome,
                                         reason: String(rest[rest.index(after: colon)...]), place: .option("--decision \(proposal)")))
        }
        if let message {
            let text = try TextInput.read(message: message, file: nil, what: L("minutes"), base: global.workingDirectory)
            if let primary = try store.mainHead().flatMap({ try store.loadPlan(at: $0).plan?.primaryLanguage }), !text.trimmed.isEmpty {
                draft.minutes[primary] = text
            }
        }
        return draft
    }
}

struct MeetingShow: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: L("Show a meeting's record: date, kind, attendees, documents, minutes, decisions, and earlier versions.").localized,
            discussion: L("Examples:\n  nap meeting show 2024-08-13-consultation\n  nap meeting show 2024-08-13-consultation --json").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The meeting's id."))) var id: String
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    func run() throws {
        let state = try global.openPlan().meeting(id)
        if json {
            try JSONOutput.print(try MeetingJSON.required(state))
            return
        }
        Console.out(MeetingRendering.text(state))
    }
}

extension MeetingDraft.Issue {
    /// A diagnostic of the document's reading, as an issue of the draft.
    init(diagnostic: Diagnostic) {
        self.init(place: .position(line: diagnostic.line, column: diagnostic.column), severity: diagnostic.severity, message: diagnostic.text)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
