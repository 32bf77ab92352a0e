import ArgumentParser
import Foundation
import Localization
import PlanKit

struct Sync: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "sync",
            abstract: L("Exchange proposals, the record and versions with another copy of the plan (a hub, a forge, a path).").localized,
            discussion: L("""
            Fetches every branch and tag; brings the record together (a fast-forward, or a union merge that never conflicts and never loses a comment, review or response); creates or fast-forwards proposal branches and main; then pushes what the remote lacks: your proposal branches, the record, main after a merge here, and new version tags. If someone pushed meanwhile it fetches and tries again. Nothing is ever overwritten: a proposal branch changed on both sides, a version tag with two targets, or two proposals with the same name are reported with the way out, and the exit code is 1 until they are resolved.

            REMOTE is a configured remote (default: origin) or a URL or path: a bare repository, file://, git://, ssh:// (keys from ssh-agent) or https:// (passwords from your git credential helper).

            Examples:
              nap sync
              nap sync /srv/plans/ogp.git
              nap sync --json
              nap sync --rename open-data=open-data-2
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The remote's name, or a URL or path (default: origin)."))) var remote: String?
    @Option(name: .customLong("rename"), help: ArgumentHelp(L("End a name clash: give the proposal named SLUG whose drafts are here the name NEW."), valueName: "SLUG=NEW"))
    var renames: [String] = []
    @Flag(help: ArgumentHelp(L("Print the report as JSON (schema in docs/STORAGE.md, section Sync)."))) var json = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN) // a connection cut mid-push must be an error, not a killed process
        var parsedRenames: [String: String] = [:]
        for rename in renames {
            let parts = rename.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw PlanError.invalidInput(L("--rename takes SLUG=NEW-SLUG, e.g. --rename open-data=open-data-2"))
            }
            parsedRenames[parts[0]] = parts[1]
        }
        let store = try PlanStore.openForSync(at: global.workingDirectory)
        let meter = TransferMeter()
        let report: SyncReport
        do {
            report = try store.sync(SyncOptions(remote: remote, renames: parsedRenames, progress: meter.callback))
            meter.finish()
        } catch {
            meter.finish()
            throw error
        }
        try SyncRendering.present(report, json: json, title: L("Synced with \(SyncRendering.place(report))"))
        if !report.isComplete { throw ExitCode(1) }
    }
}

/// How sync and clone reports are shown.
enum SyncRendering {
    static func place(_ report: SyncReport) -> String {
        report.remote == report.url ? SafeText.line(report.url) : "\(SafeText.line(report.remote)) (\(SafeText.line(report.url)))"
    }

    /// Prints the report (text on stdout, problems on stderr), or the JSON.
    static func present(_ report: SyncReport, json: Bool, title: Message) throws {
        if json {
            try JSONOutput.print(report)
            return
        }
        Console.out(report.attempts > 1 ? L("\(title) (in \(report.attempts) rounds: others pushed meanwhile).") : L("\(title)."))
        Console.out(L("  received: \(counts(report.received))"))
        Console.out(L("  sent:     \(counts(report.sent))"))
        for rename in report.renamed {
            Console.out(L("  renamed:  \(SafeText.line(rename.slug)) → \(SafeText.line(rename.newSlug)) (proposal \(rename.newProposal.prefix(8)); the old one is withdrawn, its discussion kept)"))
        }
        for place in [ReferenceChange.Place.local, .remote] {
            let changes = report.changes.filter { $0.place == place }
            guard !changes.isEmpty else { continue }
            Console.out(place == .local ? L("  here:") : L("  remote:"))
            for change in changes { Console.out("    " + describe(change)) }
        }
        for warning in report.warnings {
            Console.err(L("nap: warning: \(SafeText.display(warning.message.localized))"))
            if let hint = warning.hint { Console.err(L("hint: \(SafeText.display(hint.localized))")) }
        }
        for problem in report.problems {
            Console.err(L("nap: not synced: \(SafeText.display(problem.message.localized))"))
            if let hint = problem.hint { Console.err(L("hint: \(SafeText.display(hint.localized))")) }
        }
    }

    static func counts(_ counts: EventCounts) -> String {
        guard !counts.isEmpty else { return L("nothing new").localized }
        var parts: [Message] = []
        func add(_ n: Int, _ one: Message, _ many: Message) { if n > 0 { parts.append(Message.plural(n, one: one, other: many)) } }
        add(counts.proposals, L("1 new proposal"), L("\(counts.proposals) new proposals"))
        add(counts.comments, L("1 comment"), L("\(counts.comments) comments"))
        add(counts.responses, L("1 response"), L("\(counts.responses) responses"))
        add(counts.approvals, L("1 approval"), L("\(counts.approvals) approvals"))
        add(counts.changeRequests, L("1 request for changes"), L("\(counts.changeRequests) requests for changes"))
        add(counts.revisions, L("1 new draft"), L("\(counts.revisions) new drafts"))
        add(counts.versions, L("1 version"), L("\(counts.versions) versions"))
        add(counts.meetings, L("1 meeting"), L("\(counts.meetings) meetings"))
        add(counts.progress, L("1 progress event"), L("\(counts.progress) progress events"))
        let other = counts.events - counts.proposals - counts.comments - counts.responses - counts.approvals - counts.changeRequests
            - counts.revisions - counts.meetings - counts.progress
        add(other, L("1 other event"), L("\(other) other events"))
        return parts.map(\.localized).joined(separator: L(", ").localized)
    }

    static func describe(_ change: ReferenceChange) -> String {
        let name = SafeText.line(RefNames.shortName(change.reference))
        let new = change.new?.short(7) ?? ""
        switch change.action {
        case .created: return L("\(name): new at \(new)").localized
        case .fastForwarded: return "\(name): \(change.old?.short(7) ?? "")..\(new)"
        case .merged: return L("\(name): \(change.old?.short(7) ?? "") joined with the remote's copy as \(new)").localized
        case .reset: return L("\(name): now the remote's \(new) (your drafts moved to the new name)").localized
        case .deleted: return L("\(name): removed here (your drafts moved to the new name)").localized
        }
    }
}
