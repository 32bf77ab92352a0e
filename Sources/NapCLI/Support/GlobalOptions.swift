import ArgumentParser
import Localization
import Foundation
import PlanKit

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp(L("Run as if nap was started in <path>."), valueName: "path"))
    var directory: String?

    /// The folder nap works in.
    var workingDirectory: String {
        let cwd = FileManager.default.currentDirectoryPath
        guard let directory else { return cwd }
        return directory.hasPrefix("/") ? directory : cwd + "/" + directory
    }

    /// The plan containing the working folder.
    func openPlan() throws -> PlanStore {
        let store = try PlanStore.open(at: workingDirectory)
        store.signer.warningHandler = { Console.err(L("nap: warning: \(SafeText.line($0))")) }
        return store
    }
}
