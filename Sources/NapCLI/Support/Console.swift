import Foundation
import Localization
import PlanKit

/// Where commands write: standard output for results, standard error for diagnostics. Writes go straight
/// to the file descriptor, unbuffered.
///
/// When the reader has gone (`nap proposals | head -1`: the pipe is closed), nap ends quietly, as git and
/// other Unix tools do when SIGPIPE ends them, instead of trapping inside Foundation: writes use the
/// throwing `write(contentsOf:)`, and EPIPE ends the process by SIGPIPE (the shell's usual status 141,
/// no message). Other write errors (a full disk) are ignored, as `print` ignores them.
enum Console {
    static func out(_ text: String = "") {
        write(text + "\n", to: FileHandle.standardOutput)
    }

    static func err(_ text: String) {
        write(text + "\n", to: FileHandle.standardError)
    }

    /// Writes a message, in the language nap speaks (`Language.current`), and a line break to standard output.
    static func out(_ message: Message) {
        out(message.localized)
    }

    /// Writes a message, in the language nap speaks, and a line break to standard error.
    static func err(_ message: Message) {
        err(message.localized)
    }

    /// Writes `text` as it is (no newline added) to standard output.
    static func raw(_ text: String) {
        write(text, to: FileHandle.standardOutput)
    }

    /// Writes `text` as it is to standard error (progress lines).
    static func rawError(_ text: String) {
        write(text, to: FileHandle.standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            if isBrokenPipe(error) { endByBrokenPipe() }
        }
    }

    /// True for the error of a write to a pipe nobody reads any more.
    static func isBrokenPipe(_ error: any Error) -> Bool {
        PlanError.posixCode(of: error) == EPIPE
    }

    /// Ends the process the way a closed pipe ends other tools: by SIGPIPE, restored to its default first
    /// (a parent may have left it ignored, and that is inherited); exit status 141 if it does not end it.
    static func endByBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        _exit(141)
    }

    /// True when standard output is a terminal (progress and colour are for people only).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
