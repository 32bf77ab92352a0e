import Foundation
import GitKit
import Localization

extension PlanStore {
    /// Creates a new plan repository at `path` from the template nap carries: plan.yml (titles and
    /// period filled in), an empty members.yml, GOVERNANCE.md and README.md, committed on `main` by the
    /// user's git identity. Refuses a folder that holds anything, and leaves nothing behind on failure.
    public static func initialize(at path: String, titles: [String: String], period: Period,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PlanStore {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else { throw PlanError.folderNotEmpty(path: path, entries: ["(a file)"]) }
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty else { throw PlanError.folderNotEmpty(path: path, entries: entries.sorted()) }
        }
        for (language, title) in titles where title.trimmingCharacters(in: .whitespaces).isEmpty || title.contains("\n") {
            throw PlanError.invalidInput(L("the \(language) title must be one non-empty line"))
        }
        func cleanUp() {
            if existed {
                for entry in (try? manager.contentsOfDirectory(atPath: path)) ?? [] { try? manager.removeItem(atPath: path + "/" + entry) }
            } else {
                try? manager.removeItem(atPath: path)
            }
        }
        do {
            let repository = try PlanError.wrap { try Repository.create(at: path) }
            let store = try PlanStore(repository: repository, environment: environment)
            let signature = try store.identity()
            for (relative, bytes) in try PlanTemplate.files(titles: titles, period: period) {
                let url = URL(fileURLWithPath: store.root + relative)
                try FileWrite.createFolder(url.deletingLastPathComponent().path)
                try FileWrite.write(Data(bytes), to: url.path, shownAs: relative, options: [])
            }
            try PlanError.wrap {
                let tree = try repository.stageAll()
                let id = try store.writeCommit(tree: tree, parents: [], message: "Start the plan from nap's template\n", signature: signature)
                try repository.updateReference(RefNames.main, to: id, expecting: .absent, message: "nap init")
            }
            return store
        } catch {
            cleanUp()
            throw error
        }
    }

    /// The default plan period: four years from the coming January.
    public static func defaultPeriod(now: Date = Date()) throws -> Period {
        let year = Calendar(identifier: .gregorian).component(.year, from: now) + 1
        return Period(start: try PlanDate(parsing: "\(year)-01"), end: try PlanDate(parsing: "\(year + 3)-12"))
    }
}
