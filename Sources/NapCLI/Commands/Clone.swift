import ArgumentParser
import Foundation
import Localization
import PlanKit

struct Clone: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "clone",
            abstract: L("Copy a plan from a hub, a forge or a path, ready to work on.").localized,
            discussion: L("""
            Clones the repository with the remote `origin`, checks out main, and sets up the record, every proposal branch and the published versions as local branches and tags. A plain `git clone` followed by `nap sync` reaches the same state. From then on `nap sync` exchanges work with the hub.

            Examples:
              nap clone git@github.com:ndc-tw/ogp-nap.git
              nap clone /srv/plans/ogp.git ogp-plan
            """).localized)
    }

    @Option(name: .customShort("C"), help: ArgumentHelp(L("Run as if nap was started in <path>."), valueName: "path")) var base: String?
    @Argument(help: ArgumentHelp(L("The plan's URL or path."))) var url: String
    @Argument(help: ArgumentHelp(L("The folder to create (default: the last part of the URL, without .git)."))) var directory: String?
    @Flag(help: ArgumentHelp(L("Print the result as JSON: {\"path\", \"main\", \"sync\": <the sync report>}."))) var json = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let cwd = FileManager.default.currentDirectoryPath
        let start = base.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        guard let name = directory ?? Self.defaultFolder(for: url) else {
            throw PlanError.invalidInput(L("cannot tell a folder name from \(url); give one: nap clone <url> <folder>"))
        }
        let target = URL(fileURLWithPath: name.hasPrefix("/") ? name : start + "/" + name).standardizedFileURL.path
        var source = url
        if let path = PlanStore.localPath(ofRemote: url), !url.hasPrefix("file://"), !path.hasPrefix("/") {
            source = URL(fileURLWithPath: start + "/" + path).standardizedFileURL.path
        }
        let meter = TransferMeter()
        let result: (store: PlanStore, report: SyncReport)
        do {
            result = try PlanStore.clone(from: source, to: target, progress: meter.callback)
            meter.finish()
        } catch {
            meter.finish()
            throw error
        }
        if json {
            struct Output: Encodable {
                let path: String
                let main: String?
                let sync: SyncReport
            }
            try JSONOutput.print(Output(path: target, main: try result.store.mainHead()?.hex, sync: result.report))
        } else {
            let proposals = try result.store.proposalListings().count
            let events = result.report.received.events
            Console.out(L("Cloned \(SafeText.line(PlanStore.shownAddress(url))) into \(SafeText.line(target)): \(Message.plural(proposals, one: L("1 proposal"), other: L("\(proposals) proposals"))), \(Message.plural(events, one: L("1 recorded event"), other: L("\(events) recorded events")))."))
            for warning in result.report.warnings + result.report.problems {
                Console.err(L("nap: warning: \(SafeText.display(warning.message.localized))"))
                if let hint = warning.hint { Console.err(L("hint: \(SafeText.display(hint.localized))")) }
            }
            Console.out(L("Next: cd \(SafeText.line(target)) && nap proposals"))
        }
        if !result.report.isComplete { throw ExitCode(1) }
    }

    /// `hub.git` from `git@host:ndc/hub.git`, `/srv/hub.git/`, `https://host/ndc/hub`.
    static func defaultFolder(for url: String) -> String? {
        var text = url
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix("/.git") { text.removeLast(5) }
        let last = text.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? ""
        let name = last.hasSuffix(".git") ? String(last.dropLast(4)) : last
        return name.isEmpty || name == "." || name == ".." ? nil : name
    }
}
