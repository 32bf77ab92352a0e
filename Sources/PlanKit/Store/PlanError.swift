import GitKit
import Localization
import SSHSig

/// Everything that can go wrong in a plan operation, worded for the people using nap. Each case carries
/// the data a message or a script needs; `hint` says what to do next.
public enum PlanError: Error, Sendable, Equatable {
    /// The folder is not inside a plan repository.
    case notAPlan(path: String)
    /// `nap init` found a plan or other files where it would create one.
    case folderNotEmpty(path: String, entries: [String])
    /// No git identity (user.name / user.email) is configured.
    case noIdentity
    /// The working tree has changes that an operation would overwrite or leave behind.
    case dirtyWorkTree(paths: [String])
    /// A name given by the user is not acceptable (a slug, an id, a version).
    case invalidName(kind: Message, name: String, reason: Message)
    /// Something with that name already exists.
    case alreadyExists(kind: Message, name: String)
    /// Nothing matches what the user named.
    case notFound(kind: Message, name: String)
    /// A prefix that matches several things.
    case ambiguous(kind: Message, prefix: String, candidates: [String])
    /// The plan's files do not validate.
    case invalidPlan(diagnostics: [Diagnostic])
    /// A document given to a command (a meeting's record) has errors, each at its place; nothing was written.
    case invalidDocument(what: Message, diagnostics: [Diagnostic])
    /// The operation is not allowed for this person or in this state.
    case refused(reason: Message, hint: Message?)
    /// Bad input in an argument (empty text, unknown disposition, anchor out of range, ...).
    case invalidInput(Message)
    /// The merge gate does not hold; every blocker, one line each.
    case gateClosed(proposal: String, blockers: [Message])
    /// Merging would conflict in these files.
    case mergeConflict(proposal: String, paths: [String])
    /// The record holds something it must not: the same path with different bytes, a file that is not an
    /// event, an event of an unknown format version.
    case corruptRecord(path: String, reason: Message)
    /// An event the fold did not use because it broke the rules of the record (docs/SECURITY.md): it
    /// stays in the record, is reported, and changes no state.
    case quarantined(path: String, reason: Message)
    /// A plan file in the working tree is a symbolic link (or lies in a linked folder) that leads out of
    /// the plan's folder: it is neither read nor saved. `target` is the link's text.
    case symbolicLink(path: String, target: String, folder: Bool)
    /// A git operation failed underneath.
    case git(GitError)

    /// How the command line reports this error: 1 refused or invalid, 2 merge conflict, 70 internal.
    public var exitCode: Int32 {
        switch self {
        case .mergeConflict: 2
        case .git, .corruptRecord: 70
        default: 1
        }
    }

    /// What to do about it, when nap can say.
    public var hint: Message? {
        switch self {
        case .notAPlan: L("run `nap init` to start a plan, or pass -C <path> to a plan's folder")
        case .folderNotEmpty: L("choose an empty folder, or a new folder name: `nap init my-plan`")
        case .noIdentity: L("set who you are: git config --global user.name \"Your Name\"; git config --global user.email you@example.org")
        case .invalidDocument: L("correct each line named above and run the command again")
        case .dirtyWorkTree: L("save your changes first (`nap save -m \"...\"`), or set them aside with `git stash`")
        case .ambiguous: L("type more characters of the id, or use the proposal's slug")
        case .refused(_, let hint): hint
        case .gateClosed: L("`nap show <proposal>` lists what is still needed")
        case .mergeConflict(let proposal, _): L("bring main into the proposal with `nap update \(proposal)`, resolve, save, and ask for fresh approvals")
        case .corruptRecord: L("the record is kept as it is; run `git fsck` and compare with another copy of the plan")
        case .quarantined: L("the event is kept in the record and ignored; nothing it says counts (docs/SECURITY.md)")
        case .symbolicLink(let path, _, _): L("replace the link with the file itself (`rm \(path)`, then copy the file in); a plan's files live in its folder")
        default: nil
        }
    }
}

extension PlanError: CustomStringConvertible {
    /// The message in English (logs, tests, `--json`).
    public var description: String { message.description }

    /// What went wrong, in any language (`message.localized` for people).
    public var message: Message {
        switch self {
        case .notAPlan(let path): L("not a plan repository (or any parent folder): \(path)")
        case .folderNotEmpty(let path, let entries):
            L("\(path) is not empty (\(Self.someOf(entries))); nap init needs an empty or new folder")
        case .noIdentity: L("no git identity: user.name and user.email are not set")
        case .dirtyWorkTree(let paths): L("the working tree has uncommitted changes: \(Self.someOf(paths))")
        case .invalidName(let kind, let name, let reason): L("invalid \(kind) '\(name)': \(reason)")
        case .alreadyExists(let kind, let name): L("\(kind) '\(name)' already exists")
        case .notFound(let kind, let name): L("no \(kind) named '\(name)'")
        case .ambiguous(let kind, let prefix, let candidates):
            L("'\(prefix)' matches \(candidates.count) \(kind)s: \(candidates.joined(separator: ", "))")
        case .invalidPlan(let diagnostics):
            Message.plural(Self.errorCount(diagnostics), one: L("the plan does not validate (1 error)"),
                           other: L("the plan does not validate (\(Self.errorCount(diagnostics)) errors)"))
        case .invalidDocument(let what, let diagnostics):
            Message.plural(Self.errorCount(diagnostics), one: L("\(what) has 1 error; nothing was recorded"),
                           other: L("\(what) has \(Self.errorCount(diagnostics)) errors; nothing was recorded"))
        case .refused(let reason, _): reason
        case .invalidInput(let message): message
        case .gateClosed(let proposal, let blockers):
            BlockerList.message(L("proposal \(proposal) cannot be merged yet:"), blockers)
        case .mergeConflict(let proposal, let paths):
            L("merging \(proposal) into main would conflict in: \(paths.joined(separator: ", "))")
        case .corruptRecord(let path, let reason): L("the record is damaged at \(path): \(reason)")
        case .quarantined(let path, let reason): L("ignored \(path): \(reason)")
        case .symbolicLink(let path, let target, let folder):
            folder ? L("\(path) is a symbolic link to a folder outside the plan (\(target)); nap does not read or save it")
                : L("\(path) is a symbolic link to a file outside the plan (\(target)); nap does not read or save it")
        case .git(let error): L("git: \(error.message)")
        }
    }

    private static func someOf(_ items: [String]) -> String {
        items.prefix(5).joined(separator: ", ") + (items.count > 5 ? ", …" : "")
    }

    private static func errorCount(_ diagnostics: [Diagnostic]) -> Int {
        diagnostics.filter { $0.severity == .error }.count
    }
}

extension PlanError {
    /// Runs `body`, turning any GitError into `.git`.
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as GitError { throw PlanError.git(error) }
    }
}

extension PlanError {
    /// The PlanError for an error from a layer below PlanKit (git, signatures) that reached a front
    /// unwrapped; nil for errors that are not PlanKit's to describe (usage errors, exit codes).
    public static func converting(_ error: Error) -> PlanError? {
        switch error {
        case let error as PlanError: error
        case let error as GitError: .git(error)
        case let error as SSHSigError: .invalidInput(Message(verbatim: error.description))
        default: nil
        }
    }
}
