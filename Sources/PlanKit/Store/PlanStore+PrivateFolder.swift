import Foundation
import Localization

extension PlanStore {
    /// `<git dir>/nap/private/`: what a front keeps about people that must never be published — the
    /// contact addresses the public leave with a comment on `nap serve`, its invitations. Inside the git
    /// folder, so nothing there is ever committed, pushed or cloned. Created (owner-only) when missing.
    public func privateDirectory() throws -> String {
        let path = URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("nap/private", isDirectory: true).path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PlanError.refused(reason: L("cannot create nap's private folder \(path): \(error.localizedDescription)"), hint: nil)
        }
        return path.hasSuffix("/") ? path : path + "/"
    }
}
