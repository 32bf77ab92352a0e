import ArgumentParser
import Foundation
import Localization
import NapWeb
import PlanKit

struct Site: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "site",
            abstract: L("Write the plan's public website: the plan and how it was made, in every plan language.").localized,
            discussion: L("""
            A static site for any web host (GitHub Pages, GitLab Pages, nginx) or for reading from disk: the plan's commitments with their history and where each paragraph came from; every proposal with its text changes, threads beside the lines, reasoned responses, reviews and blockers; every published version with the changes between versions; the reasoned-response report (with CSV and JSON downloads); the forum's members (never their email addresses) and rules; how to take part and how to verify; an Atom feed, an accessibility statement and a sitemap. Pages are in zh-Hant and en under DIR/zh-Hant/ and DIR/en/; DIR/index.html links both. Every link is relative; nothing is loaded from another host; no JavaScript.

            The same repository state gives the same bytes. Run it again into the same folder and only the files that changed are written; pages that no longer exist are deleted (only files nap site wrote, listed in DIR/.nap-site). REV chooses the plan text shown (default main); proposals and responses are always the record's current state. The process pages (timeline, meetings, implementation) count days from the day of the repository's last change, so that a rebuild of the same state gives the same bytes; --as-of names another day (`today` for the computer's clock), e.g. for a nightly rebuild that shows milestones falling overdue. See docs/SITE.md.

            Examples:
              nap site -o site
              nap site v1 -o public --base-url https://ogp.example.gov.tw/plan/
              nap site -o public --as-of today
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The revision whose plan text the site shows: main, a version, a commit."))) var revision = "main"
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The folder to write the site into (created when missing)."), valueName: "dir")) var output: String
    @Option(help: ArgumentHelp(L("The site's public address: the sitemap and the feeds then use absolute URLs."), valueName: "url")) var baseURL: String?
    @Option(help: ArgumentHelp(L("The day the process pages count from (default: the repository's last change; `today`)."), valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(where: \.isWhitespace) {
            throw ValidationError(L("--base-url must be an http(s) address, e.g. https://ogp.example.gov.tw/plan/").localized)
        }
    }

    func run() throws {
        let store = try global.openPlan()
        KeptUntilExit.keep(store)
        let meter = SiteMeter()
        let folder = output.hasPrefix("/") ? output : global.workingDirectory + "/" + output
        let summary: SiteWriteSummary
        let day: PlanDate?
        if asOf == "today" {
            guard let today = PlanDate.day(of: store.now) else { throw PlanError.invalidInput(L("the computer's clock is outside the years nap can count")) }
            day = today
        } else {
            day = try asOf.map { try OptionValues.date($0, option: "--as-of") }
        }
        do {
            let writer = SiteWriter(directory: folder)
            if let unchanged = try writer.unchanged(store: store, revision: revision, baseURL: baseURL, asOf: day) {
                summary = unchanged
            } else {
                let site = try SiteRenderer(store: store, revision: revision, baseURL: baseURL, asOf: day, progress: meter.update)
                summary = try writer.write(site, progress: meter.update)
                KeptUntilExit.keep(site)
            }
        } catch let error as SiteError {
            meter.finish()
            throw PlanError.refused(reason: error.message, hint: nil)
        }
        meter.finish()
        let place = SafeText.line(output)
        Console.out(summary.notRendered > 0
            ? L("Wrote the site to \(place): \(summary.written.count) files written, \(summary.unchanged) unchanged (\(summary.notRendered) not rendered again), \(summary.removed.count) removed.")
            : L("Wrote the site to \(place): \(summary.written.count) files written, \(summary.unchanged) unchanged, \(summary.removed.count) removed."))
        Console.out(L("Open \(SafeText.line(output))/index.html, or publish the folder on a static host (docs/SITE.md)."))
    }
}

/// A one-line progress meter on standard error, for people only: redrawn at most ten times a second.
final class SiteMeter {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool = Console.errorIsTerminal) {
        self.enabled = enabled
    }

    func update(_ progress: SiteProgress) {
        guard enabled else { return }
        let now = Date()
        guard progress.done == progress.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let what = progress.phase == "reading" ? L("Reading proposals: \(progress.done)/\(progress.total)") : L("Writing pages: \(progress.done)/\(progress.total)")
        FileHandle.standardError.write(Data("\r\(what.localized)\u{1B}[K".utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
