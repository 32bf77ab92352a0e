import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Publish: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "publish",
            abstract: L("Publish main as a version of the plan: an annotated tag (co-chairs only).").localized,
            discussion: L("""
            Refuses, and writes nothing, unless: you are a co-chair; the version is a new, valid tag name; the working tree is clean; the plan on main validates (every error is listed); and every input of this cycle has a reasoned response — on every open proposal and every proposal merged since the previous version (every input still owed one is listed). The tag's message is your message followed by the trailers Published-by:, Commitments: and Plan:, so `git show <version>` is the publication record. Share it with `nap sync` or `git push origin <version>`.

            Examples:
              nap publish v1 -m "第三期行動方案定稿 Third action plan, final text"
              nap publish v1.1 --file release-notes.md
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The version's name, e.g. v1 (a git tag name)."))) var version: String
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The message of the publication; - reads standard input."))) var message: String?
    @Option(help: ArgumentHelp(L("Read the message from a file."))) var file: String?
    @Flag(help: ArgumentHelp(L("Print the result as JSON."))) var json = false

    struct PublicationJSON: Encodable {
        let version: String
        let tag: String
        let commit: String
        let tagger: String
        let time: Date
        let commitments: Int
        let previous: String?
        let message: String
    }

    func run() throws {
        let store = try global.openPlan()
        let text = try TextInput.read(message: message, file: file, what: L("message"), base: global.workingDirectory)
        let publication = try store.publish(version: version, message: text)
        if json {
            try JSONOutput.print(PublicationJSON(
                version: publication.version, tag: publication.tag.hex, commit: publication.commit.hex,
                tagger: "\(publication.tagger.name) <\(publication.tagger.email)>", time: publication.tagger.time,
                commitments: publication.commitments, previous: publication.previous, message: publication.message))
            return
        }
        let after = publication.previous.map { L(" (after \(SafeText.line($0)))").localized } ?? ""
        Console.out(L("Published \(SafeText.line(publication.version))\(after): main at \(publication.commit.short()), \(publication.commitments) commitments, tag \(publication.tag.short())."))
        Console.out(ProposalRendering.indent(SafeText.display(publication.message.trimmingCharacters(in: .newlines)), by: "    "))
        Console.out(L("Share it: nap sync (or git push origin \(SafeText.line(publication.version))). Read it: nap render \(SafeText.line(publication.version)) --format html -o plan.html"))
    }
}
